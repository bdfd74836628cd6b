import { platformContexts } from '@c360/platform';
import { printGatewaySchema } from '@c360/runtime';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

// Regenerates docs/graphql/schema.graphql from every context's declared GraphQL operations (a spec fails when it drifts).
const file = join(__dirname, '../docs/graphql/schema.graphql');
printGatewaySchema(platformContexts).then(
  (sdl) => {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, sdl);
    console.log('docs/graphql/schema.graphql written');
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
