import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type ASTNode, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type SelectionSetNode } from 'graphql';
import { getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { gatewayError } from './gateway-errors';

export interface QueryLimits {
  /** Deepest selection allowed (`{ a { b } }` is 2). */
  readonly maxDepth: number;
  /** Each field costs 1; a query above this is refused before anything runs. */
  readonly maxComplexity: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 8, maxComplexity: 500 };

/** Depth of the operation's selections, following fragments (a fragment cycle is invalid GraphQL and refused earlier). */
export function queryDepth(document: DocumentNode, operationName?: string | null): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const depthOf = (set: SelectionSetNode | undefined, seen: ReadonlySet<string>): number => {
    if (!set) return 0;
    let deepest = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD)
        deepest = Math.max(deepest, selection.selectionSet ? 1 + depthOf(selection.selectionSet, seen) : 1);
      else if (selection.kind === Kind.INLINE_FRAGMENT) deepest = Math.max(deepest, depthOf(selection.selectionSet, seen));
      else if (!seen.has(selection.name.value)) {
        const fragment = fragments.get(selection.name.value);
        deepest = Math.max(deepest, depthOf(fragment?.selectionSet, new Set([...seen, selection.name.value])));
      }
    }
    return deepest;
  };
  const operations = document.definitions.filter(
    (definition): definition is Extract<ASTNode, { kind: Kind.OPERATION_DEFINITION }> => definition.kind === Kind.OPERATION_DEFINITION,
  );
  const chosen = operationName ? operations.filter((operation) => operation.name?.value === operationName) : operations;
  return Math.max(0, ...chosen.map((operation) => depthOf(operation.selectionSet, new Set())));
}

/** Refuses a query that is too deep or too costly once it is parsed and validated, before any resolver runs. */
export function queryLimitsPlugin(limits: QueryLimits = DEFAULT_QUERY_LIMITS): ApolloServerPlugin {
  let schema: GraphQLSchema | undefined;
  return {
    serverWillStart: async (service) => {
      schema = service.schema;
    },
    requestDidStart: async () => ({
      didResolveOperation: async ({ document, request }) => {
        const depth = queryDepth(document, request.operationName);
        if (depth > limits.maxDepth) {
          throw gatewayError('BAD_USER_INPUT', `The query is ${depth} levels deep; at most ${limits.maxDepth} are allowed`, {
            field: 'query',
            limit: 'depth',
          });
        }
        if (!schema) return;
        const complexity = getComplexity({
          schema,
          query: document,
          operationName: request.operationName ?? undefined,
          variables: request.variables ?? {},
          estimators: [simpleEstimator({ defaultComplexity: 1 })],
        });
        if (complexity > limits.maxComplexity) {
          throw gatewayError('BAD_USER_INPUT', `The query costs ${complexity}; at most ${limits.maxComplexity} is allowed`, {
            field: 'query',
            limit: 'complexity',
          });
        }
      },
    }),
  };
}
