import { DomainError } from '@c360/kernel';
import { segmentTooLarge } from '@c360/surveys-domain';
import type { ServiceCaller, ServiceResponse } from '@c360/runtime';
import { ServiceUnavailableException } from '@nestjs/common';
import type { SegmentAudience, SegmentMembership } from './segment-audience.port';

/** Members read per call: the most customer 360's members route gives in one page. */
const PAGE = 1_000;

interface MembersPage {
  readonly items: readonly { readonly customerId: string }[];
  readonly nextCursor: string | null;
  readonly total: number;
  readonly position: number | null;
  readonly asOf: string;
}

/**
 * The segment audience read from the customer 360's own API (`GET /segments/:id/members`, paged by its
 * cursor) with a short-lived token of the `system` role. The caller is the platform's service caller:
 * the same route table in process, or the customer 360 service over HTTP.
 */
export class Customer360SegmentAudience implements SegmentAudience {
  constructor(
    private readonly caller: ServiceCaller,
    private readonly token: () => Promise<string>,
    /** Why the customer 360 cannot be asked in this process, when it cannot (checked per call). */
    private readonly unreachable: () => string | undefined = () => undefined,
  ) {}

  async members(segmentId: string, options: { readonly max: number }): Promise<SegmentMembership> {
    const customerIds: string[] = [];
    let first: MembersPage | undefined;
    let after: string | null = null;
    do {
      const query = new URLSearchParams({ limit: String(PAGE), ...(after === null ? {} : { after }) });
      const page = await this.page(segmentId, query);
      first ??= page;
      // The first page says how many there are: a segment too large is refused before reading it all.
      if (page.total > options.max) throw segmentTooLarge(segmentId, page.total, options.max);
      for (const item of page.items) customerIds.push(item.customerId);
      after = page.nextCursor;
    } while (after !== null && customerIds.length <= options.max);
    if (customerIds.length > options.max) throw segmentTooLarge(segmentId, customerIds.length, options.max);
    return { segmentId, customerIds, position: first.position, asOf: first.asOf };
  }

  async count(segmentId: string): Promise<number> {
    return (await this.page(segmentId, new URLSearchParams({ limit: '1' }))).total;
  }

  private async page(segmentId: string, query: URLSearchParams): Promise<MembersPage> {
    const why = this.unreachable();
    if (why !== undefined) throw unavailable(why);
    let answer: ServiceResponse;
    try {
      answer = await this.caller.call({
        context: 'customer360',
        method: 'GET',
        url: `/segments/${encodeURIComponent(segmentId)}/members?${query}`,
        headers: { authorization: `Bearer ${await this.token()}` },
      });
    } catch (error) {
      throw unavailable(`the customer 360 did not answer: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (answer.status === 404 && codeOf(answer) === 'customer360.segment-not-found') {
      throw new DomainError('surveys.segment-not-found', `No active segment ${segmentId}`, 'not-found', { field: 'segmentId', segmentId });
    }
    if (answer.status !== 200 || !isMembersPage(answer.body)) {
      throw unavailable(`the customer 360 answered ${answer.status} ${codeOf(answer) ?? ''}`.trim());
    }
    return answer.body;
  }
}

function codeOf(answer: ServiceResponse): string | undefined {
  const body = answer.body as { error?: unknown } | null;
  return typeof body?.error === 'string' ? body.error : undefined;
}

function isMembersPage(body: unknown): body is MembersPage {
  const page = body as Partial<MembersPage> | null;
  return (
    typeof page === 'object' &&
    page !== null &&
    Array.isArray(page.items) &&
    page.items.every((item) => typeof item?.customerId === 'string') &&
    typeof page.total === 'number' &&
    (page.nextCursor === null || typeof page.nextCursor === 'string')
  );
}

/** 503: nothing was written, and retrying later (or configuring the URL) helps. */
function unavailable(why: string): ServiceUnavailableException {
  return new ServiceUnavailableException({
    statusCode: 503,
    error: 'surveys.segments-unavailable',
    message: `Segments cannot be read: ${why}`,
  });
}
