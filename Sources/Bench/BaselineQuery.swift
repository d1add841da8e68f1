import Foundation
import GRDB
import DashboardModel

/// The benchmark's reference: a filter state answered by plain SQL over the raw delivery rows, the way a
/// dashboard without the slot counts would. One query per state: the days of the range (start instants from
/// `LocalDate.startInstant(in:)`) as a `VALUES` table joined to `deliveries` by `created` (each day one range
/// search of the index on `created`; an extra overall `created` bound would make SQLite search the whole range
/// for every day), the list filters as `combo IN (SELECT id FROM combos WHERE ...)`, grouped by day and combination; then the rows are added up in
/// Swift into the dashboard's figures. It reads the combinations' columns from the `combos` table itself and
/// never uses `AggregateIndex`, `FilterMatcher` or the slot counts.
public struct BaselineQuery {
    public static let indexName = "bench_deliveries_by_created"

    private let store: DeliveryStore

    public init(store: DeliveryStore) { self.store = store }

    /// Gives `deliveries(created)` an index when the store has none, so the baseline is not a full scan.
    /// Returns the seconds spent creating it, or nil when one existed.
    public static func ensureCreatedIndex(on store: DeliveryStore) throws -> Double? {
        let exists = try store.read { db -> Bool in
            let indexes = try Row.fetchAll(db, sql: "PRAGMA index_list(deliveries)")
            for index in indexes {
                let name: String = index["name"]
                let columns = try Row.fetchAll(db, sql: "PRAGMA index_info(\(name.quotedDatabaseIdentifier))")
                if let first = columns.first, (first["name"] as String?) == "created" { return true }
            }
            return false
        }
        if exists { return nil }
        let watch = Stopwatch()
        try store.writeWithoutTransaction { db in
            try db.execute(sql: "CREATE INDEX IF NOT EXISTS \(indexName) ON deliveries(created)")
        }
        return watch.seconds
    }

    /// The query plan SQLite chooses for a typical state (for the report).
    public func plan(filters: DashboardFilters, now: Date) throws -> [String] {
        guard let query = try statement(filters: filters, now: now) else { return [] }
        return try store.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + query.sql, arguments: query.arguments).map { $0["detail"] as String }
        }
    }

    /// Answers one filter state.
    public func answer(filters: DashboardFilters, now: Date) throws -> BenchTotals {
        var totals = BenchTotals()
        guard let query = try statement(filters: filters, now: now) else { return totals }
        try store.read { db in
            var combos: [Int64: (status: String, result: String, dialMode: String, config: String, queue: String)] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, status, result, dial_mode, config_id, queue_id FROM combos") {
                func blank(_ s: String) -> String { s.isEmpty ? "(Blank)" : s }
                combos[row["id"]] = (blank(row["status"]), blank(row["result"]), blank(row["dial_mode"]),
                                     row["config_id"], row["queue_id"])
            }
            let rows = try Row.fetchCursor(db, sql: query.sql, arguments: query.arguments)
            while let row = try rows.next() {
                let day: Int = row[0], comboId: Int64 = row[1], n: Int = row[2]
                guard let combo = combos[comboId] else { continue }
                totals.add(day: query.firstDay.adding(days: day).iso, status: combo.status, result: combo.result,
                           dialMode: combo.dialMode, configId: combo.config, queueId: combo.queue,
                           processed: combo.status == DeliveryStatus.complete.label, n: n)
            }
        }
        return totals
    }

    struct Statement {
        var sql: String
        var arguments: StatementArguments
        var firstDay: LocalDate
    }

    /// The SQL for one state, or nil when the range holds no day.
    func statement(filters: DashboardFilters, now: Date) throws -> Statement? {
        let zone = filters.zone
        let today = LocalDate.containing(epochSeconds: Int64(now.timeIntervalSince1970), in: zone)
        var (from, to) = filters.range.bounds(today: today)
        if from == nil || to == nil {
            // Unbounded: the days from the first to the last delivery (two index look-ups).
            let extent = try store.read { db in
                try Row.fetchOne(db, sql: "SELECT min(created), max(created) FROM deliveries")
            }
            guard let extent, let first = extent[0] as Int64?, let last = extent[1] as Int64? else { return nil }
            from = from ?? LocalDate.containing(epochSeconds: first, in: zone)
            to = to ?? LocalDate.containing(epochSeconds: last, in: zone)
        }
        guard let from, let to, from <= to else { return nil }
        var starts: [Int64] = []
        var day = from
        while day <= to.adding(days: 1) {
            starts.append(day.startInstant(in: zone))
            day = day.adding(days: 1)
        }
        let days = (0..<(starts.count - 1)).map { "(\($0), \(starts[$0]), \(starts[$0 + 1]))" }.joined(separator: ", ")
        let (conditions, arguments) = Self.comboConditions(filters)
        let comboFilter = conditions.isEmpty ? "" : "AND d.combo IN (SELECT id FROM combos WHERE \(conditions.joined(separator: " AND ")))"
        let sql = """
            WITH days(day, lo, hi) AS (VALUES \(days))
            SELECT days.day, d.combo, count(*)
            FROM days JOIN deliveries AS d ON d.created >= days.lo AND d.created < days.hi
            WHERE 1 \(comboFilter)
            GROUP BY days.day, d.combo
            """
        return Statement(sql: sql, arguments: arguments, firstDay: from)
    }

    /// The list filters as conditions on `combos`, with the dashboard's display forms of empty values.
    static func comboConditions(_ filters: DashboardFilters) -> ([String], StatementArguments) {
        var conditions: [String] = []
        var arguments: [DatabaseValueConvertible] = []
        func blank(_ column: String, _ empty: String = "(Blank)") -> String {
            "(CASE WHEN \(column) = '' THEN '\(empty)' ELSE \(column) END)"
        }
        for dimension in FilterDimension.allCases {
            let selection = filters.selected(dimension).sorted()
            guard !selection.isEmpty else { continue }
            let marks = Array(repeating: "?", count: selection.count).joined(separator: ", ")
            switch dimension {
            case .direction:
                let codes = selection.compactMap { label in Direction.allCases.first { $0.label == label }?.rawValue }
                conditions.append("(direction = 0 OR direction IN (\(codes.map(String.init).joined(separator: ", "))))")
                continue
            case .channel: conditions.append("\(blank("channel")) IN (\(marks))")
            case .queue: conditions.append("queue_id IN (\(marks))")
            case .configuration: conditions.append("config_id IN (\(marks))")
            case .status: conditions.append("\(blank("status")) IN (\(marks))")
            case .result: conditions.append("\(blank("result")) IN (\(marks))")
            case .dialMode: conditions.append("\(blank("dial_mode")) IN (\(marks))")
            case .conversationType: conditions.append("\(blank("engagement_type", "Unspecified")) IN (\(marks))")
            }
            arguments.append(contentsOf: selection)
        }
        return (conditions, StatementArguments(arguments))
    }
}
