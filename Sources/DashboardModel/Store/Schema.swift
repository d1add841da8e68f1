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

                CREATE TABLE deliveries(
                    id INTEGER PRIMARY KEY,
                    delivery_id TEXT NOT NULL UNIQUE,
                    created INTEGER NOT NULL,
                    modified INTEGER NOT NULL,
                    combo INTEGER NOT NULL REFERENCES combos(id),
                    conversation_id TEXT);
                CREATE INDEX deliveries_by_conversation ON deliveries(conversation_id) WHERE conversation_id IS NOT NULL;

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
                CREATE TABLE conversations(id TEXT PRIMARY KEY, is_outbound INTEGER, queue_id TEXT) WITHOUT ROWID;
                """)
        }
        return migrator
    }
}
