import type { DomainEvent, Workflow, WorkflowStep } from '@c360/kernel';
import {
  CONTACTS_CUSTOMERS_MERGED,
  CONTACTS_CUSTOMER_ERASED,
  CONTACTS_CUSTOMER_REFERRED,
  CONTACTS_DUPLICATE_SUSPECTED,
  CONTACTS_MERGE_UNDONE,
  readCustomerErased,
  readCustomerReferred,
  readCustomersMerged,
  readDuplicateSuspected,
  readMergeUndone,
} from './acl/contacts-events.acl';
import { CloseForErasure, MoveLotsOut, RaiseFraudFlag, RecordReferral, ReopenUnmergedAccount, ReturnMergedLots } from './reaction.commands';

/** Contacts' published events as loyalty receives them (read through the ACL; personal data never read). */
export type ContactsInput =
  | DomainEvent<typeof CONTACTS_CUSTOMER_REFERRED, unknown>
  | DomainEvent<typeof CONTACTS_DUPLICATE_SUSPECTED, unknown>
  | DomainEvent<typeof CONTACTS_CUSTOMERS_MERGED, unknown>
  | DomainEvent<typeof CONTACTS_MERGE_UNDONE, unknown>
  | DomainEvent<typeof CONTACTS_CUSTOMER_ERASED, unknown>;

export type ContactsReactionCommand =
  RecordReferral | RaiseFraudFlag | MoveLotsOut | ReturnMergedLots | ReopenUnmergedAccount | CloseForErasure;

/**
 * contacts.customer-referred → record the referral (rings detected); contacts.duplicate-suspected →
 * fraud flags on both accounts; contacts.customers-merged → move the absorbed account's lots to the
 * survivor (and back on contacts.merge-undone, reopening the absorbed account directly when nothing
 * had moved); contacts.customer-erased → close the account (loyalty holds no personal data to shred).
 */
export const contactsReactionsWorkflow: Workflow<ContactsInput, ContactsReactionCommand> = {
  // The processor's name before workflows: it derives the command ids, so it never changes.
  name: 'loyalty-contacts-reactions',
  handles: [
    CONTACTS_CUSTOMER_REFERRED,
    CONTACTS_DUPLICATE_SUSPECTED,
    CONTACTS_CUSTOMERS_MERGED,
    CONTACTS_MERGE_UNDONE,
    CONTACTS_CUSTOMER_ERASED,
  ],
  initialState: undefined,
  decide(event): WorkflowStep<ContactsReactionCommand>[] {
    switch (event.type) {
      case CONTACTS_CUSTOMER_REFERRED: {
        const { refereeId, referrerId, referredAt } = readCustomerReferred(event.data);
        return [{ step: 'record-referral', command: new RecordReferral(refereeId, referrerId, referredAt) }];
      }
      case CONTACTS_DUPLICATE_SUSPECTED: {
        const { customerId, otherCustomerId, reasons } = readDuplicateSuspected(event.data);
        return [
          [customerId, otherCustomerId],
          [otherCustomerId, customerId],
        ].map(([self, other]) => ({
          step: `flag/${self}`,
          command: new RaiseFraudFlag(
            self,
            `duplicate-suspected/${other}`,
            'duplicate-suspected',
            { otherCustomerId: other, reasons: reasons.join(',') },
            false,
          ),
        }));
      }
      case CONTACTS_CUSTOMERS_MERGED: {
        const merge = readCustomersMerged(event.data);
        return [{ step: 'move-lots-out', command: new MoveLotsOut(merge.absorbedId, merge.mergeId, merge.survivorId) }];
      }
      case CONTACTS_MERGE_UNDONE: {
        const undo = readMergeUndone(event.data);
        return [
          { step: 'return-merged-lots', command: new ReturnMergedLots(undo.survivorId, undo.mergeId) },
          { step: 'restore-merged-lots', command: new ReopenUnmergedAccount(undo.absorbedId, undo.survivorId, undo.mergeId) },
        ];
      }
      case CONTACTS_CUSTOMER_ERASED: {
        const { customerId } = readCustomerErased(event.data);
        return [{ step: 'close', command: new CloseForErasure(customerId) }];
      }
    }
  },
};
