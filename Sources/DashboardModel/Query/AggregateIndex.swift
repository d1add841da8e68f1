import Foundation
import GRDB

/// The store's counts held in memory: per combination of filter values, per 15-minute UTC slot.
/// Loaded once (from the store's aggregate snapshot when it has one, plus the slot counts written after it), then
/// refreshed by generation: only slot counts changed since the last read are fetched.
/// A filter change reads nothing from disk: `MetricsEngine` sums these counts.
///
/// Not `Sendable`: it belongs to the thread that refreshes it (the dashboard's loop); a scan's second thread reads
/// only the `SlotRows` value it is given.
public final class AggregateIndex {
    /// A combination, as interned indexes into `values`, one per `FilterDimension` (in `allCases` order).
    struct Combo {
        var dims: ComboDims
        var direction: Direction
        var isProcessed: Bool
        var statusIndex: Int32
        var resultIndex: Int32
        var dialModeIndex: Int32
    }

    static let dimensionCount = FilterDimension.allCases.count
    /// The dimension's place in `allCases` (a test checks the two agree). A switch, not `allCases.firstIndex`: the
    /// synthesized `allCases` is a new array at every call, and this runs for every combination at load and per frame.
    static func slotOf(_ d: FilterDimension) -> Int {
        switch d {
        case .channel: 0
        case .queue: 1
        case .configuration: 2
        case .conversationType: 3
        case .direction: 4
        case .dialMode: 5
        case .status: 6
        case .result: 7
        }
    }

    /// Interned values per dimension (display-ready: empty values read `(Blank)`, empty types `Unspecified`).
    private(set) var values: [[String]] = Array(repeating: [], count: dimensionCount)
    private var valueIndex: [[String: Int32]] = Array(repeating: [:], count: dimensionCount)
    /// The stored bytes of a value already interned, per dimension, to its index: a hit skips making a String and
    /// hashing it (most of the load's time before). A miss (a new value, or one that lost its bucket) goes through
    /// `valueIndex`, which stays the authority.
    private let storedBytes: [ByteKeyCache<Int32>] = (0..<dimensionCount).map { _ in ByteKeyCache(buckets: 1024) }
    /// Indexed by combo id (ids are dense from 1; index 0 unused).
    private(set) var combos: [Combo?] = [nil]

    /// The slot rows, sorted by (slot, combo), in columns (`SlotRows`).
    private(set) var rows = SlotRows()
    /// The slot rows summed per 6-hour UTC block (`BlockRows`), what long ranges sum; nil until built (in the
    /// background after a load: `blockBuild`) or when the rows cannot be summed per block. Kept equal to the rows:
    /// a refresh builds the blocks it changed again.
    private var blockRows: BlockRows?
    /// The build of `blockRows` under way, if any.
    private var blockBuild: BlockRowsBuild?
    /// Whether rows were loaded whose block rows are not built yet: the next refresh starts their build (the
    /// dashboard's loop refreshes once its first frame is drawn, so that frame never shares the cores with it).
    private var blockRowsWanted = false
    /// Whether the dashboard's index keeps block rows (tests turn it off to compare with the slot rows alone). An
    /// index for a snapshot never does (it answers one computation).
    var usesBlockRows = true
    /// Slot rows from which block rows are built on another thread; below, at once on the loading thread (a small
    /// store's take microseconds). Tests lower it.
    var backgroundBlockBuildFrom = 50_000
    /// Every row's slot (the rows hold them as runs: `SlotRows`); for tests and checks.
    var rowSlot: [Int32] { rows.rowSlots }
    var rowCombo: [Int32] { rows.combo }
    var rowCount: [Int32] { rows.count }
    /// All-time deliveries per combo (the live pending / in-progress figures ignore the date range).
    private(set) var allTime: [Int64] = [0]
    private(set) var recent: [(minute: Int64, combo: Int32, n: Int32)] = []

    public private(set) var catalog = Catalog()
    public private(set) var generation: Int64 = -1
    private var catalogGeneration: Int64 = -1
    public private(set) var changedAt: Date?

    private let store: DeliveryStore
    private var boundaries = DayBoundaryCache()
    /// The sidebar's name order of each dimension's labels, kept while the labels stay the same
    /// (`facetNameClasses`).
    var facetNameOrder: [FilterDimension: (labels: [String], classes: [String: Int])] = [:]

