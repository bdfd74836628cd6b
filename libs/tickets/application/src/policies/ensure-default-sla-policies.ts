import type { ContextStartHook } from '@c360/runtime';
import { Injectable, Logger } from '@nestjs/common';
import { SlaPolicyService } from './sla-policy.service';

/** The shipped SLA policies exist from the first start; if the store is unavailable now, first use sets them. */
@Injectable()
export class EnsureDefaultSlaPolicies implements ContextStartHook {
  constructor(private readonly policies: SlaPolicyService) {}

  async onContextStart(): Promise<void> {
    await this.policies.ensureDefaults().catch((error: unknown) => {
      new Logger('Tickets').warn(
        `Default SLA policies not set at start-up (they will be on first use): ${error instanceof Error ? error.message : String(error)}`,
      );
    });
  }
}
