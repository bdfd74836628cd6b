import { renderAsyncApi, renderTopicsDoc } from '@c360/integration-events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { platformContexts } from '../apps/platform/src/platform-contexts';

// Regenerates docs/topics.md and docs/asyncapi.json from what every context's definition publishes.
const contracts = platformContexts.flatMap((context) => context.publishes ?? []);
writeFileSync(join(__dirname, '../docs/topics.md'), renderTopicsDoc(contracts));
writeFileSync(join(__dirname, '../docs/asyncapi.json'), `${JSON.stringify(renderAsyncApi(contracts), null, 2)}\n`);
console.log('docs/topics.md and docs/asyncapi.json written');
