import { addDays } from '@c360/loyalty-domain';
import type { MemberActivityDocument } from '@c360/loyalty-projections';

/**
 * Does redeeming bring members back? For each reward: its redemptions, the points they cost, and
 * how many were followed by a purchase within `windowDays`. Compared with members who never
 * redeemed: how many made another purchase within `windowDays` of a purchase. Observations whose
 * window is still open (no purchase yet, but time left) are counted apart, not as failures.
 */
export interface RewardEffectivenessRow {
  readonly rewardId: string;
  readonly redemptions: number;
  readonly pointsCost: number;
  readonly followedByPurchase: number;
  readonly stillOpen: number;
  /** followedByPurchase / (redemptions − stillOpen); null when nothing is decided yet. */
  readonly repeatPurchaseRate: number | null;
}

export interface GroupRate {
  readonly members: number;
  readonly repeated: number;
  readonly stillOpen: number;
  readonly repeatPurchaseRate: number | null;
}

export interface RewardEffectivenessReport {
  readonly asOf: string;
  readonly windowDays: number;
  readonly rewards: readonly RewardEffectivenessRow[];
  readonly redeemers: GroupRate;
  readonly nonRedeemers: GroupRate;
}

const rate = (hits: number, decided: number): number | null => (decided > 0 ? Math.round((hits / decided) * 10_000) / 10_000 : null);

export class RewardEffectivenessCalculator {
  private readonly rewards = new Map<string, { redemptions: number; pointsCost: number; followed: number; open: number }>();
  private readonly redeemers = { members: 0, repeated: 0, open: 0 };
  private readonly others = { members: 0, repeated: 0, open: 0 };

  constructor(
    private readonly asOf: string,
    private readonly windowDays = 90,
  ) {}

  add(member: MemberActivityDocument): void {
    const completed = member.redemptions.filter((redemption) => redemption.status === 'completed');
    const purchaseWithin = (from: string) =>
      member.purchases.some((purchase) => purchase.at > from && purchase.at <= addDays(from, this.windowDays));
    const windowOpen = (from: string) => addDays(from, this.windowDays) > this.asOf;
    if (completed.length > 0) {
      let memberRepeated = false;
      let memberOpen = true;
      for (const redemption of completed) {
        const row = this.rewards.get(redemption.rewardId) ?? { redemptions: 0, pointsCost: 0, followed: 0, open: 0 };
        row.redemptions++;
        row.pointsCost += redemption.points;
        if (purchaseWithin(redemption.at)) {
          row.followed++;
          memberRepeated = true;
        } else if (windowOpen(redemption.at)) row.open++;
        else memberOpen = false;
        this.rewards.set(redemption.rewardId, row);
      }
      this.redeemers.members++;
      if (memberRepeated) this.redeemers.repeated++;
      else if (memberOpen) this.redeemers.open++;
      return;
    }
    if (member.purchases.length === 0) return;
    this.others.members++;
    const repeated = member.purchases.some(
      (purchase, index) => index > 0 && purchase.at <= addDays(member.purchases[index - 1].at, this.windowDays),
    );
    if (repeated) this.others.repeated++;
    else if (windowOpen(member.purchases[member.purchases.length - 1].at)) this.others.open++;
  }

  report(): RewardEffectivenessReport {
    const group = (g: { members: number; repeated: number; open: number }): GroupRate => ({
      members: g.members,
      repeated: g.repeated,
      stillOpen: g.open,
      repeatPurchaseRate: rate(g.repeated, g.members - g.open),
    });
    return {
      asOf: this.asOf,
      windowDays: this.windowDays,
      rewards: [...this.rewards.entries()]
        .map(([rewardId, row]) => ({
          rewardId,
          redemptions: row.redemptions,
          pointsCost: row.pointsCost,
          followedByPurchase: row.followed,
          stillOpen: row.open,
          repeatPurchaseRate: rate(row.followed, row.redemptions - row.open),
        }))
        .sort((a, b) => b.redemptions - a.redemptions || a.rewardId.localeCompare(b.rewardId)),
      redeemers: group(this.redeemers),
      nonRedeemers: group(this.others),
    };
  }
}
