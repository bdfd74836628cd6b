/**
 * The MongoDB-wire server the int-specs run against: `npm run test:infra` starts FerretDB and sets
 * MONGO_URL; against another server, set it yourself. Missing, it is a failure, not a skip.
 */
export function requireMongoUrl(): string {
  const url = process.env.MONGO_URL;
  if (!url) {
    throw new Error(
      'MONGO_URL is not set: run `npm run test:infra` (starts FerretDB), or set MONGO_URL=mongodb://127.0.0.1:27017/ for a MongoDB server',
    );
  }
  return url;
}

/** One database per test run, so runs against a shared server never meet. */
export function testDatabaseName(suite: string): string {
  return `c360_test_${suite}_${process.pid}_${Date.now().toString(36)}`;
}
