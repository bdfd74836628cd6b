import { decodeCursor, UUID_PATTERN } from '@c360/kernel';
import fc from 'fast-check';

/**
 * Generators of invalid requests, read from the OpenAPI document (so they follow the DTOs as the API
 * describes them). Used in-process by apps/platform's api-fuzz spec and against the real process by the
 * reliability suite (apps/reliability). The value level (`wrongValue`, `ODD_VALUES`) works on a JSON
 * schema, so a GraphQL gateway's input types, described the same way, reuse it for its variables.
 */

export interface Schema {
  readonly type?: string;
  readonly format?: string;
  readonly enum?: readonly unknown[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly $ref?: string;
  readonly allOf?: readonly Schema[];
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
}
interface Parameter {
  readonly name: string;
  readonly in: string;
  readonly required?: boolean;
  readonly schema: Schema;
}
interface Operation {
  readonly parameters?: readonly Parameter[];
  readonly security?: readonly Record<string, unknown>[];
  readonly 'x-roles'?: readonly string[];
  readonly requestBody?: { readonly content: Record<string, { readonly schema: Schema }> };
}
interface OpenApi {
  readonly paths: Record<string, Record<string, Operation>>;
  readonly components: { readonly schemas: Record<string, Schema> };
}

export interface FuzzOperation {
  readonly method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  readonly path: string;
  readonly role: 'agent' | 'supervisor' | 'auditor' | 'admin' | 'system';
  /** The partner API: authenticated with a partner key instead of a role. */
  readonly credential: boolean;
  readonly pathParams: readonly Parameter[];
  readonly query: readonly Parameter[];
  readonly body?: Schema;
}

export interface FuzzRequest {
  readonly url: string;
  readonly body?: unknown;
  /** Fields this request certainly breaks. */
  readonly violations: readonly string[];
  /**
   * Every field the request broke, filled with odd values or left out: the 400 names at least one of
   * them and nothing else (Nest validates one parameter at a time, so junk in the body may be reported
   * before a bad id in the path).
   */
  readonly suspects: readonly string[];
}

/** Operations that take input a client can get wrong (public routes and input-less commands are left out). */
export function fuzzableOperations(document: OpenApi): FuzzOperation[] {
  const resolve = (schema: Schema | undefined): Schema | undefined =>
    schema?.$ref ? document.components.schemas[schema.$ref.split('/').pop() ?? ''] : schema?.allOf ? resolve(schema.allOf[0]) : schema;
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).flatMap(([method, operation]): FuzzOperation[] => {
      if (operation.security?.length === 0) return [];
      const parameters = operation.parameters ?? [];
      const body = resolve(operation.requestBody?.content['application/json']?.schema);
      const fuzzed: FuzzOperation = {
        method: method as FuzzOperation['method'],
        path,
        role: (operation['x-roles']?.[0] ?? 'agent') as FuzzOperation['role'],
        credential: operation.security?.some((entry) => 'partnerKey' in entry) ?? false,
        pathParams: parameters.filter((parameter) => parameter.in === 'path'),
        query: parameters.filter((parameter) => parameter.in === 'query'),
        body: body && {
          ...body,
          properties: Object.fromEntries(Object.entries(body.properties ?? {}).map(([k, v]) => [k, resolve(v) ?? v])),
        },
      };
      return violationsOf(fuzzed).length ? [fuzzed] : [];
    }),
  );
}

type Violation = fc.Arbitrary<{ readonly field: string; readonly apply: (draft: Draft) => void }>;
interface Draft {
  path: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
}

