import { ContractReader } from './contract-reader';

/** What loyalty reads of contacts' events. Personal data in them is never read or copied. */
export const CONTACTS_CUSTOMER_REFERRED = 'contacts.customer-referred';
export const CONTACTS_DUPLICATE_SUSPECTED = 'contacts.duplicate-suspected';
export const CONTACTS_CUSTOMERS_MERGED = 'contacts.customers-merged';
export const CONTACTS_MERGE_UNDONE = 'contacts.merge-undone';
export const CONTACTS_CUSTOMER_ERASED = 'contacts.customer-erased';

export function readCustomerReferred(data: unknown) {
  const r = new ContractReader(CONTACTS_CUSTOMER_REFERRED, data);
  return r.done({ refereeId: r.string('customerId'), referrerId: r.string('referrerId'), referredAt: r.instant('referredAt') });
}

export function readDuplicateSuspected(data: unknown) {
  const r = new ContractReader(CONTACTS_DUPLICATE_SUSPECTED, data);
  return r.done({ customerId: r.string('customerId'), otherCustomerId: r.string('otherCustomerId'), reasons: r.strings('reasons') });
}

export function readCustomersMerged(data: unknown) {
  const r = new ContractReader(CONTACTS_CUSTOMERS_MERGED, data);
  return r.done({
    mergeId: r.string('mergeId'),
    survivorId: r.string('survivorId'),
    absorbedId: r.string('absorbedId'),
    mergedAt: r.instant('mergedAt'),
  });
}

export function readMergeUndone(data: unknown) {
  const r = new ContractReader(CONTACTS_MERGE_UNDONE, data);
  return r.done({
    mergeId: r.string('mergeId'),
    survivorId: r.string('survivorId'),
    absorbedId: r.string('absorbedId'),
    undoneAt: r.instant('undoneAt'),
  });
}

export function readCustomerErased(data: unknown) {
  const r = new ContractReader(CONTACTS_CUSTOMER_ERASED, data);
  return r.done({ customerId: r.string('customerId'), erasedAt: r.instant('erasedAt') });
}
