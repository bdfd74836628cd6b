// Shared Jest settings. TypeScript is transpiled by SWC (fast, no type checking);
// `npm run typecheck` (part of `npm test`) type-checks the whole workspace once.
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.base.json');

module.exports = {
  testEnvironment: 'node',
  rootDir: __dirname,
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
    // jose (tokens) and content-disposition (under @fastify/static, for /docs) ship ES modules only; Jest's
    // loader, unlike Node 20, cannot require them untransformed.
    '^.+/node_modules/(jose|content-disposition)/.+\\.js$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(jose|content-disposition)/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  // Two cores shared with compilers and servers: allow slow moments without calling them failures.
  testTimeout: 20_000,
  // Anchored at the root: a clone may itself live under /tmp.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/dist/', '<rootDir>/data/', '<rootDir>/tmp/'],
};
