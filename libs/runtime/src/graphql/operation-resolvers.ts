import { Inject, Logger, type Type } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { ContextDefinition } from '../context/context-definition';
import type { GatewayContext } from './gateway-context';
import { Connection, MutationResult } from './gateway-types';
import { pathParameters, type GraphqlArgType, type GraphqlOperation } from './graphql-operation';
import { JsonScalar } from './json.scalar';
import { runOperation, type AuditRecorder, type OperationArgs } from './operation-runner';
import { SERVICE_CALLER, type ServiceCaller } from './service-caller';

const ARG_TYPES: Record<GraphqlArgType, () => unknown> = { String: () => String, Int: () => Int, Boolean: () => Boolean };

interface ArgumentDeclaration {
  readonly name: string;
  readonly type: () => unknown;
  readonly nullable: boolean;
  readonly description?: string;
}

/** The GraphQL arguments of an operation, in schema order. */
export function argumentsOf(operation: GraphqlOperation): ArgumentDeclaration[] {
  const args: ArgumentDeclaration[] = pathParameters(operation.path).map((name) => ({ name, type: () => ID, nullable: false }));
  for (const [name, type] of Object.entries(operation.params ?? {})) args.push({ name, type: ARG_TYPES[type], nullable: true });
  if (operation.filter) args.push({ name: 'filter', type: () => JsonScalar, nullable: true, description: "The route's query parameters" });
  if (operation.kind === 'mutation') {
    if (operation.input)
      args.push({ name: 'input', type: () => JsonScalar, nullable: false, description: 'The request body of the REST route' });
    args.push({ name: 'idempotencyKey', type: () => ID, nullable: false, description: 'A UUID: repeating it answers the first result' });
    if (operation.expectsVersion) {
      args.push({ name: 'expectedVersion', type: () => Int, nullable: true, description: 'The version you saw: CONFLICT if it moved' });
    }
  } else {
    args.push({ name: 'minPosition', type: () => String, nullable: true, description: 'Read-your-writes: wait for this log position' });
    args.push({
      name: 'audit',
      type: () => String,
      nullable: true,
      description: 'An audit reason: personal data unmasked, the read recorded',
    });
  }
  return args;
}

const auditLog = new Logger('Audit');
const recordAudit: AuditRecorder = (entry) => auditLog.log({ msg: 'audit read', ...entry });

/**
 * The resolver class of one context, made from its declared operations: one Query or Mutation field
 * each, every one running through `runOperation`. A context plugs into the gateway by declaring its
 * operations in its definition; nothing here names a context.
 */
export function contextResolver(definition: ContextDefinition): Type<unknown> | undefined {
  const operations = definition.graphql ?? [];
  if (operations.length === 0) return undefined;

  class ContextOperations {
    constructor(readonly caller: ServiceCaller) {}
  }
  Object.defineProperty(ContextOperations, 'name', { value: `${pascal(definition.name)}Operations` });
  Inject(SERVICE_CALLER)(ContextOperations, undefined, 0);

  for (const operation of operations) {
    const declared = argumentsOf(operation);
    const handler = function (this: ContextOperations, ...values: unknown[]) {
      const args: OperationArgs = Object.fromEntries(declared.map((arg, index) => [arg.name, values[index]]));
      const gateway = values[declared.length] as GatewayContext;
      return runOperation(definition.name, operation, args, gateway, this.caller, recordAudit);
    };
    Object.defineProperty(ContextOperations.prototype, operation.name, { value: handler, writable: true, configurable: true });
    const prototype = ContextOperations.prototype as object;
    Reflect.defineMetadata('design:paramtypes', [...declared.map(() => Object), Object], prototype, operation.name);
    declared.forEach((arg, index) =>
      Args(arg.name, { type: arg.type as () => never, nullable: arg.nullable, description: arg.description })(
        prototype,
        operation.name,
        index,
      ),
    );
    Context()(prototype, operation.name, declared.length);
    const descriptor = Object.getOwnPropertyDescriptor(prototype, operation.name) as PropertyDescriptor;
    const field = { name: operation.name, description: operation.description };
    if (operation.kind === 'mutation') Mutation(() => MutationResult, field)(prototype, operation.name, descriptor);
    else if (operation.connection) Query(() => Connection, field)(prototype, operation.name, descriptor);
    else Query(() => JsonScalar, { ...field, nullable: true })(prototype, operation.name, descriptor);
  }
  Resolver()(ContextOperations);
  return ContextOperations;
}

function pascal(name: string): string {
  return name.replace(/(^|-)([a-z0-9])/g, (_match, _dash, letter: string) => letter.toUpperCase());
}
