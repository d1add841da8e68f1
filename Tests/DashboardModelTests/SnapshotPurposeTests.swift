import Foundation
import GRDB
import Testing
@testable import DashboardModel

/// `snapshot --format json` loads the index for one computation (`AggregateIndex.Purpose.snapshot`: the recent
/// completions of the last hour only) and computes without the sidebar (`facets: false`). Its JSON must be the
/// bytes the dashboard's index gives, for every filter, zone and range: checked here over many states on a small
/// store, days of daylight-saving changes and odd offsets included, with the previous period, the compliance
/// figure and the live figures (a throughput that counts completions near the hour's edge).
@Suite struct SnapshotPurposeTests {
    /// 2026-11-01 12:00 UTC: the day New York leaves daylight saving time (06:00 UTC).
    static let now = "2026-11-01T12:00:00Z"

    /// Deterministic deliveries from 70 days before `now` to `now`, many combinations, several versions.
    static func store() throws -> MXStore {
        let s = try MXStore(snapshotRewriteThreshold: 40)
        var state: UInt64 = 0x51A9_5407
        func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
        let end = MX.utc(now), start = end - 70 * 86_400
        let statuses = ["Pending", "InProcess", "Complete", "Complete", "Complete", "Expired", "Cancelled"]
        let results = ["CallEnded", "Abandoned", "LiveAnswer", "NoAnswer", "CSRCancelled", ""]
        func delivery(_ id: Int, created: Int64, modified: Int64?) -> Delivery {
            let status = statuses[next(statuses.count)]
            return Delivery(deliveryId: "d\(id)", createdOn: created, modifiedOn: modified, status: status,
                            result: status == "Complete" ? results[next(results.count)] : "",
                            dialMode: ["", "Progressive", "Predictive"][next(3)], configId: "C\(next(5))",
                            queueId: "Q\(next(3))", channel: next(6) == 0 ? "SMS" : "Voice",
                            conversationId: next(3) == 0 ? "cv\(next(4))" : "", engagementType: ["", "AI", "Rep"][next(3)])
        }
        var deliveries: [Delivery] = []
        for id in 0..<900 {
            let created = start + Int64(next(70 * 86_400))
            deliveries.append(delivery(id, created: created, modified: created + 600))
        }
        // Completions in and around the last hour before `now` (the live throughput).
        for id in 900..<960 {
            let modified = end - 4_000 + Int64(next(4_000))
            deliveries.append(delivery(id, created: modified - 7_200, modified: modified))
        }
        let conversations = (0..<4).map { Conversation(id: "cv\($0)", isOutbound: $0 != 3) }
        try s.write(now: now, deliveries: deliveries, configurations: [Configuration(id: "C0", name: "Payment Reminder")],
                    queues: [Queue(id: "Q1", name: "Collections")], conversations: conversations)
        // Later batches on top of the aggregate snapshot (rows newer than it, in and outside the ranges).
        for batch in 0..<3 {
            var later: [Delivery] = []
            for k in 0..<20 {
                let id = next(960)
                later.append(delivery(id, created: start + Int64(next(70 * 86_400)), modified: end - 3_000 + Int64(batch * 100 + k)))
            }
            try s.write(now: now, deliveries: later)
        }
        return s
    }

    static let zones = ["UTC", "America/New_York", "Asia/Kathmandu", "Australia/Lord_Howe", "Pacific/Chatham", "Europe/London"]
    static let ranges: [DateRange] = [
        .lastDays(1), .lastDays(7), .lastDays(30), .all,
        .between(MX.day("2026-11-01"), MX.day("2026-11-01")),  // New York's 25-hour day
        .between(MX.day("2026-10-25"), MX.day("2026-10-25")),  // London's
        .between(MX.day("2026-09-20"), MX.day("2026-10-19")),
        .between(MX.day("2026-06-01"), MX.day("2026-12-31")),  // beyond the data on both sides
    ]
    static let selections: [[FilterDimension: Set<String>]] = [
        [:], [.direction: ["Outgoing"]], [.queue: ["Q1"]], [.configuration: ["Payment Reminder", "C3"]],
        [.status: ["Complete"], .channel: ["Voice"]], [.result: ["Abandoned", "(Blank)"]], [.conversationType: ["AI"]],
    ]

