import { workflowSpec } from '@c360/kernel/testing';
import { contactsReactionsWorkflow } from './contacts-reactions.workflow';
import { CloseForErasure, MoveLotsOut, RaiseFraudFlag, RecordReferral, ReopenUnmergedAccount, ReturnMergedLots } from './reaction.commands';

describe('contacts reactions workflow', () => {
  const spec = workflowSpec(contactsReactionsWorkflow);

  it('keeps the old processor name, which derives the command ids', () => {
    expect(contactsReactionsWorkflow.name).toBe('loyalty-contacts-reactions');
  });

  it('records a referral', () => {
    spec
      .given([])
      .when({ type: 'contacts.customer-referred', data: { customerId: 'c-2', referrerId: 'c-1', referredAt: '2026-03-01T00:00:00.000Z' } })
      .then([{ step: 'record-referral', command: new RecordReferral('c-2', 'c-1', '2026-03-01T00:00:00.000Z') }]);
  });

  it('flags both accounts of a suspected duplicate, each naming the other', () => {
    spec
      .given([])
      .when({
        type: 'contacts.duplicate-suspected',
        data: { customerId: 'a', otherCustomerId: 'b', reasons: ['same-phone', 'same-email'] },
      })
      .then([
        {
          step: 'flag/a',
          command: new RaiseFraudFlag(
            'a',
            'duplicate-suspected/b',
            'duplicate-suspected',
            { otherCustomerId: 'b', reasons: 'same-phone,same-email' },
            false,
          ),
        },
        {
          step: 'flag/b',
          command: new RaiseFraudFlag(
            'b',
            'duplicate-suspected/a',
            'duplicate-suspected',
            { otherCustomerId: 'a', reasons: 'same-phone,same-email' },
            false,
          ),
        },
      ]);
  });

  it('moves the absorbed account’s lots out on a merge', () => {
    spec
      .given([])
      .when({
        type: 'contacts.customers-merged',
        data: { mergeId: 'm-1', survivorId: 's', absorbedId: 'a', mergedAt: '2026-03-01T00:00:00.000Z' },
      })
      .then([{ step: 'move-lots-out', command: new MoveLotsOut('a', 'm-1', 's') }]);
  });

  it('returns the merged lots on undo, and reopens the absorbed account when nothing came back', () => {
    spec
      .given([])
      .when({
        type: 'contacts.merge-undone',
        data: { mergeId: 'm-1', survivorId: 's', absorbedId: 'a', undoneAt: '2026-03-02T00:00:00.000Z' },
      })
      .then([
        { step: 'return-merged-lots', command: new ReturnMergedLots('s', 'm-1') },
        { step: 'restore-merged-lots', command: new ReopenUnmergedAccount('a', 's', 'm-1') },
      ]);
  });

  it('closes the account of an erased customer', () => {
    spec
      .given([])
      .when({ type: 'contacts.customer-erased', data: { customerId: 'c-1', erasedAt: '2026-03-02T00:00:00.000Z' } })
      .then([{ step: 'close', command: new CloseForErasure('c-1') }]);
  });
});
