import type { SwitchOverRequest } from '@c360/kernel';
import type { SqliteDatabase } from '../sqlite-connection';

/** The kernel's switch-over request (CollectionSwitchOver). */
export type SwapRequest = SwitchOverRequest;

/**
 * Switch-over of a rebuilt projection (issue 18), in one transaction of the read-model file: the live
 * collection is replaced by the staging one (with its indexes, not built again) and the live checkpoint set
 * to where the staging one stands — only if the live projector has not committed a batch since the
 * caller looked (compare-and-swap on its checkpoint). A running projector then carries on from the
 * swapped collection; the position guards keep it from folding any event twice.
 */
export function swapCollection(db: SqliteDatabase, request: SwapRequest): boolean {
  const liveTable = `rm_${request.live}`;
  const stagingTable = `rm_${request.staging}`;
  return db
    .transaction((): boolean => {
      const current = db.prepare('SELECT position FROM checkpoints WHERE name = ?').pluck().get(request.checkpoint) as number | undefined;
      if (current !== request.expected) return false;
      db.exec(`DROP TABLE IF EXISTS "${liveTable}"`);
      // The indexes go with the table under the names they were built with (index-statement.ts finds them by what they index).
      db.exec(`ALTER TABLE "${stagingTable}" RENAME TO "${liveTable}"`);
      db.prepare(
        'INSERT INTO checkpoints (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position',
      ).run(request.checkpoint, request.position);
      db.prepare('DELETE FROM checkpoints WHERE name = ?').run(request.stagingCheckpoint);
      return true;
    })
    .immediate();
}
