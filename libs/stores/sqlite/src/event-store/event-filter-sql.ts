import type { EventFilter } from '@c360/kernel';

/** SQL conditions and parameters for an `$all` filter (event types, stream prefixes). */
export function filterWhere(after: number, filter: EventFilter | undefined): { where: string; params: unknown[] } {
  const types = filter?.eventTypes?.length ?? 0;
  const prefixes = filter?.streamPrefixes?.length ?? 0;
  const conditions = ['position > ?'];
  if (types) conditions.push(`type IN (${Array(types).fill('?').join(', ')})`);
  if (prefixes) conditions.push(`(${Array(prefixes).fill('(stream_id >= ? AND stream_id < ?)').join(' OR ')})`);
  return { where: conditions.join(' AND '), params: [after, ...filterParams(filter)] };
}

export function filterParams(filter: EventFilter | undefined): string[] {
  const params: string[] = [...(filter?.eventTypes ?? [])];
  for (const prefix of filter?.streamPrefixes ?? []) params.push(prefix, `${prefix}\u{10FFFF}`);
  return params;
}