    /// Whether the first refresh starts from the store's aggregate snapshot (when it has one). Tests turn it
    /// off to compare with the row-by-row load.
    var usesSnapshot = true
    /// The generation of the snapshot the first refresh started from; nil when it loaded row by row.
    private(set) var snapshotGeneration: Int64?

    /// What an index is loaded for: the dashboard (kept and refreshed) or one computation at one instant.
    public enum Purpose: Sendable {
        /// Everything, for filter changes and refreshes.
        case dashboard
        /// One `MetricsEngine.compute` at `now` (`snapshot`): the recent completions are read only from the hour
        /// the live throughput counts (`LiveFiguresCalculator`), not the whole table; with `windows`
        /// (`SlotWindows.read`, for the computation's range, zone and rule), only the slot rows inside them are
        /// kept: the all-time totals come from the snapshot's stored totals, or else from every row, checked and
        /// counted (`AggregateSnapshot.loadWindows`). Such an index answers only that computation; each refresh
        /// loads its rows again.
        case snapshot(now: Date, windows: SlotWindows? = nil)
    }

    private let purpose: Purpose

    public init(store: DeliveryStore, purpose: Purpose = .dashboard) {
        self.store = store
        self.purpose = purpose
    }

    public var rowCountTotal: Int { rows.rowCount }
    public var comboCount: Int { combos.count - 1 }

    /// Bytes held by the slot rows and the block rows (for the benchmark's memory report).
    public var approximateBytes: Int {
        rows.rowCount * 8 + rows.runSlot.count * 12 + combos.count * 80 + (blockRows?.approximateBytes ?? 0)
    }

    /// Reads what changed since the last call (everything the first time). Returns true when anything changed.
    @discardableResult
    public func refresh() throws -> Bool {
        try store.read { db in
            let newGeneration = try StoredInteger.generation(db)
            if newGeneration == generation {
                startWantedBlockRows()
                return false
            }
            settleBlockBuild()  // before the rows change (they are shared with the build)
            let changed = try StoredInteger.meta(db, "changed_at", in: StoredInteger.changedAt) ?? 0
            let newCatalogGeneration = try StoredInteger.meta(db, "catalog_generation", in: StoredInteger.generation) ?? 0
            changedAt = changed > 0 ? Date(timeIntervalSince1970: TimeInterval(changed)) : nil
            try loadCombos(db)
            if newCatalogGeneration != catalogGeneration {
                try loadCatalog(db)
                catalogGeneration = newCatalogGeneration
            }
            // Out of the index while the rows change: a load that throws half-way leaves none, and the next
            // refresh that succeeds builds them again.
            let blocks = blockRows
            blockRows = nil
            let load: SlotLoad
            do {
                load = try loadSlots(db, since: generation)
            } catch {
                if blocks != nil { blockRowsWanted = true }
                throw error
            }
            switch load {
            case .replaced: prepareBlockRows()
            case .changed(let changed): blockRows = Self.updated(blocks, changed, from: rows, comboCount: combos.count)
            }
            try loadRecent(db)
            generation = newGeneration
            if case .changed = load { startWantedBlockRows() }
            return true
        }
    }

    private func intern(_ value: String, _ dimension: FilterDimension) -> Int32 {
        let d = Self.slotOf(dimension)
        if let i = valueIndex[d][value] { return i }
        let i = Int32(values[d].count)
        values[d].append(value)
        valueIndex[d][value] = i
        return i
    }

