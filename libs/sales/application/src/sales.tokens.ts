/** Who writes what sales itself decides (the default pipeline, the deal-won purchase). */
export const SALES_SYSTEM_ACTOR = { id: 'sales', role: 'system' } as const;
