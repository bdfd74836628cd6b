import { BadRequestException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';

const UTF8 = ['utf-8', 'utf8'];
/** Far deeper than any DTO (three or four levels), far below what a recursive walk can take. */
export const MAX_JSON_DEPTH = 64;

/**
 * The one JSON body parser of every app (replacing Fastify's and Nest's):
 * - JSON is UTF-8 (RFC 8259): another declared charset is a 415, never bytes decoded as the wrong text;
 * - a byte order mark is refused (senders must not add one; it usually means a mislabelled encoding);
 * - an empty body is no body: a body-less POST sent with `Content-Type: application/json` works, and a
 *   route that needs a body says so through the validation pipe;
 * - invalid JSON and prototype-poisoning keys are 400s in the same shape as validation errors;
 * - a body nested deeper than MAX_JSON_DEPTH is a 400: the validation pipe walks bodies recursively, and
 *   5,000 levels of `{"a":` overflowed its stack (a 500, found by the reliability suite).
 */
export function useStrictJsonBodies(app: NestFastifyApplication): void {
  const instance = app.getHttpAdapter().getInstance();
  const defaultParser = instance.getDefaultJsonParser('error', 'error');
  app.useBodyParser('application/json', { bodyLimit: instance.initialConfig.bodyLimit }, (request, body, done) => {
    const charset = charsetOf(request.headers['content-type']);
    if (charset !== undefined && !UTF8.includes(charset)) {
      done(
        new UnsupportedMediaTypeException({
          statusCode: 415,
          error: 'unsupported_media_type',
          message: `JSON bodies must be UTF-8; this one declares charset=${charset}`,
          fields: [{ field: 'Content-Type', problems: ['charset must be utf-8 (or absent)'] }],
        }),
      );
      return;
    }
    const bytes = body;
    if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      done(invalidBody('must not start with a byte order mark'));
      return;
    }
    if (bytes.toString('utf8').trim() === '') {
      done(null, undefined);
      return;
    }
    defaultParser(request as FastifyRequest, bytes.toString('utf8'), (error, parsed) =>
      error
        ? done(invalidBody(`is not valid JSON (${error.message})`))
        : nestsDeeperThan(parsed, MAX_JSON_DEPTH)
          ? done(invalidBody(`must not nest objects and arrays deeper than ${MAX_JSON_DEPTH} levels`))
          : done(null, parsed),
    );
  });
}

/** Whether a parsed JSON value nests deeper than `limit`, walked without recursion (the point is not to overflow). */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 1]];
  while (pending.length) {
    const [node, depth] = pending.pop() as [unknown, number];
    if (node === null || typeof node !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Object.values(node)) if (child !== null && typeof child === 'object') pending.push([child, depth + 1]);
  }
  return false;
}

function charsetOf(contentType: string | undefined): string | undefined {
  return /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1].toLowerCase();
}

function invalidBody(problem: string): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'validation_failed',
    message: `body: ${problem}`,
    fields: [{ field: 'body', problems: [problem] }],
  });
}
