import { GraphQLError } from 'graphql';

/** The codes a client of the gateway handles (`extensions.code`). */
export type GatewayErrorCode =
  'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'BUSINESS_RULE' | 'UNAVAILABLE' | 'INTERNAL_SERVER_ERROR';

export function gatewayError(code: GatewayErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

interface RestError {
  readonly error?: unknown;
  readonly message?: unknown;
  readonly fields?: ReadonlyArray<{ field: string; problems: readonly string[] }>;
  readonly details?: unknown;
  readonly currentVersion?: unknown;
}

/** REST header and body field names as the GraphQL caller wrote them. */
function argumentName(field: string): string {
  if (field === 'Idempotency-Key') return 'idempotencyKey';
  if (field === 'If-Match') return 'expectedVersion';
  if (field === 'C360-Min-Position') return 'minPosition';
  return field;
}

/**
 * A context's refusal, in GraphQL terms. The route's own code is kept (`rule`), a validation error names
 * the argument (`input.email`, `idempotencyKey`), a conflict carries the current version.
 */
export function errorFromResponse(
  status: number,
  body: unknown,
  inputFields: ReadonlySet<string>,
  prefix: 'input' | 'filter',
): GraphQLError {
  const rest = (typeof body === 'object' && body !== null ? body : {}) as RestError;
  const message = typeof rest.message === 'string' ? rest.message : `The service answered ${status}`;
  const rule = typeof rest.error === 'string' ? rest.error : undefined;
  switch (status) {
    case 400: {
      const fields = (rest.fields ?? []).map((field) => ({
        field: field.field === 'body' ? prefix : inputFields.has(field.field) ? argumentName(field.field) : `${prefix}.${field.field}`,
        problems: field.problems,
      }));
      const named = fields.length > 0 ? fields : [{ field: prefix, problems: [message] }];
      return gatewayError('BAD_USER_INPUT', named.map((f) => `${f.field}: ${f.problems.join('; ')}`).join(' | '), {
        field: named[0].field,
        fields: named,
      });
    }
    case 401:
      return gatewayError('UNAUTHENTICATED', message);
    case 403:
      return gatewayError('FORBIDDEN', message, { rule, details: rest.details });
    case 404:
      return gatewayError('NOT_FOUND', message, { rule });
    case 409:
      return gatewayError('CONFLICT', message, { rule, details: rest.details, currentVersion: rest.currentVersion });
    case 413:
    case 415:
      return gatewayError('BAD_USER_INPUT', message, { field: 'input' });
    case 422:
      return gatewayError('BUSINESS_RULE', message, { rule, details: rest.details });
    // 504 is a read-your-writes wait that ran out (`min_position_not_reached`: "retry the read"), not a
    // failure: the caller is told to retry, with the route's code, as a REST client is.
    case 503:
    case 504:
      return gatewayError('UNAVAILABLE', message, { rule });
    default:
      return gatewayError('INTERNAL_SERVER_ERROR', 'The service failed to answer; the error is in its log');
  }
}
