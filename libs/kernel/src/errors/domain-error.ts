/**
 * A broken business rule. Thrown by deciders; the API layer maps `kind` to an HTTP status
 * (invalid → 422, not-found → 404, conflict → 409, forbidden → 403).
 */
export type DomainErrorKind = 'invalid' | 'not-found' | 'conflict' | 'forbidden';

export class DomainError extends Error {
  override readonly name: string = 'DomainError';

  constructor(
    /** Stable, machine-readable code: `loyalty.insufficient-points`. */
    readonly code: string,
    message: string,
    readonly kind: DomainErrorKind = 'invalid',
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
