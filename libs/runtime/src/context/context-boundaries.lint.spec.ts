import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * Bounded contexts stay apart: `npm run lint` refuses an import of another context's code (the
 * `scope:<context>` rules in eslint.config.mjs). Linted here as fixtures placed, in memory, inside a
 * context, so the rule itself is proven — not only the tree that happens to obey it today.
 */
describe('context boundaries (lint)', () => {
  const root = resolve(__dirname, '../../../..');

  // ESLint runs in a child process: Jest cannot load its ESM config (eslint.config.mjs) in-process.
  const boundaryErrors = async (code: string, filePath: string): Promise<string[]> => {
    const out = execFileSync(process.execPath, ['scripts/lint-text.mjs', filePath], { cwd: root, input: code, encoding: 'utf8' });
    const messages = JSON.parse(out) as { ruleId: string | null; message: string }[];
    return messages.filter((message) => message.ruleId === '@nx/enforce-module-boundaries').map((message) => message.message);
  };

  jest.setTimeout(60_000);

  it("refuses loyalty's domain importing sales' domain", async () => {
    const errors = await boundaryErrors(
      "import { dealAggregate } from '@c360/sales-domain';\nexport const leak = dealAggregate;\n",
      'libs/loyalty/domain/src/cross-context.fixture.ts',
    );
    expect(errors).toEqual([expect.stringContaining('scope:loyalty')]);
  });

  it("refuses sales' application importing contacts' domain", async () => {
    const errors = await boundaryErrors(
      "import * as contacts from '@c360/contacts-domain';\nexport const leak = contacts;\n",
      'libs/sales/application/src/cross-context.fixture.ts',
    );
    expect(errors).toEqual([expect.stringContaining('scope:sales')]);
  });

  it('allows a context its own libs and the shared kernel', async () => {
    const errors = await boundaryErrors(
      "import { dealAggregate } from '@c360/sales-domain';\nimport { foldEvents } from '@c360/kernel';\nexport const ok = [dealAggregate, foldEvents];\n",
      'libs/sales/application/src/same-context.fixture.ts',
    );
    expect(errors).toEqual([]);
  });
});
