import Foundation
import Testing
@testable import DashboardModel

/// The block rows (`BlockRows`: slot rows summed per 6-hour UTC block) and the scan that sums days from them
/// (`RangeScan`) must give exactly what a pass over the slot rows gives: for any cut of the slots into days (cuts
/// inside blocks, several in one block, days beyond the rows), in every zone (daylight-saving days, 30- and
/// 45-minute offsets), after refreshes that add rows and empty others, and while they are still being built.
@Suite struct BlockRowsTests {
    // MARK: The scan, against a plain sum

    /// Per-combination totals and per-day status counts of the rows inside `boundaries`, row by row.
    static func plainSums(_ flat: [(Int32, Int32, Int32)], boundaries: [Int64], failures: [UInt8], statusOf: [Int32],
                          statusCount: Int, comboCount: Int) -> (totals: [Int], days: [Int]) {
        var totals = [Int](repeating: 0, count: comboCount)
        var days = [Int](repeating: 0, count: (boundaries.count - 1) * statusCount)
        for (slot, combo, n) in flat {
            let s = Int64(slot)
            guard s >= boundaries[0], s < boundaries[boundaries.count - 1] else { continue }
            let day = boundaries.lastIndex { $0 <= s }!
            totals[Int(combo)] += Int(n)
            if statusCount > 0 && failures[Int(combo)] == 0 { days[day * statusCount + Int(statusOf[Int(combo)])] += Int(n) }
        }
        return (totals, days)
    }

    /// Random cuts: days of 1 to 130 slots (so 0, 1 or several cuts fall in a block), from before the rows to after.
    static func boundaries(seed: UInt64) -> [Int64] {
        var rng = SplitMix64(seed: seed)
        var at = Int64(rng.next() % 500) - 120
        var cuts = [at]
        for _ in 0..<(1 + Int(rng.next() % 12)) {
            at += 1 + Int64(rng.next() % 130)
            cuts.append(at)
        }
        return cuts
    }

    @Test func theScanGivesThePlainSumsForAnyCut() throws {
        var checked = 0, fromBlocks = 0
        for seed: UInt64 in 1...12 {
            // Slots -50 ..< 350, combinations 1...30; rows with a count of 0 among them (emptied rows).
            let flat = SlotRowsTests.flatRows(seed: seed, count: Int(seed) * 250)
            let rows = SlotRowsTests.rows(flat)
            let comboCount = 31
            let blocks = try #require(BlockRows.build(from: rows, comboCount: comboCount))
            #expect(blocks.entryCount < flat.count, "fewer entries than rows")
            var rng = SplitMix64(seed: seed &* 977)
            let statusCount = 3
            for cut in 0..<40 {
                let boundaries = Self.boundaries(seed: seed &* 1_000 &+ UInt64(cut))
                let failures = (0..<comboCount).map { _ in UInt8(rng.next() % 3 == 0 ? 1 : 0) }
                let statusOf = (0..<comboCount).map { _ in Int32(rng.next() % UInt64(statusCount)) }
                var totals = [Int](repeating: 0, count: comboCount)
                var days = [Int](repeating: 0, count: (boundaries.count - 1) * statusCount)
                RangeScan.sum(rows: rows, blocks: blocks, boundaries: boundaries, failures: failures, statusOf: statusOf,
                              statusCount: statusCount, comboTotals: &totals, dayStatus: &days)
                let plain = Self.plainSums(flat, boundaries: boundaries, failures: failures, statusOf: statusOf,
                                           statusCount: statusCount, comboCount: comboCount)
                #expect(totals == plain.totals, "seed \(seed) cut \(boundaries)")
                #expect(days == plain.days, "seed \(seed) cut \(boundaries)")
                let only = RangeScan.totals(rows: rows, blocks: blocks, from: boundaries[0], to: boundaries.last!,
                                            comboCount: comboCount)
                #expect(only == plain.totals, "totals only, seed \(seed) cut \(boundaries)")
                checked += 1
                if boundaries.last! - boundaries[0] > 2 * BlockRows.slotsPerBlock { fromBlocks += 1 }
            }
        }
        #expect(checked == 480 && fromBlocks > 200)
    }

    @Test func aBlockRebuiltEqualsAFreshBuildAndGrowsTheBlocks() throws {
        let flat = SlotRowsTests.flatRows(seed: 7, count: 1_500)
        var rows = SlotRowsTests.rows(flat)
        var blocks = try #require(BlockRows.build(from: rows, comboCount: 31))
        // Rows added before, inside and after the rows held (new blocks on both sides).
        rows.merge([(-400, 3, 9), (-399, 4, 1), (120, 31 - 1, 4), (700, 2, 6)].filter { row in
            !flat.contains { ($0.0, $0.1) == (row.0, row.1) }
        })
        let changed = Set([-400, -399, 120, 700].map { BlockRows.block(ofSlot: Int64($0)) })
        let rebuilt = blocks.rebuild(blocks: changed, from: rows, comboCount: 31)
        #expect(rebuilt)
        #expect(blocks == BlockRows.build(from: rows, comboCount: 31))
        #expect(blocks.firstBlock == BlockRows.block(ofSlot: -400) && blocks.lastBlock == BlockRows.block(ofSlot: 700))
        #expect(BlockRows.block(ofSlot: -1) == -1 && BlockRows.block(ofSlot: -24) == -1 && BlockRows.block(ofSlot: -25) == -2)
        #expect(BlockRows.block(ofSlot: 0) == 0 && BlockRows.block(ofSlot: 23) == 0 && BlockRows.block(ofSlot: 24) == 1)
    }

