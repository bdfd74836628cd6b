export const CHECKPOINT_SCHEMA = [`CREATE TABLE checkpoints (name TEXT PRIMARY KEY, position INTEGER NOT NULL)`];
