/**
 * One customer as another context knows it (ADR 0013): enough to refuse a command for an id that was
 * never registered (404) or was erased (409 `customer-erased`). Built by each context from contacts'
 * published events (`@c360/contacts-contracts` customerDirectoryProjection); no personal data.
 */
export interface CustomerDirectoryEntry {
  readonly customerId: string;
  readonly status: 'active' | 'merged' | 'erased';
  /** Set while merged: the customer it now answers to. */
  readonly survivorId?: string;
}
