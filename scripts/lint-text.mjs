// Lints source text as if it were the file at the given path, and prints the messages as JSON.
// Used by the context-boundaries spec (Jest cannot load ESLint's ESM config in-process).
//   node scripts/lint-text.mjs <path-inside-the-workspace> < code.ts
import { createProjectGraphAsync } from '@nx/devkit';
import { ESLint } from 'eslint';
import { resolve } from 'node:path';

process.env.NX_DAEMON = 'false';
const [filePath] = process.argv.slice(2);
let code = '';
for await (const chunk of process.stdin) code += chunk;
// The module-boundary rule reads Nx's project graph; a clean clone has none cached yet.
await createProjectGraphAsync({ exitOnError: false });
const [result] = await new ESLint({ cwd: process.cwd() }).lintText(code, { filePath: resolve(filePath) });
console.log(JSON.stringify(result.messages.map(({ ruleId, message }) => ({ ruleId, message }))));
