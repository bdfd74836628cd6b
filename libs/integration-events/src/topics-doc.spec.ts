import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderTopicsDoc } from './topics-doc';

describe('docs/topics.md', () => {
  it('is what the contracts say (regenerate: node scripts/run-ts.js scripts/write-topics-doc.ts)', () => {
    const onDisk = readFileSync(join(__dirname, '../../../docs/topics.md'), 'utf8');
    expect(onDisk).toBe(renderTopicsDoc());
  });
});