    /// A windowed index refreshed after more writes loads its windows again (a change outside them is counted in
    /// the all-time totals, one inside them in the figures).
    @Test func aWindowedIndexRefreshedAfterWritesMatchesAFreshOne() throws {
        let s = try Self.store()
        let now = MX.instant(Self.now)
        let filters = DashboardFilters(range: .lastDays(7), timeZone: "America/New_York", selections: [:])
        let windows = SlotWindows.read(range: filters.range, zone: filters.zone, now: now, abandonRule: .us30d)
        let windowed = AggregateIndex(store: s.store, purpose: .snapshot(now: now, windows: windows))
        try windowed.refresh()
        try s.write(now: Self.now, deliveries: [
            MX.d("late-in", "2026-10-30T10:00:00Z", "Complete", result: "CallEnded", modified: "2026-10-30T11:00:00Z"),
            MX.d("late-out", "2026-08-30T10:00:00Z", "Pending"),
            MX.d("d3", "2026-07-30T10:00:00Z", "InProcess", modified: "2026-10-31T11:00:00Z"),
        ])
        #expect(try windowed.refresh())
        let full = AggregateIndex(store: s.store)
        try full.refresh()
        #expect(windowed.allTime == full.allTime)
        #expect(SnapshotJSON.value(of: MetricsEngine.compute(index: windowed, filters: filters, now: now, facets: false)).serialized()
                == SnapshotJSON.value(of: MetricsEngine.compute(index: full, filters: filters, now: now)).serialized())
    }

    /// A damaged aggregate snapshot is named the same way whichever purpose loads it, wherever the windowed load
    /// reads the damage: inside its windows, or anywhere when the store keeps no totals (it then checks every row,
    /// and one that does not check loads the snapshot whole, which names it). With the stored totals the windowed
    /// load reads the windows' rows only: damage outside them is not read, and what it shows is what the
    /// undamaged store shows.
    @Test func aDamagedSnapshotIsNamedTheSameWayWithWindows() throws {
        let now = MX.instant(Self.now)
        let windows = SlotWindows.read(range: .lastDays(7), zone: TimeZone(identifier: "UTC")!, now: now, abandonRule: .us30d)
        func json(_ index: AggregateIndex) -> String {
            SnapshotJSON.value(of: MetricsEngine.compute(index: index, filters: DashboardFilters(range: .lastDays(7), timeZone: "UTC"),
                                                         now: now, facets: false)).serialized()
        }
        let clean = try Self.store()
        let cleanIndex = AggregateIndex(store: clean.store, purpose: .snapshot(now: now, windows: windows))
        try cleanIndex.refresh()
        let undamaged = json(cleanIndex)
        for (sql, expected, insideWindows) in [
            ("UPDATE aggregate_snapshot SET counts = X'FFFFFFFF' || substr(counts, 5)", "negative count (-1)", false),
            ("UPDATE aggregate_snapshot SET combos = substr(combos, 1, length(combos) - 4) || X'39300000'", "combination 12345", true),
            ("UPDATE aggregate_snapshot SET counts = substr(counts, 1, length(counts) - 4) || X'FFFFFFFF'", "negative count (-1)", true),
            ("UPDATE aggregate_snapshot SET slots = substr(slots, 1, 4) || X'00000000' || substr(slots, 9)", "out of order at row 1", false),
            ("UPDATE aggregate_snapshot SET row_count = row_count + 1", "expected", true),
        ] {
            for totalsKept in [true, false] {
                let s = try Self.store()
                try s.store.writeWithoutTransaction { db in
                    try db.execute(sql: sql)
                    if !totalsKept { try db.execute(sql: "UPDATE aggregate_snapshot SET totals = NULL") }
                }
                let whole: String
                do {
                    try AggregateIndex(store: s.store, purpose: .dashboard).refresh()
                    whole = "loaded"
                } catch {
                    whole = "\(error)"
                }
                #expect(whole.contains(expected), "\(sql): \(whole)")
                let windowed = AggregateIndex(store: s.store, purpose: .snapshot(now: now, windows: windows))
                do {
                    try windowed.refresh()
                    #expect(totalsKept && !insideWindows, "\(sql): loaded")
                    #expect(json(windowed) == undamaged, "\(sql)")
                } catch {
                    #expect("\(error)" == whole, "\(sql), totals kept: \(totalsKept)")
                }
            }
        }
    }

    /// The last 30 days in UTC at the fixtures' now: the instant, the snapshot's windows and the filters.
    static func lastThirtyDays() -> (Date, SlotWindows?, DashboardFilters) {
        let now = MX.instant(Self.now)
        return (now, SlotWindows.read(range: .lastDays(30), zone: TimeZone(identifier: "UTC")!, now: now, abandonRule: .us30d),
                DashboardFilters(range: .lastDays(30), timeZone: "UTC"))
    }

    /// The dashboard's (whole) index of the store and its JSON under `filters`.
    static func wholeIndexJSON(_ s: MXStore, _ filters: DashboardFilters, _ now: Date) throws -> (AggregateIndex, String) {
        let full = AggregateIndex(store: s.store)
        try full.refresh()
        return (full, SnapshotJSON.value(of: MetricsEngine.compute(index: full, filters: filters, now: now)).serialized())
    }

    /// Totals that do not check (a size not a multiple of 8, more entries than combinations, a negative total, a
    /// total for a combination the store does not hold) send the windowed load to reading every row: the same JSON.
    @Test func storedTotalsThatDoNotCheckAreNotUsed() throws {
        let (now, windows, filters) = Self.lastThirtyDays()
        let (full, expected) = try Self.wholeIndexJSON(try Self.store(), filters, now)
        for sql in ["UPDATE aggregate_snapshot SET totals = substr(totals, 1, length(totals) - 3)",
                    "UPDATE aggregate_snapshot SET totals = totals || zeroblob(80000)",
                    "UPDATE aggregate_snapshot SET totals = X'FFFFFFFFFFFFFFFF' || substr(totals, 9)",
                    "UPDATE aggregate_snapshot SET totals = X'0100000000000000' || substr(totals, 9)",
                    "UPDATE aggregate_snapshot SET totals = NULL"] {
            let s = try Self.store()
            try s.store.writeWithoutTransaction { db in try db.execute(sql: sql) }
            let windowed = AggregateIndex(store: s.store, purpose: .snapshot(now: now, windows: windows))
            try windowed.refresh()
            #expect(windowed.allTime == full.allTime, "\(sql)")
            #expect(SnapshotJSON.value(of: MetricsEngine.compute(index: windowed, filters: filters, now: now, facets: false))
                        .serialized() == expected, "\(sql)")
        }
    }

    /// A store written before the totals (no such column, no record of `v9-snapshot-totals`) is read as before,
    /// every row, by readers (which never migrate); opened for writing it gets the column and its snapshot is
    /// rewritten with the totals, which then equal the rows' sums, and the windowed load gives the same JSON.
    @Test func aStoreWithoutTotalsIsReadThenMigrated() throws {
        let (now, windows, filters) = Self.lastThirtyDays()
        let s = try Self.store()
        let (full, expected) = try Self.wholeIndexJSON(s, filters, now)
        try s.store.writeWithoutTransaction { db in
            try db.execute(sql: "ALTER TABLE aggregate_snapshot DROP COLUMN totals")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v9-snapshot-totals'")
        }
        let path = s.folder.appendingPathComponent("store.sqlite").path
        func windowedJSON(_ store: DeliveryStore) throws -> String {
            let index = AggregateIndex(store: store, purpose: .snapshot(now: now, windows: windows))
            try index.refresh()
            #expect(index.allTime == full.allTime)
            return SnapshotJSON.value(of: MetricsEngine.compute(index: index, filters: filters, now: now, facets: false)).serialized()
        }
        #expect(try windowedJSON(try DeliveryStore.openForReading(path: path)) == expected)
        let migrated = try DeliveryStore.openForWriting(path: path)
        let stored = try migrated.pool.read { db -> [Int64] in
            let bytes = try #require(try Data.fetchOne(db, sql: "SELECT totals FROM aggregate_snapshot WHERE id = 1"))
            return stride(from: 0, to: bytes.count, by: 8).map { k in
                bytes[k..<(k + 8)].reversed().reduce(Int64(0)) { $0 << 8 | Int64($1) }
            }
        }
        let sums = try migrated.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT combo, SUM(n) FROM slot_counts GROUP BY combo")
        }
        #expect(!sums.isEmpty)
        for row in sums {
            let combo: Int = row[0], total: Int64 = row[1]
            #expect(combo < stored.count && stored[combo] == total, "combination \(combo)")
        }
        #expect(try windowedJSON(migrated) == expected)
    }

    @Test func snapshotPurposeGivesTheDashboardIndexJSONInEveryState() throws {
        let s = try Self.store()
        let now = MX.instant(Self.now)
        let full = AggregateIndex(store: s.store)
        try full.refresh()
        let lean = AggregateIndex(store: s.store, purpose: .snapshot(now: now))
        try lean.refresh()
        #expect(lean.recent.count < full.recent.count, "the snapshot reads only the last hour's completions")
        var states = 0, withThroughput = 0, withPrevious = 0
        for zone in Self.zones {
            for range in Self.ranges {
                for (k, selection) in Self.selections.enumerated() {
                    let filters = DashboardFilters(range: range, timeZone: zone, selections: selection)
                    for rule in AbandonRule.allCases where rule == .us30d || k == 0 {
                        let expected = MetricsEngine.compute(index: full, filters: filters, now: now, abandonRule: rule)
                        let got = MetricsEngine.compute(index: lean, filters: filters, now: now, abandonRule: rule, facets: false)
                        let a = SnapshotJSON.value(of: expected).serialized(pretty: true)
                        let b = SnapshotJSON.value(of: got).serialized(pretty: true)
                        #expect(a == b, "\(zone) \(range) \(selection) \(rule)")
                        #expect(got.facets.isEmpty)
                        // Only the slot rows of the range, the previous period and the compliance window.
                        let windows = SlotWindows.read(range: range, zone: filters.zone, now: now, abandonRule: rule)
                        let windowed = AggregateIndex(store: s.store, purpose: .snapshot(now: now, windows: windows))
                        try windowed.refresh()
                        let fromWindows = MetricsEngine.compute(index: windowed, filters: filters, now: now, abandonRule: rule,
                                                                facets: false)
                        #expect(SnapshotJSON.value(of: fromWindows).serialized(pretty: true) == a,
                                "windows \(zone) \(range) \(selection) \(rule)")
                        #expect(windowed.allTime == full.allTime)
                        if windows != nil {
                            if case .lastDays(let n) = range, n <= 7 {
                                #expect(windowed.rowCountTotal < full.rowCountTotal / 2, "\(range): only the windows' rows")
                            }
                            #expect(windowed.snapshotGeneration != nil, "read from the aggregate snapshot")
                        }
                        states += 1
                        if (expected.live?.throughputPerHour ?? 0) > 0 { withThroughput += 1 }
                        if expected.previous != nil { withPrevious += 1 }
                    }
                }
            }
        }
        #expect(states > 300)
        #expect(withThroughput > states / 3, "the states count recent completions")
        #expect(withPrevious > states / 2)
    }
}

