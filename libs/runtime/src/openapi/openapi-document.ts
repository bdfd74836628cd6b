import type { INestApplication, Type } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { OperationObject, ResponsesObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { routeTable, type RouteEntry } from '../auth/route-table';
import { describeDtos } from './dto-schemas';

const ERROR = { $ref: '#/components/schemas/Error' };
const ERROR_SCHEMA = {
  type: 'object',
  required: ['statusCode', 'error', 'message'],
  properties: {
    statusCode: { type: 'integer' },
    error: { type: 'string', description: 'A stable code: validation_failed, unauthenticated, loyalty.supervisor-required, …' },
    message: { type: 'string' },
    fields: {
      type: 'array',
      description: 'On 400, 415 and 422: each field (body, query, path parameter or header) and what is wrong with it',
      items: {
        type: 'object',
        properties: { field: { type: 'string' }, problems: { type: 'array', items: { type: 'string' } } },
      },
    },
  },
};

/**
 * The OpenAPI 3 document of a running app, generated from its controllers and DTOs: each operation
 * with its summary, who may call it (`security`, and `x-roles` from the role table) and the error
 * answers every route shares.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const routes = routeTable(app);
  describeDtos(routes.flatMap((route) => paramTypes(route)));
  const config = new DocumentBuilder()
    .setTitle('Customer 360')
    .setDescription(
      'Event-sourced CRM: contacts, sales and loyalty. Every route but health and these docs needs `Authorization: Bearer <token>` ' +
        '(`npm run token -- --role agent --user agent-1`) or an `X-Api-Key`; the partner API takes the partner key in `X-Partner-Key`. ' +
        'Send `Idempotency-Key` (a UUID) to make a command safe to retry, `If-Match` (a version) to guard against concurrent changes.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Api-Key' }, 'apiKey')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Partner-Key' }, 'partnerKey')
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}`,
  });
  document.components = { ...document.components, schemas: { ...document.components?.schemas, Error: ERROR_SCHEMA } };
  for (const route of routes) {
    const operation = document.paths[openApiPath(route.path)]?.[route.method.toLowerCase() as 'get'];
    if (operation) describeAccessAndErrors(operation, route);
  }
  return document;
}

function paramTypes(route: RouteEntry): Type<unknown>[] {
  return (
    (Reflect.getMetadata('design:paramtypes', route.controller.prototype as object, route.handler) as Type<unknown>[] | undefined) ?? []
  );
}

/** `/customers/:id` → `/customers/{id}`, as Swagger writes paths. */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function describeAccessAndErrors(operation: OperationObject, route: RouteEntry): void {
  const access = route.access;
  const errors: Record<number, string> = {};
  const takesInput = Boolean(operation.requestBody) || (operation.parameters ?? []).length > 0;
  if (takesInput) errors[400] = 'Invalid input: `fields` names each bad field';
  if (access?.kind === 'public') operation.security = [];
  else if (access?.kind === 'credential') {
    operation.security = [{ partnerKey: [] }];
    errors[401] = 'Missing or unknown partner key';
  } else {
    operation.security = [{ bearer: [] }, { apiKey: [] }];
    operation['x-roles' as keyof OperationObject] = (access?.kind === 'roles' ? access.roles : []) as never;
    errors[401] = 'Missing, expired or invalid credential';
    errors[403] = `The caller's role may not do this (allowed: ${access?.kind === 'roles' ? access.roles.join(', ') : 'nobody'})`;
  }
  if (route.path.includes(':')) errors[404] = 'No such resource';
  if (route.method !== 'GET') {
    errors[409] = 'Conflict: a stale If-Match version (with currentVersion) or a state that refuses the command';
    errors[422] = 'A business rule refused the command, or the Idempotency-Key was used for another request';
    if (operation.requestBody) errors[415] = 'The body is not UTF-8 JSON';
  }
  if (access?.kind !== 'public') errors[503] = 'A store is unavailable; nothing was written';
  const responses: ResponsesObject = { ...operation.responses };
  for (const [status, description] of Object.entries(errors)) {
    responses[status] ??= { description, content: { 'application/json': { schema: ERROR } } };
  }
  operation.responses = responses;
}
