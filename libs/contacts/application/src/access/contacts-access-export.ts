import type { AccessExportEntry, AccessExportPart } from '@c360/runtime';
import { Injectable } from '@nestjs/common';
import { CustomerExportService } from './customer-export.service';

/**
 * Contacts' section of the access export: the profile, identities, consent (current and history),
 * referrals, merges, suspected duplicates and every event of the customer's stream, decrypted (or
 * marked erased). One customer's contacts stream is short (a profile's changes), so it is read whole.
 */
@Injectable()
export class ContactsAccessExport implements AccessExportPart {
  readonly section = 'contacts';

  constructor(private readonly customers: CustomerExportService) {}

  async *export(customerId: string): AsyncIterable<AccessExportEntry> {
    const { exportedAt: _exportedAt, customerId: _customerId, events, ...held } = await this.customers.execute(customerId);
    for (const [field, value] of Object.entries(held)) yield { field, value };
    yield { list: 'events', items: events };
  }
}
