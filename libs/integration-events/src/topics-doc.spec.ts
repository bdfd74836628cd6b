import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderAsyncApi } from './asyncapi';
import { renderTopicsDoc } from './topics-doc';

// Regenerate both with: node scripts/run-ts.js scripts/write-topics-doc.ts
describe('published topic documentation', () => {
  const docs = join(__dirname, '../../../docs');

  it('docs/topics.md is what the contracts say', () => {
    expect(readFileSync(join(docs, 'topics.md'), 'utf8')).toBe(renderTopicsDoc());
  });

  it('docs/asyncapi.json is what the contracts say', () => {
    expect(JSON.parse(readFileSync(join(docs, 'asyncapi.json'), 'utf8'))).toEqual(renderAsyncApi());
  });
});
