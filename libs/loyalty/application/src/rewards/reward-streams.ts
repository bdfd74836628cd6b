import { streamName } from '@c360/kernel';

export function rewardStream(rewardId: string): string {
  return streamName('loyalty', 'reward', rewardId);
}
