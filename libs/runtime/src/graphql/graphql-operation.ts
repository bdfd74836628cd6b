import type { Role } from '../auth/roles';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A scalar argument of a query (sent as a query-string parameter of the context's route). */
export type GraphqlArgType = 'String' | 'Int' | 'Boolean';

/**
 * One field of the gateway's schema, declared by the context that owns it: the GraphQL name and the
 * context's own REST route that answers it. The gateway forwards to that route (in-process or over
 * HTTP), so validation, the role table, idempotency and the acting user stay where they are — the
 * schema is a second door onto the same use cases, never a second copy of a rule.
 */
export interface GraphqlOperation {
  readonly kind: 'query' | 'mutation';
  /** `openTicket`, `customer360`: unique across the whole schema. */
  readonly name: string;
  readonly description: string;
  readonly method: HttpMethod;
  /** The route, with its parameters (`/tickets/:ticketId/assignment`): each becomes a required `ID!` argument. */
  readonly path: string;
  /** Who may call it: the same list the route declares (checked here first, and again by the route). */
  readonly roles: readonly Role[];
  /** Optional query-string arguments of a query (`limit`, `after`, `status`). */
  readonly params?: Readonly<Record<string, GraphqlArgType>>;
  /**
   * Takes a `filter: JSON` argument: an object of the route's other query-string parameters (its REST
   * documentation lists them; the route validates them and errors name `filter.<name>`).
   */
  readonly filter?: boolean;
  /** The mutation takes an `input: JSON!` body (validated by the route, errors name `input.<field>`). */
  readonly input?: boolean;
  /** An agent edits what they have seen: the mutation takes `expectedVersion` (sent as If-Match). */
  readonly expectsVersion?: boolean;
  /** The answer is a page of `{ items, nextCursor, total? }`: served as a Relay connection. */
  readonly connection?: boolean;
}

/** A context's contribution to the gateway (its definition's `graphql`). */
export type GraphqlOperations = readonly GraphqlOperation[];

/** Path parameters of a route, in order: `/tickets/:ticketId/merge` → `['ticketId']`. */
export function pathParameters(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z][A-Za-z0-9]*)/g)].map((match) => match[1]);
}

/** A query answered by a GET route; readable by `ACCESS.read` unless `more.roles` says otherwise. */
export function graphqlQuery(name: string, description: string, path: string, more: Partial<GraphqlOperation> = {}): GraphqlOperation {
  return { kind: 'query', name, description, method: 'GET', path, roles: ['agent', 'supervisor', 'auditor'], ...more };
}

/**
 * A mutation answered by a command route: it takes an input body and, when it acts on something that
 * exists (the path names it), the version the agent saw. Day-to-day work (`ACCESS.work`) unless `more.roles`.
 */
export function graphqlCommand(
  name: string,
  description: string,
  method: Exclude<HttpMethod, 'GET'>,
  path: string,
  more: Partial<GraphqlOperation> = {},
): GraphqlOperation {
  const roles: readonly Role[] = ['agent', 'supervisor'];
  return {
    kind: 'mutation',
    name,
    description,
    method,
    path,
    roles,
    input: true,
    expectsVersion: pathParameters(path).length > 0,
    ...more,
  };
}
