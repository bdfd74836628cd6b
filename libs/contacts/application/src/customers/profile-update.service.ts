import type { ProfileChanges } from '@c360/contacts-domain';
import type { Clock, CommandContext } from '@c360/kernel';
import { CLOCK } from '@c360/runtime';
import { Inject, Injectable } from '@nestjs/common';
import type { CustomerCommandResult } from './customer.results';
import { CustomerStreams } from './customer-streams';

@Injectable()
export class ProfileUpdateService {
  constructor(
    private readonly customers: CustomerStreams,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(customerId: string, changes: ProfileChanges, context: CommandContext): Promise<CustomerCommandResult> {
    const at = this.clock.now().toISOString();
    const result = await this.customers.handle(customerId, { type: 'update-profile', customerId, at, changes }, context);
    return { customerId, version: result.revision, duplicate: result.duplicate };
  }
}