    /// A block whose sum for a combination passes an Int32 (a store altered by hand): no block rows.
    @Test func sumsBeyondAnInt32GiveNoBlockRows() {
        var rows = SlotRows()
        rows.append(slot: 10, combo: 1, count: Int32.max)
        rows.append(slot: 11, combo: 1, count: 1)
        #expect(BlockRows.build(from: rows, comboCount: 2) == nil)
        var fits = SlotRows()
        fits.append(slot: 10, combo: 1, count: Int32.max)
        fits.append(slot: 24, combo: 1, count: 1)  // the next block
        var blocks = BlockRows.build(from: fits, comboCount: 2)
        #expect(blocks?.entryCount == 2)
        let rebuilt = blocks?.rebuild(blocks: [0], from: rows, comboCount: 2)
        #expect(rebuilt == false)
    }

    // MARK: The engine, block rows against slot rows

    static let zones = SnapshotPurposeTests.zones + ["Asia/Kolkata", "Australia/Adelaide", "America/St_Johns"]
    static let ranges = SnapshotPurposeTests.ranges + [
        .between(MX.day("2026-10-04"), MX.day("2026-10-04")),  // Lord Howe's 23.5-hour day
        .between(MX.day("2026-09-27"), MX.day("2026-09-27")),  // Chatham's 23-hour day
        .between(MX.day("2026-12-01"), MX.day("2027-02-01")),  // after the data
        .lastDays(365),
    ]

    /// Every zone, range and selection: the index with block rows gives the slot rows' figures (previous period,
    /// compliance window and live figures included); checks that the block rows were used.
    static func expectSameFigures(_ blocks: AggregateIndex, _ slots: AggregateIndex, now: Date, context: String) {
        #expect(blocks.readyBlockRows() != nil && slots.readyBlockRows() == nil, "\(context): one of each")
        for zone in zones {
            for range in ranges {
                for selection in SnapshotPurposeTests.selections {
                    let filters = DashboardFilters(range: range, timeZone: zone, selections: selection)
                    let expected = MetricsEngine.compute(index: slots, filters: filters, now: now, abandonRule: .us30d)
                    let got = MetricsEngine.compute(index: blocks, filters: filters, now: now, abandonRule: .us30d)
                    #expect(got == expected, "\(context): \(zone) \(range) \(selection)")
                }
            }
        }
    }

    static func slotIndex(_ s: MXStore) throws -> AggregateIndex {
        let index = AggregateIndex(store: s.store)
        index.usesBlockRows = false
        try index.refresh()
        return index
    }

    @Test func blockRowsGiveTheSlotRowsFiguresInEveryZone() throws {
        let s = try SnapshotPurposeTests.store()
        let now = MX.instant(SnapshotPurposeTests.now)
        Self.expectSameFigures(try s.index(), try Self.slotIndex(s), now: now, context: "loaded")
    }

    /// Refreshes that add rows (new deliveries, some beyond the blocks held), move counts between slots and
    /// combinations (a delivery's status and creation change) and empty rows (the last delivery of a slot and
    /// combination leaves it): the block rows follow, equal to ones built afresh from the rows.
    @Test func blockRowsFollowRefreshes() throws {
        let s = try SnapshotPurposeTests.store()
        let now = MX.instant(SnapshotPurposeTests.now)
        let kept = try s.index()
        let before = try #require(kept.readyBlockRows())
        for (k, batch) in [
            [MX.d("new-1", "2026-10-31T23:50:00Z", "Complete", result: "CallEnded", modified: "2026-11-01T11:00:00Z"),
             MX.d("new-2", "2026-12-20T10:00:00Z", "Pending"),   // after every block held
             MX.d("new-3", "2026-05-01T03:00:00Z", "Pending")],  // before them
            [MX.d("d5", "2026-10-01T10:00:00Z", "Expired", modified: "2026-11-01T11:30:00Z"),
             MX.d("d6", "2026-09-15T05:45:00Z", "Complete", result: "Abandoned", modified: "2026-11-01T11:31:00Z"),
             MX.d("new-1", "2026-10-30T01:00:00Z", "Cancelled", modified: "2026-11-01T11:32:00Z")],
        ].enumerated() {
            try s.write(now: SnapshotPurposeTests.now, deliveries: batch)
            #expect(try kept.refresh())
            let blocks = try #require(kept.readyBlockRows(), "batch \(k)")
            #expect(blocks == BlockRows.build(from: kept.rows, comboCount: kept.combos.count), "batch \(k)")
            Self.expectSameFigures(kept, try Self.slotIndex(s), now: now, context: "batch \(k)")
        }
        #expect(kept.readyBlockRows()!.firstBlock < before.firstBlock && kept.readyBlockRows()!.lastBlock > before.lastBlock)
    }

