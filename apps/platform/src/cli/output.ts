import { SingleBar } from 'cli-progress';
import type { Progress } from '@c360/replay';

/** Where a command writes: results to stdout (one JSON document or lines with --json), progress to stderr. */
export interface Output {
  readonly json: boolean;
  /** A result: JSON with --json, otherwise the human text. */
  result(value: unknown, text?: () => string): void;
  /** One line of a stream (jsonl with --json). */
  line(text: string): void;
  /** A progress bar with ETA on stderr, only on a terminal and without --json; call the result's stop(). */
  progress(label: string): { readonly update: Progress; stop(): void };
}

export function createOutput(json: boolean, write: (text: string) => void = (text) => process.stdout.write(text)): Output {
  const interactive = Boolean(process.stderr.isTTY) && !json;
  return {
    json,
    result(value, text) {
      write(json || !text ? `${JSON.stringify(value, null, json ? undefined : 2)}\n` : `${text()}\n`);
    },
    line(text) {
      write(`${text}\n`);
    },
    progress(label) {
      if (!interactive) return { update: () => undefined, stop: () => undefined };
      const bar = new SingleBar({
        format: `${label} [{bar}] {percentage}% | {value}/{total} | ETA {eta_formatted}`,
        stream: process.stderr,
        etaBuffer: 50,
      });
      let started = false;
      return {
        update(done, total) {
          if (!started) {
            bar.start(total ?? done, 0);
            started = true;
          }
          if (total !== undefined) bar.setTotal(total);
          bar.update(done);
        },
        stop: () => started && bar.stop(),
      };
    },
  };
}

/** A plain text table: columns padded to their widest cell. */
export function table<T extends object>(rows: readonly T[], columns: readonly (keyof T & string)[]): string {
  const cells = rows.map((row) => columns.map((column) => (row[column] === null || row[column] === undefined ? '-' : String(row[column]))));
  const widths = columns.map((column, index) => Math.max(column.length, ...cells.map((cell) => cell[index].length)));
  const render = (cell: readonly string[]) =>
    cell
      .map((text, index) => text.padEnd(widths[index]))
      .join('  ')
      .trimEnd();
  return [render(columns), ...cells.map(render)].join('\n');
}
