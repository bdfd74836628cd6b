import {
  CONTACTS_CUSTOMERS_MERGED,
  CONTACTS_CUSTOMER_ERASED,
  CONTACTS_CUSTOMER_REFERRED,
  CONTACTS_DUPLICATE_SUSPECTED,
  CONTACTS_MERGE_UNDONE,
  type ContactsCustomerErasedContract,
  type ContactsCustomerReferredContract,
  type ContactsCustomersMergedContract,
  type ContactsDuplicateSuspectedContract,
  type ContactsMergeUndoneContract,
} from '@c360/contacts-contracts';
import { ContractReader } from './contract-reader';

/**
 * What loyalty reads of contacts' events: contacts' shared-event contract, typed field by field.
 * Personal data is not part of it, so it is never read or copied.
 */
export {
  CONTACTS_CUSTOMERS_MERGED,
  CONTACTS_CUSTOMER_ERASED,
  CONTACTS_CUSTOMER_REFERRED,
  CONTACTS_DUPLICATE_SUSPECTED,
  CONTACTS_MERGE_UNDONE,
};

export function readCustomerReferred(data: unknown) {
  const r = new ContractReader<ContactsCustomerReferredContract>(CONTACTS_CUSTOMER_REFERRED, data);
  return r.done({ refereeId: r.string('customerId'), referrerId: r.string('referrerId'), referredAt: r.instant('referredAt') });
}

export function readDuplicateSuspected(data: unknown) {
  const r = new ContractReader<ContactsDuplicateSuspectedContract>(CONTACTS_DUPLICATE_SUSPECTED, data);
  return r.done({ customerId: r.string('customerId'), otherCustomerId: r.string('otherCustomerId'), reasons: r.strings('reasons') });
}

export function readCustomersMerged(data: unknown) {
  const r = new ContractReader<ContactsCustomersMergedContract>(CONTACTS_CUSTOMERS_MERGED, data);
  return r.done({
    mergeId: r.string('mergeId'),
    survivorId: r.string('survivorId'),
    absorbedId: r.string('absorbedId'),
    mergedAt: r.instant('mergedAt'),
  });
}

export function readMergeUndone(data: unknown) {
  const r = new ContractReader<ContactsMergeUndoneContract>(CONTACTS_MERGE_UNDONE, data);
  return r.done({
    mergeId: r.string('mergeId'),
    survivorId: r.string('survivorId'),
    absorbedId: r.string('absorbedId'),
    undoneAt: r.instant('undoneAt'),
  });
}

export function readCustomerErased(data: unknown) {
  const r = new ContractReader<ContactsCustomerErasedContract>(CONTACTS_CUSTOMER_ERASED, data);
  return r.done({ customerId: r.string('customerId'), erasedAt: r.instant('erasedAt') });
}
