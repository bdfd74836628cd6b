import { renderAsyncApi, renderTopicsDoc } from '@c360/integration-events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Regenerates docs/topics.md and docs/asyncapi.json from the integration-event contracts.
writeFileSync(join(__dirname, '../docs/topics.md'), renderTopicsDoc());
writeFileSync(join(__dirname, '../docs/asyncapi.json'), `${JSON.stringify(renderAsyncApi(), null, 2)}\n`);
console.log('docs/topics.md and docs/asyncapi.json written');
