/**
 * The sales context's CommandHandler: built on the event store seen through the sales
 * PersonalDataProtector, so activity notes are sealed with the customer's key (ADR 0006).
 */
export const SALES_COMMANDS = Symbol('SalesCommands');
export const SALES_PRIVACY = Symbol('SalesPersonalDataProtector');

/** Who writes what sales itself decides (the default pipeline, the deal-won purchase). */
export const SALES_SYSTEM_ACTOR = { id: 'sales', role: 'system' } as const;
