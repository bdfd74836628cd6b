import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** One row of the suite's table (docs/reliability.md keeps the latest). */
export interface ReliabilityRow {
  readonly case: string;
  /** The load the platform held: `64 clients, 2,560 commands on 10 accounts`. */
  readonly load: string;
  /** Faults injected: `5 × SIGKILL`, `disk full (tmpfs)`, `—`. */
  readonly faults: string;
  /** Invalid or refused inputs tried (0 when the case sends none). */
  readonly invalidInputs: number;
  /** Effects lost (acknowledged but missing) and doubled (counted twice), as the case measured them. */
  readonly lost: number;
  readonly duplicated: number;
  readonly notes?: string;
}

const FILE = resolve(__dirname, '../../../../tmp/reliability/results.jsonl');

export function resetReport(): void {
  rmSync(FILE, { force: true });
  mkdirSync(dirname(FILE), { recursive: true });
}

/** Adds a row (each spec reports what it measured, pass or fail, so the table shows a failing case too). */
export function report(row: ReliabilityRow): void {
  mkdirSync(dirname(FILE), { recursive: true });
  appendFileSync(FILE, `${JSON.stringify(row)}\n`);
}

export function readReport(): ReliabilityRow[] {
  if (!existsSync(FILE)) return [];
  return readFileSync(FILE, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ReliabilityRow);
}

/** The table as Markdown (what the suite prints and docs/reliability.md keeps). */
export function renderTable(rows: readonly ReliabilityRow[]): string {
  const header = ['case', 'load held', 'faults injected', 'invalid inputs tried', 'lost effects', 'duplicated effects', 'notes'];
  const lines = rows.map((row) =>
    [
      row.case,
      row.load,
      row.faults,
      row.invalidInputs.toLocaleString('en-US'),
      String(row.lost),
      String(row.duplicated),
      row.notes ?? '',
    ].map((cell) => cell.replace(/\|/g, '\\|')),
  );
  const total = rows.reduce(
    (sum, row) => ({ invalid: sum.invalid + row.invalidInputs, lost: sum.lost + row.lost, duplicated: sum.duplicated + row.duplicated }),
    {
      invalid: 0,
      lost: 0,
      duplicated: 0,
    },
  );
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...lines.map((cells) => `| ${cells.join(' | ')} |`),
    `| **total** | | | ${total.invalid.toLocaleString('en-US')} | ${total.lost} | ${total.duplicated} | |`,
  ].join('\n');
}

export const REPORT_DIR = dirname(FILE);
export const SUMMARY_FILE = join(REPORT_DIR, 'summary.md');
