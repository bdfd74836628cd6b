import { UnauthorizedException } from '@nestjs/common';
import type { GraphQLError } from 'graphql';
import { gatewayError, errorFromResponse } from './gateway-errors';
import type { GatewayContext } from './gateway-context';
import type { Connection, MutationResult } from './gateway-types';
import { pathParameters, type GraphqlOperation } from './graphql-operation';
import { maskPersonalData, masksPersonalData } from './personal-data-mask';
import type { ServiceCaller, ServiceRequest } from './service-caller';

export type OperationArgs = Readonly<Record<string, unknown>>;

/** Arguments that are headers or gateway options, not route fields (errors name them as written). */
const HEADER_ARGS = new Set(['Idempotency-Key', 'If-Match', 'C360-Min-Position']);

/** A record of an audit read: who read unmasked personal data, through which operation, and why. */
export type AuditRecorder = (entry: { actor: string; role: string; operation: string; reason: string; url: string }) => void;

/**
 * Runs one declared operation for one caller: checks the caller and their role, builds the route's
 * request from the arguments, sends it through the port (reads through the request's DataLoader), and
 * turns the answer into the schema's shape or a GraphQL error with its code.
 */
export async function runOperation(
  context: string,
  operation: GraphqlOperation,
  args: OperationArgs,
  gateway: GatewayContext,
  caller: ServiceCaller,
  audit: AuditRecorder,
): Promise<unknown> {
  const actor = await gateway.actor().catch((error: unknown) => {
    if (error instanceof UnauthorizedException) throw gatewayError('UNAUTHENTICATED', messageOf(error));
    throw error;
  });
  if (!(operation.roles as readonly string[]).includes(actor.role)) {
    throw gatewayError('FORBIDDEN', `${operation.name} needs the role ${operation.roles.join(' or ')} (actor role is ${actor.role})`, {
      rule: `${context}.role-required`,
    });
  }
  const request = buildRequest(context, operation, args, gateway);
  const response = operation.method === 'GET' ? await gateway.reads.load(request) : await caller.call(request);
  gateway.notePosition(response.position);
  if (response.status >= 400)
    throw errorFromResponse(
      response.status,
      response.body,
      new Set([...HEADER_ARGS, ...pathParameters(operation.path)]),
      operation.method === 'GET' ? 'filter' : 'input',
    );
  const reason = typeof args.audit === 'string' ? args.audit.trim() : '';
  if (reason) audit({ actor: actor.id, role: actor.role, operation: operation.name, reason, url: request.url });
  const body = masksPersonalData(actor.role) && !reason ? maskPersonalData(response.body) : response.body;
  if (operation.kind === 'mutation') return mutationResult(body);
  return operation.connection ? connectionOf(body) : body;
}

function buildRequest(context: string, operation: GraphqlOperation, args: OperationArgs, gateway: GatewayContext): ServiceRequest {
  let path = operation.path;
  for (const name of pathParameters(operation.path)) {
    const value = args[name];
    if (typeof value !== 'string' || value.trim() === '') throw badInput(name, 'must be a non-empty id');
    path = path.replace(`:${name}`, encodeURIComponent(value));
  }
  const query = new URLSearchParams();
  for (const name of Object.keys(operation.params ?? {})) {
    const value = args[name];
    if (value !== undefined && value !== null) query.set(name, String(value));
  }
  if (operation.filter && args.filter !== undefined && args.filter !== null) {
    if (typeof args.filter !== 'object' || Array.isArray(args.filter)) throw badInput('filter', 'must be an object');
    for (const [name, value] of Object.entries(args.filter)) {
      for (const one of Array.isArray(value) ? value : [value]) if (one !== undefined && one !== null) query.append(name, String(one));
    }
  }
  const headers = gateway.forwardedHeaders();
  if (typeof args.idempotencyKey === 'string') headers['idempotency-key'] = args.idempotencyKey;
  if (typeof args.expectedVersion === 'number') headers['if-match'] = String(args.expectedVersion);
  if (typeof args.minPosition === 'string') headers['c360-min-position'] = args.minPosition;
  const search = query.toString();
  const body = operation.input ? (args.input ?? {}) : operation.method === 'GET' || operation.method === 'DELETE' ? undefined : {};
  if (body !== undefined && (typeof body !== 'object' || Array.isArray(body))) throw badInput('input', 'must be an object');
  return { context, method: operation.method, url: search ? `${path}?${search}` : path, body, headers };
}

function mutationResult(body: unknown): MutationResult {
  const answer = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  return {
    version: typeof answer.version === 'number' ? answer.version : null,
    duplicate: answer.duplicate === true,
    state: body,
  };
}

function connectionOf(body: unknown): Connection {
  const { items, nextCursor, total, ...meta } = (body ?? {}) as { items?: unknown[]; nextCursor?: string | null; total?: number };
  const nodes = Array.isArray(items) ? items : [];
  return {
    edges: nodes.map((node, index) => ({ node, cursor: index === nodes.length - 1 ? (nextCursor ?? null) : null })),
    pageInfo: { hasNextPage: typeof nextCursor === 'string', endCursor: nextCursor ?? null },
    totalCount: typeof total === 'number' ? total : null,
    meta,
  };
}

function badInput(field: string, problem: string): GraphQLError {
  return gatewayError('BAD_USER_INPUT', `${field}: ${problem}`, { field, fields: [{ field, problems: [problem] }] });
}

function messageOf(error: UnauthorizedException): string {
  const response = error.getResponse();
  return typeof response === 'object' && response !== null && typeof (response as { message?: unknown }).message === 'string'
    ? (response as { message: string }).message
    : error.message;
}
