// `npm run test:distributed` (infra/test-distributed.sh starts FerretDB and Kafka first): every app as its
// own process on 127.0.0.1 (apps/distributed-smoke, `*.dist-spec.ts`), a customer journey across them and
// a processor instance killed mid-way. One file at a time: each starts about ten Node processes.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const preset = require('./jest.preset.js');

export default {
  ...preset,
  testMatch: ['<rootDir>/apps/distributed-smoke/**/*.dist-spec.ts'],
  maxWorkers: 1,
  testTimeout: 240_000,
  // fetch keeps idle sockets to apps a case killed; they would hold Jest open for their keep-alive time.
  forceExit: true,
};
