// `npm run test:reliability`: the load, crash and bad-input suite (apps/reliability, `*.rel-spec.ts`)
// against the real platform process (`npm start`'s entry) on 127.0.0.1, with temp data dirs. One file
// at a time: each case starts its own platform and loads the two cores on its own. Prints a table at the end.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const preset = require('./jest.preset.js');

export default {
  ...preset,
  testMatch: ['<rootDir>/apps/reliability/**/*.rel-spec.ts'],
  maxWorkers: 1,
  testTimeout: 180_000,
  // fetch keeps idle sockets to platforms a case killed; they would hold Jest open for their keep-alive time.
  forceExit: true,
  globalSetup: '<rootDir>/apps/reliability/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/apps/reliability/src/support/global-teardown.ts',
};
