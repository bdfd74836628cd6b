import type { UpdateOperators } from '@c360/kernel';

/**
 * MongoDB's update operators on a plain object, for adapters that store documents as JSON.
 * Returns a new object; the input is not changed.
 */
export function applyUpdate(current: Record<string, unknown> | undefined, update: UpdateOperators): Record<string, unknown> {
  const doc: Record<string, unknown> = structuredClone(current ?? {});
  if (current === undefined) for (const [path, value] of Object.entries(update.$setOnInsert ?? {})) setPath(doc, path, value);
  for (const [path, value] of Object.entries(update.$set ?? {})) setPath(doc, path, structuredClone(value));
  for (const path of update.$unset ?? []) unsetPath(doc, path);
  for (const [path, by] of Object.entries(update.$inc ?? {})) {
    const value = getPath(doc, path) ?? 0;
    if (typeof value !== 'number') throw new TypeError(`$inc on non-numeric field "${path}"`);
    setPath(doc, path, value + by);
  }
  for (const [path, item] of Object.entries(update.$push ?? {})) {
    const value = getPath(doc, path) ?? [];
    if (!Array.isArray(value)) throw new TypeError(`$push on non-array field "${path}"`);
    setPath(doc, path, [...value, structuredClone(item)]);
  }
  return doc;
}

export function getPath(doc: Record<string, unknown>, path: string): unknown {
  let node: unknown = doc;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function setPath(doc: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = doc;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]] = value;
}

function unsetPath(doc: Record<string, unknown>, path: string): void {
  const keys = path.split('.');
  const parent = getPath(doc, keys.slice(0, -1).join('.')) ?? (keys.length === 1 ? doc : undefined);
  if (parent && typeof parent === 'object') delete (parent as Record<string, unknown>)[keys[keys.length - 1]];
}
