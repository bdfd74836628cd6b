import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { buildOpenApiDocument } from './openapi-document';

/** Where the API description is served; public, like health (the role table spec lists them). */
export const API_DOCS_ROUTES = ['GET /openapi.json', 'GET /docs', 'GET /docs/*'] as const;

/**
 * `/openapi.json` and Swagger UI at `/docs`, served from the project's own `swagger-ui-dist` (no CDN).
 * The document is built on its first request, so starting an app (or a spec's platform) costs nothing.
 */
export function serveApiDocs(app: NestFastifyApplication): void {
  let document: OpenAPIObject | undefined;
  SwaggerModule.setup('docs', app, () => (document ??= buildOpenApiDocument(app)), {
    jsonDocumentUrl: 'openapi.json',
    raw: ['json'],
    customSiteTitle: 'Customer 360 API',
    swaggerOptions: { persistAuthorization: true },
  });
}
