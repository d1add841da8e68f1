import Foundation
import GRDB
import DashboardModel

/// What a store holds: row counts of its main tables and its size on disk (with the space of each table and
/// index when SQLite can tell).
public struct StoreCensus: Sendable {
    public var deliveries = 0
    public var slotCountRows = 0
    public var combos = 0
    public var conversations = 0
    public var bytesOnDisk: Int64 = 0
    /// Bytes per table or index (from the `dbstat` virtual table), empty when it is not available.
    public var bytesByObject: [String: Int64] = [:]

    /// Bytes on disk without the benchmark's own index on `deliveries(created)`.
    public var bytesWithoutBenchIndex: Int64 { bytesOnDisk - (bytesByObject[BaselineQuery.indexName] ?? 0) }

    public var bytesPerDelivery: Double { deliveries > 0 ? Double(bytesWithoutBenchIndex) / Double(deliveries) : 0 }

    public static func take(_ store: DeliveryStore) throws -> StoreCensus {
        var census = StoreCensus()
        try store.read { db in
            census.deliveries = try Int.fetchOne(db, sql: "SELECT count(*) FROM deliveries") ?? 0
            census.slotCountRows = try Int.fetchOne(db, sql: "SELECT count(*) FROM slot_counts") ?? 0
            census.combos = try Int.fetchOne(db, sql: "SELECT count(*) FROM combos") ?? 0
            census.conversations = try Int.fetchOne(db, sql: "SELECT count(*) FROM conversations") ?? 0
            if let rows = try? Row.fetchAll(db, sql: "SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name") {
                for row in rows { census.bytesByObject[row["name"]] = row["bytes"] }
            }
        }
        census.bytesOnDisk = store.sizeOnDisk()
        return census
    }
}
