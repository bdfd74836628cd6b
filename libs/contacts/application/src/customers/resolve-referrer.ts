import { customerAggregate, customerStream, normaliseReferralCode, type CustomerState } from '@c360/contacts-domain';
import { DomainError, type CommandHandler } from '@c360/kernel';
import type { CustomerDirectory } from '../queries/customer-directory';

/**
 * The referrer named by id or by referral code, as an active customer id: a merged referrer is
 * replaced by its survivor (who now is that person); an unknown or erased one is refused.
 */
export async function resolveReferrer(
  input: { readonly referrerId?: string; readonly referralCode?: string },
  directory: CustomerDirectory,
  commands: CommandHandler,
): Promise<string | undefined> {
  let referrerId = input.referrerId;
  const field = referrerId !== undefined ? 'referrerId' : 'referralCode';
  if (referrerId === undefined && input.referralCode !== undefined) {
    referrerId = await directory.customerByReferralCode(normaliseReferralCode(input.referralCode));
    if (!referrerId) throw new DomainError('contacts.unknown-referrer', 'No customer has this referral code', 'invalid', { field });
  }
  if (referrerId === undefined) return undefined;
  let current: string = referrerId;
  for (let hops = 0; hops < 100; hops++) {
    const loaded: { state: CustomerState } = await commands.load(customerAggregate, customerStream(current));
    const state = loaded.state;
    switch (state.status) {
      case 'none':
        throw new DomainError('contacts.unknown-referrer', `No customer ${current}`, 'invalid', { field, referrerId: current });
      case 'erased':
        throw new DomainError('contacts.referrer-erased', `Customer ${current} was erased`, 'invalid', { field, referrerId: current });
      case 'merged':
        current = state.survivorId;
        break;
      case 'active':
        return current;
    }
  }
  throw new DomainError('contacts.unknown-referrer', 'The referrer resolves through too many merges', 'invalid', { field });
}
