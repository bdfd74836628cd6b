import type { Channel, Purpose } from '@c360/contacts-domain';
import { ContextQuery } from '@c360/runtime';
import type { ConsentAnswer, ConsentHistory } from './consent-read.service';

export class GetConsentHistory extends ContextQuery<ConsentHistory> {
  constructor(readonly customerId: string) {
    super();
  }
}

/** "May we contact them on this channel for this purpose at `at`?" — what other services ask. */
export class GetConsentAt extends ContextQuery<ConsentAnswer> {
  constructor(
    readonly customerId: string,
    readonly channel: Channel,
    readonly purpose: Purpose,
    readonly at: string,
  ) {
    super();
  }
}
