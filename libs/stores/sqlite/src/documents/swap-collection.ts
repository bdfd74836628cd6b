import type { SwitchOverRequest } from '@c360/kernel';
import type { SqliteDatabase } from '../sqlite-connection';

/** The kernel's switch-over request (CollectionSwitchOver). */
export type SwapRequest = SwitchOverRequest;

/**
 * Switch-over of a rebuilt projection (issue 18), in one transaction of the read-model file: the live
 * collection is replaced by the staging one (its indexes renamed with it) and the live checkpoint set
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
      const indexes = db
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL")
        .all(stagingTable) as { name: string; sql: string }[];
      db.exec(`DROP TABLE IF EXISTS "${liveTable}"`);
      db.exec(`ALTER TABLE "${stagingTable}" RENAME TO "${liveTable}"`);
      for (const index of indexes) {
        db.exec(`DROP INDEX "${index.name}"`);
        const liveName = index.name.replace(
          `ix_${request.staging.replace(/[^A-Za-z0-9_]/g, '_')}`,
          `ix_${request.live.replace(/[^A-Za-z0-9_]/g, '_')}`,
        );
        db.exec(index.sql.replace(`"${index.name}"`, `"${liveName}"`).replace(`"${stagingTable}"`, `"${liveTable}"`));
      }
      db.prepare(
        'INSERT INTO checkpoints (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position',
      ).run(request.checkpoint, request.position);
      db.prepare('DELETE FROM checkpoints WHERE name = ?').run(request.stagingCheckpoint);
      return true;
    })
    .immediate();
}
