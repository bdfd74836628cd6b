// Waits until a Kafka broker answers a metadata request: node wait-ready.js host:port timeoutMs
const { Kafka, logLevel } = require('kafkajs');
const [broker, timeout = '60000'] = process.argv.slice(2);
const deadline = Date.now() + Number(timeout);
const admin = new Kafka({ clientId: 'c360-wait-ready', brokers: [broker], logLevel: logLevel.NOTHING, retry: { retries: 0 } }).admin();
(async function poll() {
  while (Date.now() < deadline) {
    try {
      await admin.connect();
      await admin.describeCluster();
      await admin.disconnect();
      process.exit(0);
    } catch {
      await admin.disconnect().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  process.exit(1);
})();
