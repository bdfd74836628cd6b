import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Controller, Get, Header, NotFoundException, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/access.decorators';

/**
 * GraphiQL from the project's own dependencies (the machine may be offline: the landing pages of the
 * GraphQL servers load from a CDN). The page asks for a bearer token and sends it with each query.
 */
const ASSETS: Readonly<Record<string, { file: string; type: string }>> = {
  'react.js': { file: 'react/umd/react.production.min.js', type: 'text/javascript' },
  'react-dom.js': { file: 'react-dom/umd/react-dom.production.min.js', type: 'text/javascript' },
  'graphiql.js': { file: 'graphiql/graphiql.min.js', type: 'text/javascript' },
  'graphiql.css': { file: 'graphiql/graphiql.min.css', type: 'text/css' },
};

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<title>Customer 360 — GraphiQL</title>
<link rel="stylesheet" href="/graphiql/assets/graphiql.css" />
<style>body{margin:0;height:100vh}#graphiql{height:100vh}</style>
</head>
<body>
<div id="graphiql">Loading…</div>
<script src="/graphiql/assets/react.js"></script>
<script src="/graphiql/assets/react-dom.js"></script>
<script src="/graphiql/assets/graphiql.js"></script>
<script>
  const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      fetcher,
      defaultEditorToolsVisibility: true,
      headers: JSON.stringify({ Authorization: 'Bearer <token from npm run token -- --role agent>' }, null, 2),
    }),
  );
</script>
</body>
</html>`;

const cache = new Map<string, string>();

@Controller('graphiql')
@Public()
export class GraphiqlController {
  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  page(): string {
    return PAGE;
  }

  @Get('assets/:name')
  asset(@Param('name') name: string, @Res({ passthrough: true }) reply: FastifyReply): string {
    const asset = ASSETS[name];
    if (!asset) throw new NotFoundException({ statusCode: 404, error: 'not-found', message: `No asset ${name}` });
    let text = cache.get(name);
    if (text === undefined) {
      text = readFileSync(packageFile(asset.file), 'utf8');
      cache.set(name, text);
    }
    void reply.header('content-type', `${asset.type}; charset=utf-8`).header('cache-control', 'public, max-age=86400');
    return text;
  }
}

/** `react/umd/…` through the package's own directory: React's `exports` map hides its UMD builds from require.resolve. */
function packageFile(file: string): string {
  const [name, ...rest] = file.split('/');
  return join(dirname(require.resolve(`${name}/package.json`)), ...rest);
}
