// Exit 0 when a MongoDB-wire server answers `ping` at the URL given (argv[2]), 1 otherwise.
// Used by start.sh to wait until FerretDB is ready; uses the workspace's `mongodb` driver.
const { MongoClient } = require('mongodb');

const url = process.argv[2];
const client = new MongoClient(url, { serverSelectionTimeoutMS: 1_000, connectTimeoutMS: 1_000 });
client
  .db('admin')
  .command({ ping: 1 })
  .then((answer) => client.close().then(() => process.exit(answer.ok === 1 ? 0 : 1)))
  .catch(() => client.close().finally(() => process.exit(1)));