const ODD_STRINGS = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('\u202e\u0000', '\ud800', 'ǅ\u0301\u0301', '💥'.repeat(500), 'x'.repeat(20_000), ' ', '%00', '../..', '{"$gt":""}'),
);
export const ODD_VALUES: fc.Arbitrary<unknown> = fc.oneof(
  ODD_STRINGS,
  fc.integer(),
  fc.constantFrom(-1, 0, 1.5, -1e308, 1e308, Number.MAX_SAFE_INTEGER + 2, -0),
  fc.boolean(),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

/** A value that the schema certainly refuses (never null or absent: optional fields accept those). */
export function wrongValue(schema: Schema): fc.Arbitrary<unknown> | undefined {
  if (schema.enum) return fc.oneof(fc.integer(), ODD_STRINGS).filter((value) => !schema.enum?.includes(value));
  if (schema.properties) return fc.oneof(ODD_STRINGS, fc.integer(), fc.boolean(), fc.array(fc.integer(), { maxLength: 2 }));
  switch (schema.type) {
    case 'string':
      return fc.oneof(
        fc.integer(),
        fc.boolean(),
        fc.array(fc.string(), { maxLength: 2 }),
        fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
      );
    case 'integer':
    case 'number':
      return fc.oneof(
        ODD_STRINGS,
        fc.boolean(),
        fc.constant({ $gt: 0 }),
        ...(schema.type === 'integer' ? [fc.constantFrom(1.5, -0.25, 1e-9)] : []),
        ...(schema.minimum === undefined ? [] : [fc.integer({ min: -1e9, max: -1 }).map((below) => (schema.minimum ?? 0) + below)]),
        ...(schema.maximum === undefined ? [] : [fc.constantFrom(1e308, (schema.maximum ?? 0) + 1)]),
      );
    case 'boolean':
      return fc.oneof(fc.constantFrom('true', 'false', 1, 0), ODD_STRINGS);
    case 'array':
      return fc.oneof(ODD_STRINGS, fc.integer(), fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }));
    default:
      return undefined;
  }
}

/** Odd, but short enough for a URL (a 20 kB query is the server's 431, not the API's 400). */
// A lone surrogate cannot be percent-encoded at all (no client can send it in a URL): left out.
const ODD_URL_STRINGS = ODD_STRINGS.filter((value) => {
  try {
    return encodeURIComponent(value).length <= 300;
  } catch {
    return false;
  }
});
const notUuid = fc.oneof(
  fc.constantFrom('not-a-uuid', '0190a000-0000-7000-8000-00000000000', '💥', "' OR 1=1 --"),
  fc.string({ minLength: 1, maxLength: 60 }),
);
const notCursor = ODD_URL_STRINGS.filter((value) => {
  try {
    decodeCursor(value);
    return false;
  } catch {
    return true;
  }
});

function violationsOf(operation: FuzzOperation): Violation[] {
  const field = (name: string, apply: (draft: Draft) => void) => ({ field: name, apply });
  const violations: Violation[] = [];
  for (const parameter of operation.pathParams.filter((candidate) => candidate.schema.format === 'uuid')) {
    violations.push(
      notUuid
        .filter((value) => !UUID_PATTERN.test(value) && value.trim() !== '' && value !== '.' && value !== '..')
        .map((value) => field(parameter.name, (draft) => (draft.path[parameter.name] = value))),
    );
  }
  for (const parameter of operation.query) {
    const wrong = ['after', 'cursor'].includes(parameter.name)
      ? notCursor
      : parameter.schema.type === 'integer'
        ? fc.oneof(fc.constantFrom('abc', '-1', '0', '1e9', '1.5', 'NaN', '9'.repeat(200)), ODD_URL_STRINGS).filter((value) => {
            const number = Number(value);
            return (
              !(
                Number.isInteger(number) &&
                number >= (parameter.schema.minimum ?? -Infinity) &&
                number <= (parameter.schema.maximum ?? Infinity)
              ) || value.trim() === ''
            );
          })
        : parameter.schema.enum
          ? ODD_URL_STRINGS.filter((value) => !parameter.schema.enum?.includes(value))
          : parameter.schema.format === 'date-time'
            ? fc.constantFrom('yesterday', '2026-13-40T99:00:00Z', '💥')
            : undefined;
    if (wrong)
      violations.push(
        wrong
          .filter((value) => value.trim() !== '')
          .map((value) => field(parameter.name, (draft) => (draft.query[parameter.name] = value))),
      );
  }
  const body = operation.body;
  if (body) {
    const properties = Object.entries(body.properties ?? {});
    for (const [name, schema] of properties) {
      const wrong = wrongValue(schema);
      if (wrong) violations.push(wrong.map((value) => field(name, (draft) => ((draft.body as Record<string, unknown>)[name] = value))));
    }
    for (const name of body.required ?? [])
      violations.push(fc.constant(field(name, (draft) => delete (draft.body as Record<string, unknown>)[name])));
    violations.push(
      fc
        .string({ minLength: 1, maxLength: 30 })
        .filter(
          (key) => !(key in (body.properties ?? {})) && !key.includes('.') && !['__proto__', 'constructor', 'prototype'].includes(key),
        )
        .map((key) => field(key, (draft) => ((draft.body as Record<string, unknown>)[key] = 'unexpected'))),
      fc.constantFrom(null, [], 'a body', 42).map((value) => field('body', (draft) => (draft.body = value))),
    );
  }
  return violations;
}

