import { ADD_HASH_COLUMN } from './event-chain';

/**
 * The schema steps of the embedded event store, in order (`migrate` applies each once). Only ever
 * appended to: a stored log has run the steps before it. The bench of SQLite's own insert rate
 * (`npm run bench -- sqlite-floor`) builds the same table from them.
 */
export const EVENT_STORE_SCHEMA = [
  `CREATE TABLE events (
     position       INTEGER PRIMARY KEY,
     event_id       TEXT    NOT NULL UNIQUE,
     stream_id      TEXT    NOT NULL,
     revision       INTEGER NOT NULL,
     type           TEXT    NOT NULL,
     schema_version INTEGER NOT NULL,
     occurred_at    TEXT    NOT NULL,
     data           TEXT    NOT NULL,
     metadata       TEXT    NOT NULL,
     UNIQUE (stream_id, revision)
   )`,
  ADD_HASH_COLUMN,
];
