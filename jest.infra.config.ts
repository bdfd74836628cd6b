// `npm run test:infra`: the production adapters' contract suites and integration specs against real
// servers started by infra/test-infra.sh (FerretDB for MongoDB wire, Apache Kafka). EventStoreDB specs
// run where EVENTSTORE_URL points at a server.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const preset = require('./jest.preset.js');

export default {
  ...preset,
  testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'],
  testTimeout: 60_000,
  // Real-server clients (kafkajs reconnect timers after a broker restart) may linger past the last spec.
  forceExit: true,
};
