import { renderTopicsDoc } from '@c360/integration-events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Regenerates docs/topics.md from the integration-event contracts.
writeFileSync(join(__dirname, '../docs/topics.md'), renderTopicsDoc());
console.log('docs/topics.md written');
