import Foundation
import GRDB

/// The deliveries behind a dashboard number: the filters plus a selection, in created order (`createdon`, then the
/// store's key), paged by offset or by a keyset cursor. Its `count` equals the number the dashboard shows for the
/// selection because it applies the same rules: the combinations the filters pass (`FilterMatcher`, on the same
/// `AggregateIndex`), and the same day boundaries (each local day is the 15-minute UTC slots from the one starting
/// at or after its midnight, as `MetricsEngine` sums them).
///
/// The rows are read from `deliveries` along its index on `created` (the date range bounds it; the combinations are
/// checked per row), each row fetched by its key, with the store memory-mapped for the read.
public struct DeliveryQuery: Sendable {
    public var filters: DashboardFilters
    public var selection: DeliverySelection
    public var now: Date
    /// The rows' order (created order unless the list sorts by another column).
    public var sort: DeliverySort
    /// Only the rows whose delivery id, to-address or disposition codes contain this (empty: every row).
    public var search: String

    public init(filters: DashboardFilters, selection: DeliverySelection = .all, now: Date = Date(),
                sort: DeliverySort = .created, search: String = "") {
        self.filters = filters
        self.selection = selection
        self.now = now
        self.sort = sort
        self.search = search
    }

    /// The SQL condition and its bounds, given the index (refreshed by the caller) that decides the combinations.
    struct Plan {
        var combos: [Int64]
        var createdFrom: Int64?
        var createdBefore: Int64?
        var modifiedFrom: Int64?
        var modifiedBefore: Int64?
        /// False when nothing can match (no combination, or a day outside the range).
        var isEmpty: Bool

        var whereClause: String {
            var parts = ["combo IN (\(combos.map(String.init).joined(separator: ",")))"]
            if createdFrom != nil { parts.append("created >= ?") }
            if createdBefore != nil { parts.append("created < ?") }
            if modifiedFrom != nil { parts.append("modified >= ?") }
            if modifiedBefore != nil { parts.append("modified < ?") }
            return parts.joined(separator: " AND ")
        }

        func bind(_ statement: RawStatement, first: Int32) -> Int32 {
            var i = first
            for value in [createdFrom, createdBefore, modifiedFrom, modifiedBefore] {
                if let value {
                    statement.bind(i, value)
                    i += 1
                }
            }
            return i
        }
    }

    func plan(_ index: AggregateIndex) -> Plan {
        let zone = filters.zone
        let nowSeconds = Int64(now.timeIntervalSince1970)
        let today = LocalDate.containing(epochSeconds: nowSeconds, in: zone)
        let (from, to) = filters.range.bounds(today: today)
        let matcher = FilterMatcher(index: index, filters: filters)
        func dayStart(_ day: LocalDate) -> Int64 {
            TimeSlots.slotStarting(atOrAfter: day.startInstant(in: zone)) * TimeSlots.slotSeconds
        }
        var plan = Plan(combos: [], isEmpty: false)
        switch selection {
        case .pending, .inProgress:
            break  // all dates, as the live tiles count them
        case .processedLastHour:
            plan.modifiedFrom = TimeSlots.minute(of: nowSeconds - 3600) * 60
            plan.modifiedBefore = (TimeSlots.minute(of: nowSeconds) + 1) * 60
        case .statusOnDay(_, let day), .day(let day, _):
            if let from, day < from { plan.isEmpty = true }
            if let to, to < day { plan.isEmpty = true }
            plan.createdFrom = dayStart(day)
            plan.createdBefore = dayStart(day.adding(days: 1))
        default:
            plan.createdFrom = from.map(dayStart)
            plan.createdBefore = to.map { dayStart($0.adding(days: 1)) }
        }
        let configSlot = AggregateIndex.slotOf(.configuration), queueSlot = AggregateIndex.slotOf(.queue)
        for id in 1..<index.combos.count where matcher.passes(id) {
            guard let combo = index.combos[id] else { continue }
            let status = index.value(.status, combo.statusIndex)
            let keep: Bool
            switch selection {
            case .all, .day(_, false): keep = true
            case .processed, .day(_, true), .processedLastHour: keep = combo.isProcessed
            case .status(let s), .statusOnDay(let s, _): keep = status == s
            case .result(let r): keep = combo.isProcessed && index.value(.result, combo.resultIndex) == r
            case .dialMode(let m): keep = combo.isProcessed && index.value(.dialMode, combo.dialModeIndex) == m
            case .configuration(let c, let processedOnly):
                keep = index.value(.configuration, combo.dims[configSlot]) == c && (!processedOnly || combo.isProcessed)
            case .queue(let q, let processedOnly):
                keep = index.value(.queue, combo.dims[queueSlot]) == q && (!processedOnly || combo.isProcessed)
            case .pending: keep = status == DeliveryStatus.pending.label
            case .inProgress: keep = status == DeliveryStatus.inProcess.label
            }
            if keep { plan.combos.append(Int64(id)) }
        }
        if plan.combos.isEmpty { plan.isEmpty = true }
        return plan
    }