const EXAMPLES: Readonly<Record<string, string>> = {
  email: 'ann@example.com',
  phone: '+4791234567',
  stageId: 'qualified',
  ownerId: 'agent-1',
  orderId: 'order-1',
  flagId: 'flag-1',
  keyId: 'AAAAAAAAAAAA',
  from: '2026-01-01',
  to: '2026-01-31',
};

function validPathValue(parameter: Parameter): fc.Arbitrary<string> {
  if (parameter.schema.format === 'uuid') return fc.uuid();
  if (parameter.schema.enum) return fc.constantFrom(...(parameter.schema.enum as string[]));
  return fc.constant(EXAMPLES[parameter.name] ?? 'a1');
}

/** One request with one to three certain violations, the rest of the body filled with odd values. */
export function invalidRequest(operation: FuzzOperation): fc.Arbitrary<FuzzRequest> {
  const pathValues = fc.record(Object.fromEntries(operation.pathParams.map((parameter) => [parameter.name, validPathValue(parameter)])));
  const filler = fc.dictionary(fc.constantFrom(...Object.keys(operation.body?.properties ?? { none: {} })), ODD_VALUES, { maxKeys: 4 });
  return fc
    .tuple(
      pathValues,
      filler,
      fc.uniqueArray(fc.oneof(...violationsOf(operation)), { minLength: 1, maxLength: 3, selector: (v) => v.field }),
    )
    .map(([path, fill, violations]) => {
      // Required query parameters get a valid value, so that only the chosen violations are wrong.
      const query = Object.fromEntries(operation.query.filter((p) => p.required).map((p) => [p.name, EXAMPLES[p.name] ?? 'a1']));
      const draft: Draft = { path: { ...path }, query, body: operation.body ? { ...fill } : undefined };
      // The whole-body violation last: the field violations write into the body object it replaces.
      for (const violation of [...violations].sort((a, b) => Number(a.field === 'body') - Number(b.field === 'body')))
        violation.apply(draft);
      const url = operation.path.replace(/\{([^}]+)\}/g, (_match, name: string) => encodeURIComponent(draft.path[name]));
      const search = new URLSearchParams(draft.query).toString();
      const sent = draft.body !== null && typeof draft.body === 'object' ? Object.keys(draft.body) : [];
      const missing = (operation.body?.required ?? []).filter((name) => !sent.includes(name));
      const fields = violations.map((violation) => violation.field);
      return {
        url: search ? `${url}?${search}` : url,
        body: draft.body,
        violations: fields,
        suspects: [...new Set([...fields, ...Object.keys(fill), ...missing])],
      };
    });
}

/**
 * Why an answer to an invalid request is wrong, or undefined when it is right: a 400 whose `fields`
 * name at least one field and only fields the request broke, filled with odd values or left out.
 */
export function wrongAnswer(request: FuzzRequest, status: number, body: unknown): string | undefined {
  const fields = (body as { fields?: unknown } | undefined)?.fields;
  const named = (Array.isArray(fields) ? (fields as Array<{ field?: unknown }>) : []).map((entry) => String(entry.field).split('.')[0]);
  if (status === 400 && named.length > 0 && named.every((field) => request.suspects.includes(field))) return undefined;
  return `${status} ${JSON.stringify(fields ?? body).slice(0, 400)} (violated: ${request.violations.join(', ')}; suspects: ${request.suspects.join(', ')})`;
}
