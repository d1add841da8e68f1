import Testing
@testable import DashboardModel

/// The index's rows hold each slot once per run of rows: every lookup, merge and scan position must read as the
/// flat (slot, combo, count) rows it replaced.
@Suite struct SlotRowsTests {
    /// Rows sorted by (slot, combo), unique, from a seeded generator: sparse and dense slots, negative ones too.
    static func flatRows(seed: UInt64, count: Int) -> [(Int32, Int32, Int32)] {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        var keys = Set<Int64>()
        while keys.count < count { keys.insert(Int64(next(400) - 50) << 32 | Int64(1 + next(30))) }
        return keys.sorted().map { (Int32(truncatingIfNeeded: $0 >> 32), Int32(truncatingIfNeeded: $0 & 0xFFFF_FFFF), Int32(next(5))) }
    }

    static func rows(_ flat: [(Int32, Int32, Int32)]) -> SlotRows {
        var rows = SlotRows()
        for (s, c, n) in flat { rows.append(slot: s, combo: c, count: n) }
        return rows
    }

    static func expectSame(_ rows: SlotRows, _ flat: [(Int32, Int32, Int32)], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(rows.rowSlots == flat.map(\.0), sourceLocation: sourceLocation)
        #expect(rows.combo == flat.map(\.1), sourceLocation: sourceLocation)
        #expect(rows.count == flat.map(\.2), sourceLocation: sourceLocation)
        #expect(rows.runSlot == Array(Set(flat.map(\.0))).sorted(), "one run a slot, ascending", sourceLocation: sourceLocation)
        for k in rows.runSlot.indices { #expect(rows.runStart[k] < rows.runEnd(k), "no empty run", sourceLocation: sourceLocation) }
    }

    @Test func lookupsReadAsTheFlatRows() {
        for seed: UInt64 in 1...6 {
            let flat = Self.flatRows(seed: seed, count: Int(seed) * 300)
            let rows = Self.rows(flat)
            Self.expectSame(rows, flat)
            for i in flat.indices { #expect(rows.slot(ofRow: i) == flat[i].0) }
            for slot: Int32 in -60...360 {
                for combo: Int32 in [Int32.min, 0, 1, 7, 15, 30, 31] {
                    let expected = flat.firstIndex { ($0.0, $0.1) >= (slot, combo) } ?? flat.count
                    #expect(rows.lowerBound(slot: slot, combo: combo) == expected, "\(slot)/\(combo)")
                    let at = flat.firstIndex { $0.0 == slot && $0.1 == combo }
                    #expect(rows.position(slot: slot, combo: combo) == at)
                }
            }
            #expect(rows.lowerBound(slot: Int64(Int32.max) + 1) == flat.count)
            let nonZero = flat.filter { $0.2 != 0 }
            #expect(rows.extent.map { [$0.0, $0.1] } == (nonZero.isEmpty ? nil : [Int64(nonZero.first!.0), Int64(nonZero.last!.0)]))
        }
        #expect(SlotRows().lowerBound(slot: Int32(5)) == 0 && SlotRows().extent == nil)
    }

    @Test func mergesReadAsTheFlatRowsMerged() {
        for seed: UInt64 in 1...8 {
            let all = Self.flatRows(seed: seed, count: 900)
            // Every third row held, the rest inserted (from the middle, the start, or a few at the end).
            let cut = seed % 3 == 0 ? 0 : (seed % 3 == 1 ? all.count / 2 : all.count - 20)
            var held: [(Int32, Int32, Int32)] = [], inserts: [(Int32, Int32, Int32)] = []
            for (i, row) in all.enumerated() { if i < cut || i % 3 == 0 { held.append(row) } else { inserts.append(row) } }
            var rows = Self.rows(held)
            rows.merge(inserts)
            Self.expectSame(rows, all)
            rows.merge([])
            Self.expectSame(rows, all)
        }
    }
}
