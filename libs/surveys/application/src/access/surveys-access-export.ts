import { everyPage, type AccessExportEntry, type AccessExportPart } from '@c360/runtime';
import { Injectable } from '@nestjs/common';
import { SurveysQueries } from '../queries/surveys-queries.service';

/**
 * Surveys' section of the access export: every invitation the customer was sent and their answer —
 * score, category, follow-up outcome and the comment opened with surveys' protector, as the API shows it.
 */
@Injectable()
export class SurveysAccessExport implements AccessExportPart {
  readonly section = 'surveys';

  constructor(private readonly queries: SurveysQueries) {}

  async *export(customerId: string): AsyncIterable<AccessExportEntry> {
    yield { list: 'invitations', items: everyPage((after) => this.queries.customerSurveys(customerId, { limit: 200, after })) };
  }
}