/// The aggregate snapshot's row checks of a windowed load (`SnapshotRowCheck`): four rows at a time, then the rows
/// left over; a defect anywhere (first row, inside a group of four, in the tail) is found, and clean rows give the
/// plain sums.
@Suite struct SnapshotRowCheckTests {
    static let slotRange: ClosedRange<Int32> = 0...2_000_000

    static func rows(_ n: Int) -> (slots: [Int32], combos: [Int32], counts: [Int32]) {
        var slots: [Int32] = [], combos: [Int32] = [], counts: [Int32] = []
        var slot: Int32 = 1_000
        for i in 0..<n {
            if i % 3 == 0 { slot += Int32(1 + i % 5) }
            slots.append(slot)
            combos.append(Int32(1 + (i % 3) * 2 + (i % 7 == 0 ? 1 : 0)))
            counts.append(Int32(i % 11))
        }
        return (slots, combos, counts)
    }

    /// Whether the rows check, and their totals when they do (nil otherwise).
    static func check(_ r: (slots: [Int32], combos: [Int32], counts: [Int32]), known: [UInt8]) -> [Int64]? {
        guard SnapshotRowCheck.rangesAndOrderHold(slots: r.slots, combos: r.combos, counts: r.counts,
                                                  comboLimit: Int32(known.count), slotRange: slotRange) else { return nil }
        var totals = [Int64](repeating: 0, count: known.count)
        let held = r.combos.withUnsafeBufferPointer { c in
            r.counts.withUnsafeBufferPointer { k in
                SnapshotRowCheck.addTotals(combos: c, counts: k, known: known, gaps: known.dropFirst().contains(0), into: &totals)
            }
        }
        return held ? totals : nil
    }

