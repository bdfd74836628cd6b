import type { Provider } from '@nestjs/common';
import { GetCustomerReportHandler, GetNpsTrendHandler, GetTeamPerformanceHandler } from './reports/report.queries';
import { SegmentMembers } from './segments/segment-members.service';
import {
  ChangeSegmentHandler,
  DefineSegmentHandler,
  GetSegmentHandler,
  GetSegmentMembersHandler,
  ListSegmentsHandler,
  RetireSegmentHandler,
} from './segments/segment.handlers';
import { SegmentService } from './segments/segment.service';
import { CustomerResolver } from './shared/customer-resolver';
import { ReadPosition } from './shared/read-position';
import { TimelineReader } from './timeline/timeline-reader.service';
import { GetCustomerTimelineHandler } from './timeline/timeline.query';
import { CustomerPopulation } from './view/customer-population.service';
import { Customer360Reader } from './view/customer-360-reader.service';
import { GetCustomer360Handler } from './view/customer-360.query';
import { RfmScales } from './view/rfm-scale.service';

/** Everything the customer 360 context's definition provides: readers and their query handlers. */
export const CUSTOMER360_PROVIDERS: Provider[] = [
  CustomerResolver,
  ReadPosition,
  TimelineReader,
  GetCustomerTimelineHandler,
  CustomerPopulation,
  RfmScales,
  Customer360Reader,
  GetCustomer360Handler,
  SegmentMembers,
  SegmentService,
  DefineSegmentHandler,
  ChangeSegmentHandler,
  RetireSegmentHandler,
  ListSegmentsHandler,
  GetSegmentHandler,
  GetSegmentMembersHandler,
  GetCustomerReportHandler,
  GetTeamPerformanceHandler,
  GetNpsTrendHandler,
];