    /// A refresh that throws at a damaged row after good ones changes nothing and drops the block rows; the next
    /// refresh that succeeds has them built again, equal to a fresh build, and the index equal to a fresh one (the
    /// all-time totals of new rows were counted twice when such a refresh was retried).
    @Test func aRefreshThatThrowsDropsThemUntilTheNextGoodOne() throws {
        let s = try SnapshotPurposeTests.store()
        let now = MX.instant(SnapshotPurposeTests.now)
        let kept = try s.index()
        #expect(kept.readyBlockRows() != nil)
        try s.write(now: SnapshotPurposeTests.now, deliveries: [MX.d("thrown-1", "2026-10-10T10:00:00Z", "Pending")])
        try s.store.writeWithoutTransaction { db in
            try db.execute(sql: "INSERT INTO slot_counts SELECT 2100000, 999, 1, CAST(value AS INTEGER) FROM meta WHERE key = 'generation'")
        }
        #expect(throws: StoreDamaged.self) { try kept.refresh() }
        #expect(kept.readyBlockRows() == nil)
        try s.store.writeWithoutTransaction { db in try db.execute(sql: "DELETE FROM slot_counts WHERE combo = 999") }
        #expect(try kept.refresh())
        #expect(kept.waitForBlockRows())
        #expect(kept.readyBlockRows() == BlockRows.build(from: kept.rows, comboCount: kept.combos.count))
        let fresh = try Self.slotIndex(s)
        #expect(kept.allTime == fresh.allTime && kept.rowCount == fresh.rowCount && kept.rowSlot == fresh.rowSlot)
        Self.expectSameFigures(kept, fresh, now: now, context: "after a refresh that threw")
    }

    /// A large store's block rows are not built by the load (the first frame sums the slot rows); the next
    /// refresh starts their build on another thread, the engine sums the slot rows until it is done, a refresh that
    /// changes rows waits for it first, and the figures never differ.
    @Test func theBackgroundBuildIsUsedOnceReady() throws {
        let s = try SnapshotPurposeTests.store()
        let now = MX.instant(SnapshotPurposeTests.now)
        let filters = DashboardFilters(range: .lastDays(30), timeZone: "Asia/Kathmandu", selections: [:])
        let index = AggregateIndex(store: s.store)
        index.backgroundBlockBuildFrom = 0
        try index.refresh()
        let slots = try Self.slotIndex(s)
        let expected = MetricsEngine.compute(index: slots, filters: filters, now: now)
        #expect(index.readyBlockRows() == nil, "the load builds none")
        #expect(MetricsEngine.compute(index: index, filters: filters, now: now) == expected)
        #expect(try !index.refresh(), "nothing new: starts the build")
        #expect(MetricsEngine.compute(index: index, filters: filters, now: now) == expected, "during the build or after")
        #expect(index.waitForBlockRows())
        #expect(index.readyBlockRows() == BlockRows.build(from: index.rows, comboCount: index.combos.count))
        #expect(MetricsEngine.compute(index: index, filters: filters, now: now) == expected)

        // Built where they are waited for when no refresh has started them (the benchmark).
        let waited = AggregateIndex(store: s.store)
        waited.backgroundBlockBuildFrom = 0
        try waited.refresh()
        #expect(waited.waitForBlockRows())
        #expect(waited.readyBlockRows() == index.readyBlockRows())

        // A refresh that changes a few rows while the build runs waits for it, then builds the blocks it changed.
        let second = AggregateIndex(store: s.store)
        second.backgroundBlockBuildFrom = 0
        try second.refresh()
        #expect(try !second.refresh())
        try s.write(now: SnapshotPurposeTests.now, deliveries: [MX.d("bg-1", "2026-10-20T10:00:00Z", "Pending")])
        #expect(try second.refresh())
        #expect(second.readyBlockRows() != nil, "the running build was waited for and brought up to date")
        #expect(second.waitForBlockRows())
        #expect(second.readyBlockRows() == BlockRows.build(from: second.rows, comboCount: second.combos.count))
        let after = try Self.slotIndex(s)
        #expect(MetricsEngine.compute(index: second, filters: filters, now: now) == MetricsEngine.compute(index: after, filters: filters, now: now))
    }

    /// The snapshot process's index never builds block rows (it answers one computation from its windows).
    @Test func aSnapshotIndexHasNoBlockRows() throws {
        let s = try SnapshotPurposeTests.store()
        let now = MX.instant(SnapshotPurposeTests.now)
        let windows = SlotWindows.read(range: .lastDays(7), zone: TimeZone(identifier: "UTC")!, now: now, abandonRule: .us30d)
        for purpose: AggregateIndex.Purpose in [.snapshot(now: now), .snapshot(now: now, windows: windows)] {
            let index = AggregateIndex(store: s.store, purpose: purpose)
            try index.refresh()
            #expect(!index.waitForBlockRows())
        }
    }
}