    private func loadCombos(_ db: Database) throws {
        let statement = try RawStatement(db, """
            SELECT id, channel, queue_id, config_id, status, result, dial_mode, engagement_type, direction
            FROM combos WHERE id >= ? ORDER BY id
            """)
        statement.bind(1, combos.count)
        let complete = Array(DeliveryStatus.complete.label.utf8)
        while try statement.step() {
            let id = Int(try StoredInteger.read(statement, 0, "combos.id", in: StoredInteger.comboId))
            // Ids are dense from 1 (the writer never skips one): a jump of a million is a hand-made id, which would
            // otherwise size the arrays.
            guard id - combos.count <= Self.maxComboGap else {
                throw StoreDamaged("combos.id jumps from \(combos.count - 1) to \(id)")
            }
            let direction = Direction(rawValue: Int(try StoredInteger.read(statement, 8, "combos.direction", in: 0...2))) ?? .none
            let channel = intern(statement, 1, .channel, empty: "(Blank)")
            let status = intern(statement, 4, .status, empty: "(Blank)")
            let result = intern(statement, 5, .result, empty: "(Blank)")
            let dialMode = intern(statement, 6, .dialMode, empty: "(Blank)")
            // In `allCases` order (`slotOf`).
            let dims = ComboDims(channel, intern(statement, 2, .queue, empty: ""), intern(statement, 3, .configuration, empty: ""),
                                 intern(statement, 7, .conversationType, empty: "Unspecified"),
                                 direction == .none ? -1 : intern(direction.label, .direction), dialMode, status, result)
            let isProcessed = statement.textBytes(4).elementsEqual(complete)  // the stored text, before "(Blank)"
            let combo = Combo(dims: dims, direction: direction, isProcessed: isProcessed,
                              statusIndex: status, resultIndex: result, dialModeIndex: dialMode)
            while combos.count < id { combos.append(nil); allTime.append(0) }
            combos.append(combo)
            allTime.append(0)
        }
    }

    /// Interns a text column's value (`empty` in place of an empty one): from its bytes when they were seen before,
    /// else as a String (read as UTF-8 with repairs, as `RawStatement.string` does).
    private func intern(_ statement: RawStatement, _ column: Int32, _ dimension: FilterDimension, empty: String) -> Int32 {
        let d = Self.slotOf(dimension)
        let bytes = statement.textBytes(column)
        if let base = bytes.baseAddress, let known = storedBytes[d].value(base, bytes.count) { return known }
        let text = bytes.isEmpty ? "" : String(decoding: bytes, as: UTF8.self)
        let index = intern(text.isEmpty ? empty : text, dimension)
        if let base = bytes.baseAddress { storedBytes[d].store(index, base, bytes.count) }
        return index
    }

    /// Configurations and queues, read as text whatever their storage class (a value altered by hand to a number
    /// reads as its digits, not as a trap).
    private func loadCatalog(_ db: Database) throws {
        var catalog = Catalog()
        let configurations = try RawStatement(db, "SELECT id, name, status, priority FROM configurations")
        while try configurations.step() {
            let id = configurations.string(0) ?? ""
            catalog.configurations[id] = Catalog.ConfigurationInfo(
                name: configurations.string(1) ?? id, status: configurations.string(2), priority: configurations.string(3))
        }
        let queues = try RawStatement(db, "SELECT id, name FROM queues")
        while try queues.step() {
            let id = queues.string(0) ?? ""
            catalog.queues[id] = queues.string(1) ?? id
        }
        self.catalog = catalog
    }

    /// The most combination ids a store may skip between two (ids are dense; the writer never skips one).
    static let maxComboGap = 1_000_000

    /// One row of `slot_counts` (or `recent_processed`, whose first column is a minute), checked: the combination
    /// must be one the store holds, the count an Int32 that is not negative.
    private func checkedRow(_ statement: RawStatement, table: String, first: String,
                            in range: ClosedRange<Int64>) throws -> (first: Int64, combo: Int32, n: Int32) {
        let first = try StoredInteger.read(statement, 0, "\(table).\(first)", in: range)
        let combo = try StoredInteger.read32(statement, 1, "\(table).combo", in: StoredInteger.comboId)
        guard Int(combo) < combos.count, combos[Int(combo)] != nil else {
            throw StoreDamaged("\(table) names combination \(combo), which combos does not hold")
        }
        return (first, combo, try StoredInteger.read32(statement, 2, "\(table).n", in: StoredInteger.count))
    }

    /// What a refresh did to the slot rows: loaded them anew, or changed those of some blocks.
    private enum SlotLoad {
        case replaced
        case changed(Set<Int64>)
    }

