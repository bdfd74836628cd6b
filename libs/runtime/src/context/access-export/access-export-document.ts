import type { AccessExportEntry, AccessExportPart } from './access-export-part';

export interface AccessExportHeader {
  readonly customerId: string;
  readonly generatedAt: string;
}

/**
 * The export document as JSON text, in chunks: `{ customerId, generatedAt, sections: { <part>: {...} } }`.
 * Each list item is serialised and yielded as soon as its part produces it, so the reply's memory does
 * not grow with the customer's history. A part that fails midway ends the stream with an error (the
 * client sees a truncated document, never a silently incomplete one that parses).
 */
export async function* accessExportDocument(header: AccessExportHeader, parts: readonly AccessExportPart[]): AsyncGenerator<string> {
  yield `{"customerId":${JSON.stringify(header.customerId)},"generatedAt":${JSON.stringify(header.generatedAt)},"sections":{`;
  for (const [index, part] of parts.entries()) {
    yield `${index > 0 ? ',' : ''}${JSON.stringify(part.section)}:{`;
    let first = true;
    for await (const entry of part.export(header.customerId)) {
      yield* entryText(entry, first);
      first = false;
    }
    yield '}';
  }
  yield '}}';
}

async function* entryText(entry: AccessExportEntry, first: boolean): AsyncGenerator<string> {
  const separator = first ? '' : ',';
  if ('field' in entry) {
    yield `${separator}${JSON.stringify(entry.field)}:${JSON.stringify(entry.value ?? null)}`;
    return;
  }
  yield `${separator}${JSON.stringify(entry.list)}:[`;
  let firstItem = true;
  for await (const item of entry.items) {
    yield `${firstItem ? '' : ','}${JSON.stringify(item ?? null)}`;
    firstItem = false;
  }
  yield ']';
}
