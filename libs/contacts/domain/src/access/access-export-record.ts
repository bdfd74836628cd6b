import { streamName, type AggregateType, type Decider } from '@c360/kernel';

/**
 * The right of access leaves a record (GDPR art. 15, ADR 0013): who asked for a customer's export and
 * when. Kept in its own stream, `contacts-access-export-<customerId>`, so the customer's own stream —
 * and its revision, which clients use for optimistic concurrency — does not move on a read.
 */
export interface AccessExportedEvent {
  readonly type: 'contacts.access-exported';
  readonly data: {
    readonly customerId: string;
    readonly exportId: string;
    /** The staff member or system that asked (an actor id, not the customer's data). */
    readonly requestedBy: string;
    readonly requestedByRole: string;
    readonly exportedAt: string;
    /** The sections the document held (`contacts`, `sales`, ...). */
    readonly sections: readonly string[];
  };
}

export interface RecordAccessExport {
  readonly type: 'record-access-export';
  readonly data: AccessExportedEvent['data'];
}

export interface AccessExportRecordState {
  readonly exports: number;
}

export const accessExportRecordDecider: Decider<RecordAccessExport, AccessExportedEvent, AccessExportRecordState> = {
  initialState: { exports: 0 },
  decide: (command) => [{ type: 'contacts.access-exported', data: command.data }],
  evolve: (state) => ({ exports: state.exports + 1 }),
};

export const accessExportRecordAggregate: AggregateType<RecordAccessExport, AccessExportedEvent, AccessExportRecordState> = {
  name: 'contacts-access-export',
  decider: accessExportRecordDecider,
  eventSchemas: { 'contacts.access-exported': 1 },
};

export function accessExportStream(customerId: string): string {
  return streamName('contacts', 'access-export', customerId);
}
