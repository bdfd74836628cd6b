import { streamName } from '@c360/kernel';

export function accountStream(customerId: string): string {
  return streamName('loyalty', 'account', customerId);
}