    private func loadSlots(_ db: Database, since lastGeneration: Int64) throws -> SlotLoad {
        if lastGeneration >= 0, case .snapshot(_, _?) = purpose {
            // Only the windows' rows are held: a change outside them could not be applied. Load them again.
            rows = SlotRows()
            allTime = [Int64](repeating: 0, count: allTime.count)
            snapshotGeneration = nil
        } else if lastGeneration >= 0 {
            // Rows newer than the snapshot carry their generation; the snapshot holds the rest (a bulk import's rows
            // carry generation 0). An index older than the snapshot starts again from it.
            let snapshot = try AggregateSnapshot.generation(db) ?? -1
            guard snapshot > lastGeneration else { return .changed(try applyChanges(db, since: lastGeneration)) }
            rows = SlotRows()
            allTime = [Int64](repeating: 0, count: allTime.count)
            snapshotGeneration = nil
        }
        if usesSnapshot, case .snapshot(_, let windows?) = purpose, try loadWindows(db, windows) { return .replaced }
        if usesSnapshot, let snapshot = try AggregateSnapshot.load(db) {
            try adopt(snapshot)
            snapshotGeneration = snapshot.generation
            try applyChanges(db, since: snapshot.generation)
            return .replaced
        }
        let statement = try RawStatement(db, "SELECT slot, combo, n FROM slot_counts ORDER BY slot, combo")
        while try statement.step() {
            let row = try checkedRow(statement, table: "slot_counts", first: "slot", in: StoredInteger.slot)
            rows.append(slot: Int32(truncatingIfNeeded: row.first), combo: row.combo, count: row.n)  // the slot range fits an Int32
            allTime[Int(row.combo)] &+= Int64(row.n)  // fewer than 2^31 rows of at most 2^31: cannot overflow
        }
        return .replaced
    }

    /// Takes the snapshot's rows as the index's rows (nothing loaded yet), after checking each one: a slot in range,
    /// a combination the store holds, a count that is not negative, rows in (slot, combo) order (runs of strictly
    /// ascending slots, combinations strictly ascending within a run). Throws `StoreDamaged`, changing nothing,
    /// otherwise.
    private func adopt(_ snapshot: AggregateSnapshot) throws {
        var totals = [Int64](repeating: 0, count: allTime.count)
        let known = combos.map { $0 != nil }
        let slotRange = Int32(truncatingIfNeeded: StoredInteger.slot.lowerBound)...Int32(truncatingIfNeeded: StoredInteger.slot.upperBound)
        let rowCount = snapshot.combos.count
        let problem: String? = totals.withUnsafeMutableBufferPointer { totals in
            known.withUnsafeBufferPointer { known in
                snapshot.combos.withUnsafeBufferPointer { combos in
                    snapshot.counts.withUnsafeBufferPointer { counts in
                        let limit = totals.count
                        var previousSlot = Int64.min
                        for k in snapshot.runSlots.indices {
                            let slot = snapshot.runSlots[k], first = snapshot.runStarts[k]
                            let end = k + 1 < snapshot.runStarts.count ? snapshot.runStarts[k + 1] : rowCount
                            guard first < end && end <= rowCount && Int64(slot) > previousSlot else {
                                return "aggregate_snapshot rows are out of order at row \(first)"
                            }
                            previousSlot = Int64(slot)
                            guard slot >= slotRange.lowerBound && slot <= slotRange.upperBound else {
                                return "aggregate_snapshot holds slot \(slot), outside \(slotRange.lowerBound)...\(slotRange.upperBound)"
                            }
                            var previousCombo = Int.min
                            for i in first..<end {
                                let combo = Int(combos[i]), count = counts[i]
                                guard combo >= 1 && combo < limit && known[combo] else {
                                    return "aggregate_snapshot names combination \(combo), which combos does not hold"
                                }
                                guard count >= 0 else { return "aggregate_snapshot holds a negative count (\(count))" }
                                if combo <= previousCombo { return "aggregate_snapshot rows are out of order at row \(i)" }
                                previousCombo = combo
                                totals[combo] &+= Int64(count)  // at most 2^31 counts below 2^31: no overflow
                            }
                        }
                        return nil
                    }
                }
            }
        }
        if let problem { throw StoreDamaged(problem) }
        guard snapshot.runStarts.first ?? 0 == 0, snapshot.runSlots.count == snapshot.runStarts.count,
              snapshot.counts.count == rowCount, !snapshot.runSlots.isEmpty || rowCount == 0 else {
            throw StoreDamaged("aggregate_snapshot rows are out of order at row 0")
        }
        allTime = totals
        rows = SlotRows(runSlot: snapshot.runSlots, runStart: snapshot.runStarts, combo: snapshot.combos, count: snapshot.counts)
    }

