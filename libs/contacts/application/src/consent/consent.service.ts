import type { Channel, Purpose } from '@c360/contacts-domain';
import type { Clock, CommandContext } from '@c360/kernel';
import { CLOCK } from '@c360/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { CustomerStreams } from '../customers/customer-streams';
import type { CustomerCommandResult } from '../customers/customer.results';

export interface ConsentInput {
  readonly channel: Channel;
  readonly purpose: Purpose;
  readonly source: string;
  /** When the customer decided; default now. */
  readonly at?: string;
}

@Injectable()
export class ConsentService {
  constructor(
    private readonly customers: CustomerStreams,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(
    customerId: string,
    decision: 'grant' | 'revoke',
    input: ConsentInput,
    context: CommandContext,
  ): Promise<CustomerCommandResult> {
    const at = this.clock.now().toISOString();
    const result = await this.customers.handle(
      customerId,
      {
        type: decision === 'grant' ? 'grant-consent' : 'revoke-consent',
        customerId,
        at,
        effectiveAt: input.at ?? at,
        channel: input.channel,
        purpose: input.purpose,
        source: input.source,
      },
      context,
    );
    return { customerId, version: result.revision, duplicate: result.duplicate };
  }
}
