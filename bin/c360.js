#!/usr/bin/env node
// The `c360` bin (package.json "bin"): the replay and audit tool, run from its TypeScript sources.
const path = require('node:path');
process.argv.splice(2, 0, path.join('apps', 'platform', 'src', 'cli', 'main.ts'));
require(path.join(__dirname, '..', 'scripts', 'run-ts.js'));
