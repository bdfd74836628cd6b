import { HandlesQuery, type IQueryHandler } from '@c360/runtime';
import { ConsentReadService, type ConsentAnswer, type ConsentHistory } from './consent-read.service';
import { GetConsentAt, GetConsentHistory } from './consent.queries';

@HandlesQuery(GetConsentHistory)
export class GetConsentHistoryHandler implements IQueryHandler<GetConsentHistory, ConsentHistory> {
  constructor(private readonly consents: ConsentReadService) {}

  execute(query: GetConsentHistory): Promise<ConsentHistory> {
    return this.consents.history(query.customerId);
  }
}

@HandlesQuery(GetConsentAt)
export class GetConsentAtHandler implements IQueryHandler<GetConsentAt, ConsentAnswer> {
  constructor(private readonly consents: ConsentReadService) {}

  execute(query: GetConsentAt): Promise<ConsentAnswer> {
    return this.consents.validAt(query.customerId, query.channel, query.purpose, query.at);
  }
}

export const CONSENT_QUERY_HANDLERS = [GetConsentHistoryHandler, GetConsentAtHandler];
