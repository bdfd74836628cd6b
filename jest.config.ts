// `npm test`: every unit, contract (embedded adapters) and API spec in the workspace, in one Jest run.
// Specs that need a real server are `*.int-spec.ts` and run from `jest.infra.config.ts`.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const preset = require('./jest.preset.js');

export default {
  ...preset,
  testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'],
};
