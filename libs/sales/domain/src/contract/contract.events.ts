/** Contract (subscription) events. `sales.contract-renewed` is a contract with loyalty (renewal bonus). */

export type ContractStarted = {
  readonly type: 'sales.contract-started';
  readonly data: {
    readonly contractId: string;
    readonly customerId: string;
    readonly title: string;
    /** Value of one term, minor units. */
    readonly value: number;
    readonly currency: string;
    readonly startDate: string;
    readonly renewalDate: string;
    readonly termMonths: number;
    /** Day of month renewals fall on (clamped to short months), so month-end terms do not drift. */
    readonly renewalDay: number;
    readonly dealId?: string;
    readonly startedAt: string;
  };
};

export type ContractRenewed = {
  readonly type: 'sales.contract-renewed';
  readonly data: {
    readonly contractId: string;
    readonly customerId: string;
    readonly renewedAt: string;
    /** The next renewal date. */
    readonly renewalDate: string;
    readonly previousRenewalDate: string;
    readonly value: number;
    readonly currency: string;
    readonly termMonths: number;
  };
};

export type ContractLapsed = {
  readonly type: 'sales.contract-lapsed';
  readonly data: {
    readonly contractId: string;
    readonly customerId: string;
    /** The renewal date that passed without a renewal. */
    readonly renewalDate: string;
    readonly reason: string;
    readonly lapsedAt: string;
  };
};

export type ContractEvent = ContractStarted | ContractRenewed | ContractLapsed;

export const CONTRACT_EVENT_TYPES = [
  'sales.contract-started',
  'sales.contract-renewed',
  'sales.contract-lapsed',
] as const satisfies readonly ContractEvent['type'][];