    /// The snapshot's rows inside `windows` (`AggregateSnapshot.loadWindows`) with the rows written after it
    /// applied, and every combination's all-time total. False, having changed nothing, when the store has no
    /// snapshot or one of its rows does not check: the caller loads it whole (which names the problem).
    private func loadWindows(_ db: Database, _ windows: SlotWindows) throws -> Bool {
        guard try db.tableExists(AggregateSnapshot.table) else { return false }
        let header = try RawStatement(db, "SELECT generation, row_count FROM aggregate_snapshot WHERE id = 1")
        guard try header.step() else { return false }
        let generation = try StoredInteger.read(header, 0, "aggregate_snapshot.generation", in: StoredInteger.generation)
        let rowCount = Int(try StoredInteger.read(header, 1, "aggregate_snapshot.row_count", in: StoredInteger.rowCount))
        let changes = try changedRows(db, since: generation)
        let known = combos.map { $0 != nil ? UInt8(1) : 0 }
        let slotRange = Int32(truncatingIfNeeded: StoredInteger.slot.lowerBound)...Int32(truncatingIfNeeded: StoredInteger.slot.upperBound)
        let watched = changes.map { (slot: $0.slot, combo: $0.combo) }
        guard let windowed = try AggregateSnapshot.loadWindowsByStoredTotals(
                  db, rowCount: rowCount, windows: windows, known: known, slotRange: slotRange, watched: watched)
              ?? AggregateSnapshot.loadWindows(db, rowCount: rowCount, windows: windows, known: known,
                                               slotRange: slotRange, watched: watched) else { return false }
        var kept = windowed.rows, totals = windowed.totals
        var inserts: [(Int32, Int32, Int32)] = []
        for (k, change) in changes.enumerated() {
            totals[Int(change.combo)] += Int64(change.n) - Int64(windowed.watchedCounts[k])
            guard windows.contains(slot: Int64(change.slot)) else { continue }
            if let at = kept.position(slot: change.slot, combo: change.combo) {
                kept.count[at] = change.n
            } else {
                inserts.append((change.slot, change.combo, change.n))
            }
        }
        if !inserts.isEmpty { kept.merge(inserts) }
        rows = kept
        allTime = totals
        snapshotGeneration = generation
        return true
    }

    /// The slot rows written after `lastGeneration` (checked), in (slot, combo) order. The generation index is named:
    /// with a bound generation and no statistics, SQLite would rather walk the whole table in (slot, combo) order
    /// than sort the few changed rows.
    private func changedRows(_ db: Database, since lastGeneration: Int64) throws -> [(slot: Int32, combo: Int32, n: Int32)] {
        let statement = try RawStatement(db, """
            SELECT slot, combo, n FROM slot_counts INDEXED BY slot_counts_by_generation
            WHERE generation > ? AND generation > 0 ORDER BY slot, combo
            """)
        statement.bind(1, lastGeneration)
        var changes: [(slot: Int32, combo: Int32, n: Int32)] = []
        while try statement.step() {
            let row = try checkedRow(statement, table: "slot_counts", first: "slot", in: StoredInteger.slot)
            changes.append((Int32(truncatingIfNeeded: row.first), row.combo, row.n))  // the slot range fits an Int32
        }
        return changes
    }

    /// Applies the slot rows written after `lastGeneration` (`changedRows`): changed counts in place, new rows merged
    /// in order. Returns the blocks (`BlockRows`) of the
    /// slots changed.
    @discardableResult
    private func applyChanges(_ db: Database, since lastGeneration: Int64) throws -> Set<Int64> {
        // Every row read and checked before any is applied: a damaged row leaves the index as it was (applied
        // half-way, the all-time totals of the rows to insert were counted again when the refresh was retried).
        let changes = try changedRows(db, since: lastGeneration)
        var inserts: [(Int32, Int32, Int32)] = []
        var changedBlocks = Set<Int64>()
        for (slot, combo, n) in changes {
            changedBlocks.insert(BlockRows.block(ofSlot: Int64(slot)))
            if let at = rows.position(slot: slot, combo: combo) {
                allTime[Int(combo)] += Int64(n) - Int64(rows.count[at])
                rows.count[at] = n
            } else {
                inserts.append((slot, combo, n))
                allTime[Int(combo)] += Int64(n)
            }
        }
        if !inserts.isEmpty { rows.merge(inserts) }
        return changedBlocks
    }

