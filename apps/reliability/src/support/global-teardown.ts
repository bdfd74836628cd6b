import { writeFileSync } from 'node:fs';
import { readReport, renderTable, SUMMARY_FILE } from './report';

/** Prints the suite's table once every case ran, and keeps it in tmp/reliability/summary.md. */
export default function globalTeardown(): void {
  const table = renderTable(readReport());
  writeFileSync(SUMMARY_FILE, `${table}\n`);
  console.log(`\nReliability suite (tmp/reliability/summary.md):\n\n${table}\n`);
}
