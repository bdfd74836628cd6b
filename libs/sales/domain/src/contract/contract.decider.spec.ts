import { deciderSpec } from '@c360/kernel/testing';
import { CUSTOMER, T0 } from '../testing/sales-fixtures';
import type { ContractCommand } from './contract.commands';
import { contractDecider } from './contract.decider';
import type { ContractEvent } from './contract.events';

const spec = deciderSpec(contractDecider);
const CONTRACT = '0190a5c4-0000-7000-8000-0000000000c7';
type Start = Extract<ContractCommand, { type: 'start-contract' }>;

const start = (overrides: Partial<Start> = {}): Start => ({
  type: 'start-contract',
  contractId: CONTRACT,
  customerId: CUSTOMER,
  title: 'Service plan',
  value: 990_00,
  currency: 'EUR',
  startDate: '2026-01-31',
  termMonths: 1,
  now: T0,
  ...overrides,
});
const started: ContractEvent = {
  type: 'sales.contract-started',
  data: {
    contractId: CONTRACT,
    customerId: CUSTOMER,
    title: 'Service plan',
    value: 990_00,
    currency: 'EUR',
    startDate: '2026-01-31',
    renewalDate: '2026-02-28',
    termMonths: 1,
    renewalDay: 31,
    startedAt: T0,
  },
};
const renewed = (renewalDate: string, previousRenewalDate: string, renewedAt: string): ContractEvent => ({
  type: 'sales.contract-renewed',
  data: {
    contractId: CONTRACT,
    customerId: CUSTOMER,
    renewedAt,
    renewalDate,
    previousRenewalDate,
    value: 990_00,
    currency: 'EUR',
    termMonths: 1,
  },
});

describe('contracts', () => {
  it('starts with the first renewal one term after the start (clamped to the month’s end)', () => {
    spec.given([]).when(start()).then([started]);
  });

  it('takes an explicit first renewal date after the start', () => {
    spec
      .given([])
      .when(start({ renewalDate: '2026-03-15', dealId: '0190a5c4-0000-7000-8000-00000000d001' }))
      .thenEvents(([event]) =>
        expect(event.data).toMatchObject({ renewalDate: '2026-03-15', renewalDay: 15, dealId: '0190a5c4-0000-7000-8000-00000000d001' }),
      );
    spec
      .given([])
      .when(start({ renewalDate: '2026-01-31' }))
      .thenThrows('sales.renewal-before-start', 'invalid');
  });

  it('checks the term, value and dates', () => {
    spec
      .given([])
      .when(start({ termMonths: 0 }))
      .thenThrows('sales.invalid-term');
    spec
      .given([])
      .when(start({ value: -1 }))
      .thenThrows('sales.invalid-amount');
    spec
      .given([])
      .when(start({ startDate: '2026-13-01' }))
      .thenThrows('sales.invalid-date');
    spec.given([started]).when(start()).thenThrows('sales.contract-exists', 'conflict');
  });

  it('renews for another term on the original day of the month: Feb 28, then Mar 31', () => {
    spec
      .given([started])
      .when({ type: 'renew-contract', now: '2026-02-20T10:00:00.000Z' })
      .then([renewed('2026-03-31', '2026-02-28', '2026-02-20T10:00:00.000Z')]);
  });

  it('renews to an explicit later date, at a new value', () => {
    spec
      .given([started])
      .when({ type: 'renew-contract', renewalDate: '2027-02-28', value: 10_000_00, now: '2026-02-20T10:00:00.000Z' })
      .thenEvents(([event]) =>
        expect(event.data).toMatchObject({ renewalDate: '2027-02-28', value: 10_000_00, previousRenewalDate: '2026-02-28' }),
      );
    spec
      .given([started])
      .when({ type: 'renew-contract', renewalDate: '2026-02-28', now: T0 })
      .thenThrows('sales.renewal-date-not-later', 'invalid');
  });

  it('lapses from the renewal date on, not before', () => {
    spec
      .given([started])
      .when({ type: 'lapse-contract', reason: 'Not renewed', now: '2026-02-27T23:59:59.000Z' })
      .thenThrows('sales.contract-not-due', 'conflict');
    spec
      .given([started])
      .when({ type: 'lapse-contract', reason: 'Not renewed', now: '2026-03-07T00:00:00.000Z' })
      .then([
        {
          type: 'sales.contract-lapsed',
          data: {
            contractId: CONTRACT,
            customerId: CUSTOMER,
            renewalDate: '2026-02-28',
            reason: 'Not renewed',
            lapsedAt: '2026-03-07T00:00:00.000Z',
          },
        },
      ]);
  });

  it('neither renews nor lapses a lapsed contract again', () => {
    const lapsed: ContractEvent = {
      type: 'sales.contract-lapsed',
      data: { contractId: CONTRACT, customerId: CUSTOMER, renewalDate: '2026-02-28', reason: 'x', lapsedAt: '2026-03-07T00:00:00.000Z' },
    };
    spec
      .given([started, lapsed])
      .when({ type: 'renew-contract', now: '2026-03-08T00:00:00.000Z' })
      .thenThrows('sales.contract-lapsed', 'conflict');
    spec
      .given([started, lapsed])
      .when({ type: 'lapse-contract', reason: 'again', now: '2026-03-08T00:00:00.000Z' })
      .thenThrows('sales.contract-lapsed', 'conflict');
  });

  it('answers not-found for a contract never started', () => {
    spec.given([]).when({ type: 'renew-contract', now: T0 }).thenThrows('sales.contract-not-found', 'not-found');
  });

  it('keeps renewing from the latest renewal date', () => {
    const state = spec.given([started, renewed('2026-03-31', '2026-02-28', T0)]).state();
    expect(state).toMatchObject({ status: 'active', renewalDate: '2026-03-31', renewalDay: 31 });
  });
});
