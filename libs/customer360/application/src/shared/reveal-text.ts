import type { PersonalDataProtector } from '@c360/kernel';

/** Free text as its context sealed it, opened for this request; undefined when the customer's key is gone. */
export async function revealText(protector: PersonalDataProtector, value: unknown): Promise<unknown> {
  const opened = await protector.revealValue(value);
  return opened !== null && typeof opened === 'object' && '$erased' in opened ? undefined : opened;
}
