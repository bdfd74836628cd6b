/**
 * What a command on one customer stream answers (REST and GraphQL alike): never its events, which
 * stay inside the context.
 */
export interface CustomerCommandResult {
  readonly customerId: string;
  /** The customer stream's revision after the command (send it back as If-Match). */
  readonly version: number;
  readonly duplicate: boolean;
}
