import Foundation
import GRDB
@testable import DashboardModel

/// Every table of a store as sorted lines of text: two stores are equal row for row exactly when their digests are.
enum StoreDigest {
    static func of(_ store: DeliveryStore) throws -> [String: [String]] {
        try store.read { db in
            var tables: [String: [String]] = [:]
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") {
                tables[table] = try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"").map { row in
                    row.databaseValues.map { "\($0)" }.joined(separator: "|")
                }.sorted()
            }
            return tables
        }
    }

    /// Problems with the store's counts: each slot count must equal a recount of the delivery rows, and the
    /// dashboard built from the store (its snapshot and later rows) must count every delivery once.
    static func inconsistencies(_ store: DeliveryStore) throws -> [String] {
        var problems: [String] = []
        let (counted, recounted, deliveries) = try store.read { db in
            (try Row.fetchAll(db, sql: "SELECT slot, combo, n FROM slot_counts WHERE n != 0 ORDER BY slot, combo")
                .map { "\($0[0] as Int64) \($0[1] as Int64) \($0[2] as Int64)" },
             try Row.fetchAll(db, sql: """
                SELECT created / 900 AS slot, combo, COUNT(*) FROM deliveries GROUP BY slot, combo ORDER BY slot, combo
                """).map { "\($0[0] as Int64) \($0[1] as Int64) \($0[2] as Int64)" },
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM deliveries") ?? -1)
        }
        if counted != recounted { problems.append("slot_counts \(counted.prefix(5)) differ from a recount \(recounted.prefix(5))") }
        let index = AggregateIndex(store: store)
        try index.refresh()
        let data = MetricsEngine.compute(index: index, filters: MX.filters(.all), now: MX.instant(MX.defaultNow))
        if data.totalDeliveries != deliveries { problems.append("the dashboard counts \(data.totalDeliveries) deliveries, the store holds \(deliveries)") }
        return problems
    }
}
