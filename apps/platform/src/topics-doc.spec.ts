import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderAsyncApi, renderTopicsDoc } from '@c360/integration-events';
import { platformContexts } from './platform-contexts';

const contracts = platformContexts.flatMap((context) => context.publishes ?? []);

// Regenerate both with: node scripts/run-ts.js scripts/write-topics-doc.ts
describe('published topic documentation', () => {
  const docs = join(__dirname, '../../../docs');

  it('docs/topics.md is what the contracts say', () => {
    expect(readFileSync(join(docs, 'topics.md'), 'utf8')).toBe(renderTopicsDoc(contracts));
  });

  it('docs/asyncapi.json is what the contracts say', () => {
    expect(JSON.parse(readFileSync(join(docs, 'asyncapi.json'), 'utf8'))).toEqual(renderAsyncApi(contracts));
  });
});