    @Test func cleanRowsGiveThePlainTotals() {
        for n in [0, 1, 2, 3, 4, 5, 8, 9, 31] {
            let r = Self.rows(n)
            let known = [UInt8](repeating: 1, count: 9)
            var expected = [Int64](repeating: 0, count: 9)
            for i in 0..<n { expected[Int(r.combos[i])] += Int64(r.counts[i]) }
            #expect(Self.check(r, known: known) == expected, "n \(n)")
        }
    }

    @Test func aDefectAtAnyRowIsFound() {
        let n = 23
        for row in 0..<n {
            for defect in 0..<6 {
                var r = Self.rows(n)
                var known = [UInt8](repeating: 1, count: 9)
                switch defect {
                case 0: r.combos[row] = 0
                case 1: r.combos[row] = 9
                case 2: r.counts[row] = -1
                case 3: r.slots[row] = Self.slotRange.upperBound + 1
                case 4:  // out of order: the row repeats the one before (or the first one the next)
                    if row > 0 { r.slots[row] = r.slots[row - 1]; r.combos[row] = r.combos[row - 1] } else { r.slots[0] = r.slots[1] + 1 }
                default:  // a combination the store does not hold (a gap in the ids)
                    known[Int(r.combos[row])] = 0
                }
                #expect(Self.check(r, known: known) == nil, "row \(row), defect \(defect)")
            }
        }
    }
}