    static let mmapBytes: Int64 = 1 << 36

    /// How many rows the selection holds (those the search finds, when there is one): the dashboard's number for it.
    public func count(index: AggregateIndex, store: DeliveryStore) throws -> Int {
        let plan = plan(index)
        if plan.isEmpty { return 0 }
        return try store.read { db in
            let search = try searchCondition(db)
            let statement = try RawStatement(db, "SELECT count(*) FROM deliveries WHERE \(plan.whereClause)\(search.sql)")
            let next = plan.bind(statement, first: 1)
            for (k, value) in search.values.enumerated() { statement.bind(next + Int32(k), value) }
            guard try statement.step() else { return 0 }
            return Int(try StoredInteger.read(statement, 0, "count", in: 0...Int64.max))
        }
    }

    /// Up to `limit` rows after `cursor` (from the first row when nil), skipping `offset` rows first. A cursor
    /// pages the created order (either way); another sort pages by offset.
    public func page(index: AggregateIndex, store: DeliveryStore, after cursor: DeliveryCursor? = nil,
                     offset: Int = 0, limit: Int) throws -> DeliveryPage {
        var rows: [DeliveryRow] = []
        rows.reserveCapacity(min(max(limit, 0), 10_000))
        var more = false
        try forEach(index: index, store: store, after: cursor, offset: offset, limit: max(limit, 0) + 1) { row in
            if rows.count == limit { more = true } else { rows.append(row) }
        }
        return DeliveryPage(rows: rows, next: more ? rows.last?.cursor : nil)
    }

    /// Every row of the selection in created order (after `cursor`, past `offset`, at most `limit`), one at a time:
    /// what `export` streams. The read sees one consistent state of the store.
    public func forEach(index: AggregateIndex, store: DeliveryStore, after cursor: DeliveryCursor? = nil,
                        offset: Int = 0, limit: Int? = nil, _ body: (DeliveryRow) throws -> Void) throws {
        try forEachStatement(index: index, store: store, after: cursor, offset: offset, limit: limit) { statement, reader in
            try body(try reader.row(statement))
        }
    }

    /// The same rows as the statement positioned on each (columns as `DeliveryRowReader.columnNames`), with the
    /// reader that knows the combinations: what the CSV export writes from without making Strings.
    func forEachStatement(index: AggregateIndex, store: DeliveryStore, after cursor: DeliveryCursor? = nil,
                          offset: Int = 0, limit: Int? = nil,
                          _ body: (RawStatement, DeliveryRowReader) throws -> Void) throws {
        let plan = plan(index)
        if plan.isEmpty || limit == 0 { return }
        try store.read { db in
            // Rows come in index order, each from its own page of the table: mapped, they cost no read call each.
            try db.execute(sql: "PRAGMA mmap_size = \(Self.mmapBytes)")
            let reader = try DeliveryRowReader(db, catalog: index.catalog)
            let present = try Self.presentColumns(db)
            let search = try searchCondition(db, present: present)
            var sql = "SELECT \(try DeliveryRowReader.columns(db)) FROM deliveries WHERE \(plan.whereClause)\(search.sql)"
            if cursor != nil {
                guard sort.column == .created else {
                    throw StoreError("a cursor pages the created order; sorted by \(sort.column.rawValue), page by offset")
                }
                sql += sort.descending ? " AND (created, id) < (?, ?)" : " AND (created, id) > (?, ?)"
            }
            let order = sort.orderBy(index: index, present: present)
            sql += " \(order.sql) LIMIT ? OFFSET ?"
            let statement = try RawStatement(db, sql)
            var i = plan.bind(statement, first: 1)
            for value in search.values {
                statement.bind(i, value)
                i += 1
            }
            if let cursor {
                statement.bind(i, cursor.created)
                statement.bind(i + 1, cursor.key)
                i += 2
            }
            if let ranks = order.ranks {
                statement.bind(i, blob: ranks)
                i += 1
            }
            statement.bind(i, Int64(limit ?? -1))
            statement.bind(i + 1, Int64(max(offset, 0)))
            while try statement.step() { try body(statement, reader) }
        }
    }

    /// The columns `deliveries` has (a store not yet upgraded lacks the detail columns).
    static func presentColumns(_ db: Database) throws -> Set<String> {
        Set(try db.columns(in: "deliveries").map(\.name))
    }

    /// The search's condition (` AND (...)`, or empty) and its values in binding order.
    func searchCondition(_ db: Database, present: Set<String>? = nil) throws -> (sql: String, values: [String]) {
        guard let search = DeliverySearch(search) else { return ("", []) }
        let condition = search.condition(present: try present ?? Self.presentColumns(db))
        return (" AND " + condition.sql, condition.values)
    }
}
