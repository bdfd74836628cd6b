import Database from 'better-sqlite3';
import { StatementsByLimit } from './statements-by-limit';

describe('StatementsByLimit', () => {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE numbers (n INTEGER PRIMARY KEY)');
  db.prepare('WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 40) INSERT INTO numbers (n) SELECT n FROM s').run();
  const reads = new StatementsByLimit(db, (limit) => `SELECT n FROM numbers WHERE n > ? ORDER BY n ${limit}`);
  afterAll(() => db.close());

  it('writes the limit into the statement, and a negative limit means none', () => {
    expect(reads.get(3).pluck().all(10)).toEqual([11, 12, 13]);
    expect(reads.get(-1).pluck().all(35)).toEqual([36, 37, 38, 39, 40]);
    expect(reads.get(3).source).toBe('SELECT n FROM numbers WHERE n > ? ORDER BY n LIMIT 3');
  });

  it('keeps one statement per limit', () => {
    expect(reads.get(7)).toBe(reads.get(7));
    expect(reads.get(7)).not.toBe(reads.get(8));
  });

  it('keeps a bounded number of limits and still answers past them', () => {
    const first = reads.get(100);
    for (let limit = 101; limit < 140; limit++) expect(reads.get(limit).pluck().all(0)).toHaveLength(40);
    expect(reads.get(100)).not.toBe(first);
    expect(reads.get(1).pluck().all(0)).toEqual([1]);
  });

  it('refuses a limit that is not an integer, so nothing but a number reaches the SQL', () => {
    expect(() => reads.get(2.5)).toThrow('integer');
    expect(() => reads.get(Number.NaN)).toThrow('integer');
  });
});
