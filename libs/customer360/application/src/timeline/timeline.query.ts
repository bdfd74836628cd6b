import { ContextQuery, HandlesQuery, type IQueryHandler } from '@c360/runtime';
import { TimelineReader, type TimelineFilter, type TimelinePage } from './timeline-reader.service';

/** A customer's unified timeline page, newest first. */
export class GetCustomerTimeline extends ContextQuery<TimelinePage> {
  constructor(
    readonly customerId: string,
    readonly filter: TimelineFilter,
  ) {
    super();
  }
}

@HandlesQuery(GetCustomerTimeline)
export class GetCustomerTimelineHandler implements IQueryHandler<GetCustomerTimeline, TimelinePage> {
  constructor(private readonly reader: TimelineReader) {}
  execute(query: GetCustomerTimeline): Promise<TimelinePage> {
    return this.reader.page(query.customerId, query.filter);
  }
}
