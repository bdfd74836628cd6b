/**
 * Reads another context's event data field by field into loyalty's own types. A missing or
 * malformed field is a broken contract: the reaction stops on that event (visible in health, with
 * the position an operator can skip) instead of guessing.
 */
export class ContractViolationError extends Error {
  override readonly name = 'ContractViolationError';
  constructor(
    readonly eventType: string,
    readonly problems: readonly string[],
  ) {
    super(`${eventType} does not match the agreed contract: ${problems.join('; ')}`);
  }
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** The field names of a contract shape: a reader typed against a published contract cannot ask for others. */
type Field<TContract> = Extract<keyof TContract, string>;
/** The element shape of a list field. */
type ItemOf<T> = T extends readonly (infer TItem)[] ? TItem : never;

export class ContractReader<TContract = Record<string, unknown>> {
  private readonly problems: string[] = [];
  private readonly record: Record<string, unknown>;

  constructor(
    private readonly eventType: string,
    data: unknown,
    private readonly path = '',
  ) {
    this.record = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
    if (this.record !== data) this.problems.push(`${path || 'data'} must be an object`);
  }

  private name(field: string): string {
    return this.path ? `${this.path}.${field}` : field;
  }

  string(field: Field<TContract>): string {
    const value = this.record[field];
    if (typeof value !== 'string' || value.length === 0) {
      this.problems.push(`${this.name(field)} must be a non-empty string`);
      return '';
    }
    return value;
  }

  optionalString(field: Field<TContract>): string | undefined {
    const value = this.record[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') {
      this.problems.push(`${this.name(field)} must be a string when present`);
      return undefined;
    }
    return value || undefined;
  }

  integer(field: Field<TContract>, min = Number.MIN_SAFE_INTEGER): number {
    const value = this.record[field];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
      this.problems.push(`${this.name(field)} must be an integer${min > Number.MIN_SAFE_INTEGER ? ` ≥ ${min}` : ''}`);
      return 0;
    }
    return value;
  }

  boolean(field: Field<TContract>): boolean {
    const value = this.record[field];
    if (typeof value !== 'boolean') {
      this.problems.push(`${this.name(field)} must be a boolean`);
      return false;
    }
    return value;
  }

  instant(field: Field<TContract>): string {
    const value = this.string(field);
    if (value && (!INSTANT.test(value) || Number.isNaN(new Date(value).getTime()))) {
      this.problems.push(`${this.name(field)} must be an ISO-8601 instant`);
      return '';
    }
    return value ? new Date(value).toISOString() : value;
  }

  currency(field: Field<TContract>): string {
    const value = this.string(field);
    if (value && !/^[A-Z]{3}$/.test(value)) this.problems.push(`${this.name(field)} must be an ISO-4217 code`);
    return value;
  }

  strings(field: Field<TContract>): string[] {
    const value = this.record[field];
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
      this.problems.push(`${this.name(field)} must be an array of strings`);
      return [];
    }
    return value as string[];
  }

  list<K extends Field<TContract>, T>(field: K, read: (item: ContractReader<ItemOf<TContract[K]>>) => T): T[] {
    const value = this.record[field];
    if (!Array.isArray(value)) {
      this.problems.push(`${this.name(field)} must be an array`);
      return [];
    }
    return value.map((item, index) => {
      const reader = new ContractReader<ItemOf<TContract[K]>>(this.eventType, item, `${this.name(field)}.${index}`);
      const result = read(reader);
      this.problems.push(...reader.problems);
      return result;
    });
  }

  /** Returns the value built from the fields, or throws naming every problem found. */
  done<T>(value: T): T {
    if (this.problems.length) throw new ContractViolationError(this.eventType, this.problems);
    return value;
  }
}
