import { accessExportDocument } from './access-export-document';
import { everyPage, type AccessExportEntry, type AccessExportPart } from './access-export-part';

const part = (section: string, entries: () => AsyncIterable<AccessExportEntry>): AccessExportPart => ({ section, export: entries });

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const chunk of chunks) out += chunk;
  return out;
}

describe('access export document', () => {
  it('writes one JSON document with a section per part, fields and lists (empty ones too)', async () => {
    const parts = [
      part('contacts', async function* () {
        yield { field: 'profile', value: { name: 'Ann "A" Berg' } };
        yield { list: 'events', items: [{ type: 'x' }, { type: 'y' }] };
      }),
      part('sales', async function* () {
        yield { list: 'deals', items: [] };
        yield { field: 'none', value: undefined };
      }),
    ];
    const document = JSON.parse(await text(accessExportDocument({ customerId: 'c-1', generatedAt: 't' }, parts)));
    expect(document).toEqual({
      customerId: 'c-1',
      generatedAt: 't',
      sections: {
        contacts: { profile: { name: 'Ann "A" Berg' }, events: [{ type: 'x' }, { type: 'y' }] },
        sales: { deals: [], none: null },
      },
    });
  });

  it('yields each item as soon as its part produces it (nothing waits for the whole list)', async () => {
    const produced: number[] = [];
    const items = async function* () {
      for (let index = 0; index < 3; index++) {
        produced.push(index);
        yield { index };
      }
    };
    const chunks = accessExportDocument({ customerId: 'c-1', generatedAt: 't' }, [
      part('loyalty', async function* () {
        yield { list: 'ledger', items: items() };
      }),
    ]);
    const seen: string[] = [];
    for await (const chunk of chunks) {
      seen.push(chunk);
      if (chunk.includes('"index":0')) {
        expect(produced).toEqual([0]);
        break;
      }
    }
    expect(seen.join('')).toContain('"ledger":[{"index":0}');
  });

  it('walks every page of a paged query', async () => {
    const pages: Record<string, { items: number[]; nextCursor?: string }> = {
      first: { items: [1, 2], nextCursor: 'b' },
      b: { items: [3] },
    };
    const all: number[] = [];
    for await (const item of everyPage((after) => Promise.resolve(pages[after ?? 'first']))) all.push(item);
    expect(all).toEqual([1, 2, 3]);
  });
});
