/**
 * A pino destination that keeps every line (specs: find the correlation id in the request's and the
 * projection's lines; grep for personal data after the privacy journey).
 */
export class LogCapture {
  readonly lines: string[] = [];

  write(chunk: string): void {
    for (const line of chunk.split('\n')) if (line.trim()) this.lines.push(line);
  }

  /** Each line as JSON (pino writes one object a line). */
  entries(): Array<Record<string, unknown>> {
    return this.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  /** Lines containing `text` anywhere (a name, an e-mail address, an id). */
  grep(text: string): string[] {
    const needle = text.toLowerCase();
    return this.lines.filter((line) => line.toLowerCase().includes(needle));
  }
}
