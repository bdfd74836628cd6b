import type { ProgramSettings } from '../program/program-settings';
import { addDays } from '../shared/time';
import type { RestoredPortion } from './account.events';
import type { Account, Draw } from './account.types';
import { availableLotFacts, findLot, lotIdFor } from './lot-math';

/**
 * Points given back go into their original lots, keeping those lots' expiry; points whose lot has
 * expired meanwhile go into one new lot valid for `restoredPointsValidityDays` (neither lost on the
 * customer nor extended by a full term).
 */
export function restorePortions(
  account: Account,
  draws: readonly Draw[],
  key: string,
  now: string,
  program: ProgramSettings,
): RestoredPortion[] {
  const portions: RestoredPortion[] = [];
  let lapsed = 0;
  for (const draw of draws) {
    const lot = findLot(account, draw.lotId);
    if (lot && lot.status !== 'expired' && lot.expiresAt > now) portions.push({ lotId: draw.lotId, points: draw.points, newLot: null });
    else lapsed += draw.points;
  }
  if (lapsed > 0) {
    const expiresAt = addDays(now, program.points.restoredPointsValidityDays);
    const newLot = availableLotFacts(lotIdFor(account.customerId, 'restored', key), lapsed, now, expiresAt, program.points);
    portions.push({ lotId: newLot.lotId, points: lapsed, newLot });
  }
  return portions;
}
