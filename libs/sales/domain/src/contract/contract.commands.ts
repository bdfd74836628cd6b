export type ContractCommand =
  | {
      readonly type: 'start-contract';
      readonly contractId: string;
      readonly customerId: string;
      readonly title: string;
      readonly value: number;
      readonly currency: string;
      readonly startDate: string;
      readonly termMonths: number;
      /** Omitted: startDate + termMonths. */
      readonly renewalDate?: string;
      readonly dealId?: string;
      readonly now: string;
    }
  | {
      readonly type: 'renew-contract';
      /** Omitted: the current renewal date + termMonths. */
      readonly renewalDate?: string;
      /** Omitted: the current value. */
      readonly value?: number;
      readonly now: string;
    }
  | { readonly type: 'lapse-contract'; readonly reason: string; readonly now: string };
