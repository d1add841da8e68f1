import GRDB

/// The store's tables. Deliveries are kept once per delivery id (the newest version); beside them the store
/// keeps `slot_counts`: how many deliveries of each filter combination (`combos`) were created in each 15-minute
/// UTC slot. Every time zone's midnight falls on such a slot, so every day total in every zone is a sum of slots,
/// and a filter change never touches the delivery rows.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
                INSERT INTO meta(key, value) VALUES ('generation', 0), ('changed_at', 0), ('catalog_generation', 0);

                CREATE TABLE combos(
                    id INTEGER PRIMARY KEY,
                    channel TEXT NOT NULL, queue_id TEXT NOT NULL, config_id TEXT NOT NULL,
                    status TEXT NOT NULL, result TEXT NOT NULL, dial_mode TEXT NOT NULL,
                    engagement_type TEXT NOT NULL, direction INTEGER NOT NULL,
                    UNIQUE(channel, queue_id, config_id, status, result, dial_mode, engagement_type, direction));

                -- delivery_id: the id's text (rows written since GUIDBytes: 16 bytes for a GUID).
                -- id: StableHash of delivery_id (the next free value on the rare collision), so finding a
                -- delivery is a rowid lookup (since v10, the row's number: see delivery_keys); conversation:
                -- StableHash of its conversation id, or NULL.
                CREATE TABLE deliveries(
                    id INTEGER PRIMARY KEY,
                    delivery_id TEXT NOT NULL,
                    created INTEGER NOT NULL,
                    modified INTEGER NOT NULL,
                    combo INTEGER NOT NULL REFERENCES combos(id),
                    conversation INTEGER);
                CREATE INDEX deliveries_by_conversation ON deliveries(conversation) WHERE conversation IS NOT NULL;

                CREATE TABLE slot_counts(
                    slot INTEGER NOT NULL, combo INTEGER NOT NULL, n INTEGER NOT NULL, generation INTEGER NOT NULL,
                    PRIMARY KEY(slot, combo)) WITHOUT ROWID;
                CREATE INDEX slot_counts_by_generation ON slot_counts(generation);

                CREATE TABLE recent_processed(
                    minute INTEGER NOT NULL, combo INTEGER NOT NULL, n INTEGER NOT NULL,
                    PRIMARY KEY(minute, combo)) WITHOUT ROWID;

                CREATE TABLE configurations(
                    id TEXT PRIMARY KEY, name TEXT NOT NULL, status TEXT, priority TEXT,
                    dial_mode TEXT, channel TEXT, queue_id TEXT) WITHOUT ROWID;
                CREATE TABLE queues(id TEXT PRIMARY KEY, name TEXT NOT NULL) WITHOUT ROWID;
                -- id: StableHash of conversation_id.
                CREATE TABLE conversations(
                    id INTEGER PRIMARY KEY, conversation_id TEXT NOT NULL, is_outbound INTEGER, queue_id TEXT);
                """)
        }
        // The dashboard's start: `slot_counts` packed as three little-endian Int32 arrays sorted by (slot, combo)
        // (see AggregateSnapshot); an older store gets its snapshot here, when it is first opened for writing. The
        // table is made with v9's column, which that migration adds to tables made before.
        migrator.registerMigration("v2-aggregate-snapshot") { db in
            try db.execute(sql: """
                CREATE TABLE aggregate_snapshot(
                    id INTEGER PRIMARY KEY CHECK (id = 1), generation INTEGER NOT NULL, row_count INTEGER NOT NULL,
                    slots BLOB NOT NULL, combos BLOB NOT NULL, counts BLOB NOT NULL, totals BLOB);
                """)
            try AggregateSnapshotWriter.rebuildIfMissing(db)
        }
        // Deliveries of a conversation (to move them when its direction arrives or changes): a table written in key
        // order once per transaction, instead of an index on deliveries(conversation) updated at random per row,
        // which cost an import more than the rows themselves.
        migrator.registerMigration("v3-conversation-links") { db in
            try db.execute(sql: """
                CREATE TABLE conversation_links(
                    conversation INTEGER NOT NULL, delivery INTEGER NOT NULL,
                    PRIMARY KEY(conversation, delivery)) WITHOUT ROWID;
                INSERT INTO conversation_links(conversation, delivery)
                    SELECT conversation, id FROM deliveries WHERE conversation IS NOT NULL ORDER BY conversation, id;
                DROP INDEX deliveries_by_conversation;
                """)
        }
        // Slot rows written by a bulk import into a store without counts carry generation 0: the snapshot written in
        // the same transaction holds them, so the generation index (what readers ask for changes since the
        // snapshot) leaves them out and an import does not build it row by row.
        migrator.registerMigration("v4-partial-generation-index") { db in
            try db.execute(sql: """
                DROP INDEX slot_counts_by_generation;
                CREATE INDEX slot_counts_by_generation ON slot_counts(generation) WHERE generation > 0;
                """)
        }
        // Links kept as 65,536 rows of sorted pairs instead of one row per delivery (see ConversationLinks): a bulk
        // import writes a row per bucket, not per delivery.
        migrator.registerMigration("v5-conversation-link-buckets") { db in
            try db.execute(sql: """
                CREATE TABLE conversation_link_buckets(bucket INTEGER PRIMARY KEY, pairs BLOB NOT NULL);
                """)
            try ConversationLinks.rebuildFromLinkRows(db)
            try db.execute(sql: "DROP TABLE conversation_links")
        }
        // The sync (issue 11): row ids beside delivery ids, full-read marks, cursors and status.
        // - deliveries.row_id: msdyn_proactive_deliveryid when it differs from the delivery id (16 bytes for a GUID,
        //   else text; NULL otherwise, so a file without row ids writes nothing more);
        //   delivery_row_buckets: (StableHash of the row id, delivery key) pairs, 65,536 buckets as the links are.
        // - seen: the number of the full read that last saw the row (`SyncTableState.epoch`); a full read that ends
        //   deletes the rows of its table it did not see.
        // - sync_tables: one row per synced table (cursor, full-read epoch, rows, newest modifiedon seen);
        //   sync_status: the one row of the sync's visible state; sync_wanted_conversations: conversation ids that
        //   synced deliveries link to and the store has not read (keyed by StableHash).
        migrator.registerMigration("v6-sync") { db in
            try db.execute(sql: """
                ALTER TABLE deliveries ADD COLUMN row_id BLOB;
                ALTER TABLE deliveries ADD COLUMN seen INTEGER;
                ALTER TABLE configurations ADD COLUMN seen INTEGER;
                ALTER TABLE queues ADD COLUMN seen INTEGER;
                CREATE TABLE delivery_row_buckets(bucket INTEGER PRIMARY KEY, pairs BLOB NOT NULL);
                CREATE TABLE sync_tables(
                    name TEXT PRIMARY KEY, cursor_kind TEXT NOT NULL, link TEXT, started_at INTEGER, since INTEGER,
                    epoch INTEGER NOT NULL DEFAULT 0, rows INTEGER NOT NULL DEFAULT 0,
                    newest_modified INTEGER) WITHOUT ROWID;
                CREATE TABLE sync_status(
                    id INTEGER PRIMARY KEY CHECK (id = 1), org TEXT, last_success REAL, last_attempt REAL,
                    failing_since REAL, last_error TEXT, server_time REAL);
                CREATE TABLE sync_wanted_conversations(id INTEGER PRIMARY KEY, conversation_id TEXT NOT NULL);
                """)
        }
        // The list's columns (issue 12), the newest version's, for the drill-down and `export`. Dates are epoch
        // seconds; conversation_id is 16 bytes for a GUID, else text (as row_id). Rows written before read NULL:
        // empty. ADD COLUMN with no default rewrites no row; the index on created (the list's and export's order, and
        // their date ranges) is built once, about 0.6 s per million deliveries.
        migrator.registerMigration("v7-delivery-details") { db in
            try db.execute(sql: """
                ALTER TABLE deliveries ADD COLUMN to_address TEXT;
                ALTER TABLE deliveries ADD COLUMN from_address TEXT;
                ALTER TABLE deliveries ADD COLUMN result_date INTEGER;
                ALTER TABLE deliveries ADD COLUMN start_date INTEGER;
                ALTER TABLE deliveries ADD COLUMN end_date INTEGER;
                ALTER TABLE deliveries ADD COLUMN window_start_date INTEGER;
                ALTER TABLE deliveries ADD COLUMN window_end_date INTEGER;
                ALTER TABLE deliveries ADD COLUMN disposition_codes TEXT;
                ALTER TABLE deliveries ADD COLUMN contact_id TEXT;
                ALTER TABLE deliveries ADD COLUMN seq_no INTEGER;
                ALTER TABLE deliveries ADD COLUMN conversation_id BLOB;
                CREATE INDEX deliveries_by_created ON deliveries(created);
                """)
        }
        // The list's index: created and the key (the list's and export's order, so no sort), then the combination
        // and the modified time, so a selection's rows are found along it by their index entries alone (SQLite tests
        // `combo IN (...)` and a modified range on the entry and visits the table only for the rows that pass): a
        // first page of a sparse selection, or of the deliveries processed in the last hour, reads index entries,
        // not a table row per delivery in its range. It replaces the index on created (about 16 bytes more an
        // entry): one sort of the table's entries on upgrade (14 s of CPU at 10 million deliveries).
        migrator.registerMigration("v8-list-index") { db in
            try db.execute(sql: """
                DROP INDEX IF EXISTS deliveries_by_created;
                CREATE INDEX IF NOT EXISTS deliveries_by_created_id ON deliveries(created, id, combo, modified);
                """)
        }
        // Each combination's total beside the snapshot's rows, so that a reader that wants a few days (`snapshot`)
        // reads their rows only, not every row for the all-time counts; a snapshot there is rewritten with them.
        migrator.registerMigration("v9-snapshot-totals") { db in
            guard try !db.columns(in: "aggregate_snapshot").contains(where: { $0.name == "totals" }) else { return }
            try db.execute(sql: "ALTER TABLE aggregate_snapshot ADD COLUMN totals BLOB")
            if try AggregateSnapshot.generation(db) != nil {
                try AggregateSnapshotWriter.rebuild(db, generation: try StoredInteger.generation(db))
            }
        }
        // Deliveries keyed apart from where their rows sit (issue 11): `delivery_keys` maps the key (StableHash of
        // delivery_id, the next free value on the rare collision) to the delivery's row, and rows written since are
        // numbered in the order they are written (one past the largest). A batch of new deliveries then appends to
        // the end of the wide deliveries table instead of touching nearly every one of its pages at random, and only
        // the small key table (about 15 bytes a delivery) takes the random order. Rows written before keep their key
        // as their number, so links and row id pairs, which hold row numbers, stay true.
        migrator.registerMigration("v10-delivery-keys") { db in
            try db.execute(sql: """
                CREATE TABLE delivery_keys(key INTEGER PRIMARY KEY, row INTEGER NOT NULL);
                INSERT INTO delivery_keys(key, row) SELECT id, id FROM deliveries ORDER BY id;
                """)
        }
        return migrator
    }
}