    // MARK: Block rows

    /// After rows were loaded anew: their block rows built at once for a small store, else wanted (built on another
    /// thread from the next refresh on: `startWantedBlockRows`).
    private func prepareBlockRows() {
        blockRows = nil
        blockBuild = nil
        blockRowsWanted = false
        guard usesBlockRows, case .dashboard = purpose, rows.rowCount > 0 else { return }
        if rows.rowCount < backgroundBlockBuildFrom {
            blockRows = BlockRowsBuild(rows: rows, comboCount: combos.count).wait()
        } else {
            blockRowsWanted = true
        }
    }

    /// Starts the build of wanted block rows on another thread.
    private func startWantedBlockRows() {
        guard blockRowsWanted, blockBuild == nil else { return }
        blockRowsWanted = false
        let build = BlockRowsBuild(rows: rows, comboCount: combos.count)
        blockBuild = build
        build.start()
    }

    /// Takes the build's result, waiting for it if it is still running.
    private func settleBlockBuild() {
        guard let build = blockBuild else { return }
        blockRows = build.wait()
        blockBuild = nil
    }

    /// `blocks` with the changed blocks built again from the rows (nil if one no longer fits an Int32).
    private static func updated(_ blocks: consuming BlockRows?, _ changed: Set<Int64>, from rows: SlotRows,
                                comboCount: Int) -> BlockRows? {
        guard var blocks else { return nil }
        return blocks.rebuild(blocks: changed, from: rows, comboCount: comboCount) ? blocks : nil
    }

    /// The block rows if they are built (taking a finished build's result); nil while they are built or when
    /// there are none: the caller sums the slot rows.
    func readyBlockRows() -> BlockRows? {
        if let build = blockBuild, let done = build.result {
            blockRows = done
            blockBuild = nil
        }
        return blockRows
    }

    /// Waits until the block rows are built, building them here if their build has not started (the benchmark,
    /// before it times filter changes: in the dashboard they are built a refresh after the first frame, long
    /// before a supervisor's first keys). Returns whether the index has them.
    @discardableResult
    public func waitForBlockRows() -> Bool {
        if blockRowsWanted {
            blockRowsWanted = false
            blockRows = BlockRowsBuild(rows: rows, comboCount: combos.count).wait()
        }
        settleBlockBuild()
        return blockRows != nil
    }

    /// Index of the first row whose (slot, combo) is not less than the given key.
    func lowerBound(slot: Int64, combo: Int32 = Int32.min) -> Int { rows.lowerBound(slot: slot, combo: combo) }

    private func loadRecent(_ db: Database) throws {
        let statement: RawStatement
        switch purpose {
        case .dashboard:
            statement = try RawStatement(db, "SELECT minute, combo, n FROM recent_processed ORDER BY minute")
        case .snapshot(let now, _):
            // The minutes the live throughput counts at `now` (from the one holding now - 60 min), by the key.
            statement = try RawStatement(db, "SELECT minute, combo, n FROM recent_processed WHERE minute >= ? ORDER BY minute")
            statement.bind(1, LiveFiguresCalculator.firstMinute(now: Int64(now.timeIntervalSince1970)))
        }
        var rows: [(minute: Int64, combo: Int32, n: Int32)] = []
        while try statement.step() {
            let row = try checkedRow(statement, table: "recent_processed", first: "minute", in: StoredInteger.minute)
            rows.append((row.first, row.combo, row.n))
        }
        recent = rows
    }

    // MARK: For the engine

    func value(_ dimension: FilterDimension, _ index: Int32) -> String { values[Self.slotOf(dimension)][Int(index)] }
    func allValues(_ dimension: FilterDimension) -> [String] { values[Self.slotOf(dimension)] }

    /// First and last slot holding deliveries, if any.
    var slotExtent: (Int64, Int64)? { rows.extent }

    /// Start instants (UTC seconds) of the days `first ... last + 1` in `zone`, cached.
    func dayStarts(zone: TimeZone, first: LocalDate, last: LocalDate) -> [Int64] {
        boundaries.dayStarts(zone: zone, first: first, last: last)
    }
}
