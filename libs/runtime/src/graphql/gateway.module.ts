import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Logger, Module, type DynamicModule, type Provider, type Type } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { AuthModule } from '../auth/auth.module';
import type { ApiOnlyModule } from '../service/api-only-module';
import { Authenticator } from '../auth/authenticator';
import type { ContextDefinition } from '../context/context-definition';
import { GatewayContext } from './gateway-context';
import { GraphiqlController } from './graphiql.controller';
import { HttpServiceCaller } from './http-caller';
import { InProcessServiceCaller } from './in-process-caller';
import { contextResolver } from './operation-resolvers';
import { DEFAULT_QUERY_LIMITS, queryLimitsPlugin, type QueryLimits } from './query-limits';
import { SERVICE_CALLER, type ServiceCaller } from './service-caller';

export interface GatewayOptions {
  /** The contexts whose declared operations make up the schema. */
  readonly contexts: readonly ContextDefinition[];
  /** `in-process` in the embedded platform; one base URL per context when the services run apart. */
  readonly services: 'in-process' | Readonly<Record<string, string>>;
  /** How long a forwarded call may take (services run apart); see `loadServiceTimeoutMs`. */
  readonly serviceTimeoutMs?: number;
  readonly limits?: QueryLimits;
}

/** The resolver classes the contexts' definitions declare (also what the schema file is printed from). */
export function gatewayResolvers(contexts: readonly ContextDefinition[]): Type<unknown>[] {
  return contexts.flatMap((context) => contextResolver(context) ?? []);
}

@Module({})
class GatewayCallerModule {
  static forRoot(services: GatewayOptions['services'], timeoutMs?: number): DynamicModule {
    const caller: Provider =
      services === 'in-process'
        ? { provide: SERVICE_CALLER, useClass: InProcessServiceCaller }
        : { provide: SERVICE_CALLER, useValue: new HttpServiceCaller(services, timeoutMs) };
    return { module: GatewayCallerModule, providers: [caller], exports: [SERVICE_CALLER] };
  }
}

/**
 * The GraphQL front door at `/graphql` (and GraphiQL at `/graphiql`): Apollo on the platform's Fastify,
 * the schema made from every context's declared operations, the caller verified from the platform's
 * own tokens, depth and complexity limits, a DataLoader per request.
 */
@Module({})
export class GatewayModule {
  static forRoot(options: GatewayOptions): ApiOnlyModule {
    const callers = GatewayCallerModule.forRoot(options.services, options.serviceTimeoutMs);
    return {
      module: GatewayModule,
      apiOnly: true, // the processor thread, and C360_ROLE=processors, leave it out
      imports: [
        AuthModule,
        callers,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [AuthModule, callers],
          inject: [Authenticator, SERVICE_CALLER],
          useFactory: (authenticator: Authenticator, caller: ServiceCaller): ApolloDriverConfig => ({
            path: '/graphql',
            autoSchemaFile: true,
            sortSchema: true,
            playground: false,
            graphiql: false,
            introspection: true,
            includeStacktraceInErrorResponses: false,
            context: (request: FastifyRequest, reply: FastifyReply) => new GatewayContext(request, reply, authenticator, caller),
            plugins: [queryLimitsPlugin(options.limits ?? DEFAULT_QUERY_LIMITS)],
            formatError,
          }),
        }),
      ],
      controllers: [GraphiqlController],
      providers: gatewayResolvers(options.contexts),
    };
  }
}

const logger = new Logger('GraphQL');

/** Our codes pass as they are; anything else that escaped a resolver is an internal error without its internals. */
function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const code = formatted.extensions?.code;
  if (original instanceof GraphQLError || (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR')) return formatted;
  logger.error(original instanceof Error ? (original.stack ?? original.message) : String(original));
  return { message: 'Internal error; it is in the gateway log', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
