#!/usr/bin/env node
// Runs a TypeScript entry point without a build step: SWC transpiles on the fly (with decorator
// metadata, which NestJS needs) and tsconfig paths resolve the @c360/* libraries.
// Usage: node scripts/run-ts.js apps/platform/src/main.ts [args...]
const path = require('node:path');
const root = path.resolve(__dirname, '..');
process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || path.join(root, 'tsconfig.base.json');
process.env.TS_NODE_PROJECT = path.join(root, 'tsconfig.base.json');
require('tsconfig-paths').register({
  baseUrl: root,
  paths: require(path.join(root, 'tsconfig.base.json')).compilerOptions.paths,
});
require('@swc-node/register');
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.js <entry.ts> [args...]');
  process.exit(2);
}
process.argv = [process.argv[0], path.resolve(root, entry), ...args];
require(path.resolve(root, entry));
