import { DomainError } from '@c360/kernel';
import type { ServiceCaller, ServiceRequest, ServiceResponse } from '@c360/runtime';
import { ServiceUnavailableException } from '@nestjs/common';
import { Customer360SegmentAudience } from './customer360-segment-audience';

const SEGMENT = '0190a5c4-0000-7000-8000-0000000005e9';

/** The customer 360's members route over a fixed membership, paged by an index cursor. */
class FakeCustomer360 implements ServiceCaller {
  readonly requests: ServiceRequest[] = [];
  constructor(private readonly members: readonly string[] | 'unknown' | 'broken') {}

  async call(request: ServiceRequest): Promise<ServiceResponse> {
    this.requests.push(request);
    if (this.members === 'broken') return { status: 500, body: { error: 'internal_error' } };
    if (this.members === 'unknown') return { status: 404, body: { error: 'customer360.segment-not-found' } };
    const query = new URL(request.url, 'http://x').searchParams;
    const limit = Number(query.get('limit'));
    const start = Number(query.get('after') ?? 0);
    const items = this.members.slice(start, start + limit).map((customerId) => ({ customerId }));
    const next = start + limit < this.members.length ? String(start + limit) : null;
    return { status: 200, body: { items, nextCursor: next, total: this.members.length, position: 7, asOf: '2026-03-02T08:00:00.000Z' } };
  }
}

const audienceOver = (customer360: ServiceCaller) => new Customer360SegmentAudience(customer360, async () => 'system-token');

describe('segment audience from the customer 360 API', () => {
  it('reads every page with a system token and keeps the position of the first', async () => {
    const ids = Array.from({ length: 2_500 }, (_, i) => `c-${String(i).padStart(4, '0')}`);
    const customer360 = new FakeCustomer360(ids);
    const membership = await audienceOver(customer360).members(SEGMENT, { max: 10_000 });
    expect(membership).toEqual({ segmentId: SEGMENT, customerIds: ids, position: 7, asOf: '2026-03-02T08:00:00.000Z' });
    expect(customer360.requests).toHaveLength(3);
    expect(customer360.requests[0]).toMatchObject({
      context: 'customer360',
      method: 'GET',
      url: `/segments/${SEGMENT}/members?limit=1000`,
      headers: { authorization: 'Bearer system-token' },
    });
    expect(await audienceOver(customer360).count(SEGMENT)).toBe(2_500);
  });

  it('refuses a segment too large from its first page, before reading the rest', async () => {
    const customer360 = new FakeCustomer360(Array.from({ length: 3_000 }, (_, i) => `c-${i}`));
    const refused = await audienceOver(customer360)
      .members(SEGMENT, { max: 2_000 })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'surveys.segment-too-large', details: { field: 'segmentId', members: 3_000, limit: 2_000 } });
    expect(customer360.requests).toHaveLength(1);
  });

  it("answers the customer 360's not-found as surveys' own, and anything else as unavailable", async () => {
    await expect(audienceOver(new FakeCustomer360('unknown')).members(SEGMENT, { max: 10 })).rejects.toMatchObject({
      code: 'surveys.segment-not-found',
      kind: 'not-found',
    });
    await expect(audienceOver(new FakeCustomer360('broken')).count(SEGMENT)).rejects.toBeInstanceOf(ServiceUnavailableException);
    const down: ServiceCaller = { call: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:3006')) };
    const refused = await audienceOver(down)
      .count(SEGMENT)
      .catch((error: ServiceUnavailableException) => error.getResponse());
    expect(refused).toMatchObject({ error: 'surveys.segments-unavailable', message: expect.stringContaining('ECONNREFUSED') });
  });
});
