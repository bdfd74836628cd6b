import type { IdGenerator } from '../ids/id-generator';

/** Predictable UUID-shaped ids for tests: 00000000-0000-4000-8000-000000000001, …02, … */
export class SequentialIds implements IdGenerator {
  private counter = 0;

  next(): string {
    this.counter += 1;
    return `00000000-0000-4000-8000-${this.counter.toString().padStart(12, '0')}`;
  }
}
