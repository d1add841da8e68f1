import Foundation
import GRDB

/// The deliveries behind a dashboard number: the filters plus a selection, in created order (`createdon`, then the
/// store's key), paged by offset or by a keyset cursor. Its `count` equals the number the dashboard shows for the
/// selection because it applies the same rules: the combinations the filters pass (`FilterMatcher`, on the same
/// `AggregateIndex`), and the same day boundaries (each local day is the 15-minute UTC slots from the one starting
/// at or after its midnight, as `MetricsEngine` sums them).
///
/// The rows are read from `deliveries` along its index on `(created, id, combo, modified)` (the date range bounds it;
/// the combinations and a modified range are checked on the index entries, so only the rows that pass are fetched by
/// their key), with the store memory-mapped for the read.
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

        /// The same plan limited to rows created in `from ..< before` (nil: that side as it was).
        func narrowed(from: Int64?, before: Int64?) -> Plan {
            var plan = self
            if let from { plan.createdFrom = max(plan.createdFrom ?? from, from) }
            if let before { plan.createdBefore = min(plan.createdBefore ?? before, before) }
            if let low = plan.createdFrom, let high = plan.createdBefore, low >= high { plan.isEmpty = true }
            return plan
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
        return startingAtFirstCountedSlot(plan, index: index)
    }

    static let mmapBytes: Int64 = 1 << 36

    /// How many rows the selection holds (those the search finds, when there is one): the dashboard's number for it.
    /// Without a search it is summed from the index's counts as the dashboard sums them (`indexCount`), reading
    /// nothing from the store; a search counts the rows it finds.
    public func count(index: AggregateIndex, store: DeliveryStore) throws -> Int {
        let plan = plan(index)
        if plan.isEmpty { return 0 }
        if DeliverySearch(search) == nil { return indexCount(plan, index: index) }
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
            // Created order without a search: the index's counts bound the read (`countedRanges`, `boundedToRecent`).
            if readsInCreatedOrder {
                let reader = try Self.prepareRows(db, catalog: index.catalog)
                // A page (a limit) reads the slots the index counts for it, then the rest of the plan after them if they
                // held fewer rows than the counts said (the store moved on since the index was read).
                if let limit, let counted = countedRanges(plan, index: index, from: cursor?.created, needed: max(offset, 0) + limit) {
                    var skip = max(offset, 0), remaining = limit
                    var last: Int64?
                    for (low, high) in counted.ranges where remaining > 0 {
                        try Self.forEachRow(db, plan: plan.narrowed(from: low, before: high), after: cursor, limit: skip + remaining) { s in
                            if skip > 0 { skip -= 1; return }
                            remaining -= 1
                            try body(s, reader)
                        }
                        last = high
                    }
                    guard remaining > 0, !counted.exhausted else { return }
                    try Self.forEachRow(db, plan: plan.narrowed(from: last, before: nil), after: cursor, offset: skip,
                                        limit: remaining) { try body($0, reader) }
                    return
                }
                let bounded = try boundedToRecent(db, plan, index: index)
                try Self.forEachRow(db, plan: bounded, after: cursor, offset: offset, limit: limit) { try body($0, reader) }
                return
            }
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

    /// Readies an open read for `forEachRow`: the store mapped, and the reader of its combinations.
    static func prepareRows(_ db: Database, catalog: Catalog) throws -> DeliveryRowReader {
        // Rows come in index order, each from its own page of the table: mapped, they cost no read call each.
        try db.execute(sql: "PRAGMA mmap_size = \(Self.mmapBytes)")
        return try DeliveryRowReader(db, catalog: catalog)
    }

    /// The plan's rows on an open read, in created order (after `cursor`, past `offset`, at most `limit`).
    static func forEachRow(_ db: Database, plan: Plan, after cursor: DeliveryCursor? = nil, offset: Int = 0,
                           limit: Int? = nil, _ body: (RawStatement) throws -> Void) throws {
        if plan.isEmpty || limit == 0 { return }
        var sql = "SELECT \(try DeliveryRowReader.columns(db)) FROM deliveries WHERE \(plan.whereClause)"
        if cursor != nil { sql += " AND (created, id) > (?, ?)" }
        sql += " ORDER BY created, id LIMIT ? OFFSET ?"
        let statement = try RawStatement(db, sql)
        var i = plan.bind(statement, first: 1)
        if let cursor {
            statement.bind(i, cursor.created)
            statement.bind(i + 1, cursor.key)
            i += 2
        }
        statement.bind(i, Int64(limit ?? -1))
        statement.bind(i + 1, Int64(max(offset, 0)))
        while try statement.step() { try body(statement) }
    }

    /// Created order (oldest first) and no search: the order of the list's index, which the index's counts can bound.
    var readsInCreatedOrder: Bool { sort == .created && DeliverySearch(search) == nil }

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
