export const CHECKPOINT_SCHEMA = [
  `CREATE TABLE checkpoints (name TEXT PRIMARY KEY, position INTEGER NOT NULL)`,
  // Processor leases (issue 19): beside the checkpoints they fence, so one transaction sees both.
  `CREATE TABLE processor_leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, token INTEGER NOT NULL, expires_at INTEGER NOT NULL)`,
];
