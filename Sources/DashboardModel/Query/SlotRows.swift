/// The slot counts held in memory: rows sorted by (slot, combo), as columns for a tight scan. A row is its
/// combination and its count (8 bytes); the slot is held once per *run*, the rows that share it (`runSlot`, and
/// `runStart`, each run's first row). A 10M-delivery store has about 3.1M rows in 35,000 slots: a slot column beside
/// the rows (4 bytes a row, 12 MB there) would repeat each slot about 90 times. A slot, 15 minutes since 1970, fits
/// an Int32 until the year 63,000. Looks a key up and merges new rows in.
struct SlotRows {
    /// The slots that hold rows, strictly ascending.
    private(set) var runSlot: [Int32] = []
    /// The first row of each run (ascending; a run ends where the next begins, the last at `rowCount`). No run is empty.
    private(set) var runStart: [Int] = []
    var combo: [Int32] = []
    var count: [Int32] = []

    init() {}

    /// Rows already sorted by (slot, combo), their runs made by the caller (`AggregateSnapshot.load`); checked by the
    /// index before it adopts them.
    init(runSlot: [Int32], runStart: [Int], combo: [Int32], count: [Int32]) {
        self.runSlot = runSlot
        self.runStart = runStart
        self.combo = combo
        self.count = count
    }

    var rowCount: Int { combo.count }

    /// The row after the last of run `k`.
    func runEnd(_ k: Int) -> Int { k + 1 < runStart.count ? runStart[k + 1] : combo.count }

    /// The run holding row `row` (0 ..< rowCount).
    func run(containing row: Int) -> Int {
        var lo = 0, hi = runStart.count  // the last run whose start is <= row
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if runStart[mid] <= row { lo = mid } else { hi = mid }
        }
        return lo
    }

    func slot(ofRow row: Int) -> Int32 { runSlot[run(containing: row)] }

    /// The slot of every row (what a slot column would hold; for tests and checks, not for scans).
    var rowSlots: [Int32] {
        var out: [Int32] = []
        out.reserveCapacity(rowCount)
        for k in runSlot.indices { out.append(contentsOf: repeatElement(runSlot[k], count: runEnd(k) - runStart[k])) }
        return out
    }

    /// Appends a row after every row held: its (slot, combo) must come after the last row's.
    mutating func append(slot s: Int32, combo c: Int32, count n: Int32) {
        if runSlot.last != s {
            runSlot.append(s)
            runStart.append(combo.count)
        }
        combo.append(c)
        count.append(n)
    }

    /// First and last slot holding deliveries, if any.
    var extent: (Int64, Int64)? {
        guard let first = count.firstIndex(where: { $0 != 0 }), let last = count.lastIndex(where: { $0 != 0 }) else {
            return nil
        }
        return (Int64(slot(ofRow: first)), Int64(slot(ofRow: last)))
    }

    /// Index of the first row whose (slot, combo) is not less than the given key.
    func lowerBound(slot key: Int64, combo: Int32 = Int32.min) -> Int {
        if key > Int64(Int32.max) { return rowCount }
        return lowerBound(slot: Int32(clamping: key), combo: combo)
    }

    func lowerBound(slot key: Int32, combo c: Int32 = Int32.min) -> Int {
        var lo = 0, hi = runSlot.count  // the first run whose slot is >= key
        while lo < hi {
            let mid = (lo + hi) / 2
            if runSlot[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        guard lo < runSlot.count else { return rowCount }
        guard runSlot[lo] == key else { return runStart[lo] }
        var first = runStart[lo], last = runEnd(lo)  // the first row of the run whose combo is >= c
        while first < last {
            let mid = (first + last) / 2
            if combo[mid] < c { first = mid + 1 } else { last = mid }
        }
        return first
    }

    func position(slot key: Int32, combo c: Int32) -> Int? {
        let i = lowerBound(slot: key, combo: c)
        return i < rowCount && combo[i] == c && slot(ofRow: i) == key ? i : nil
    }

    /// Keeps the first `rows` rows.
    private mutating func truncate(toRows rows: Int) {
        while let last = runStart.last, last >= rows {
            runStart.removeLast()
            runSlot.removeLast()
        }
        combo.removeSubrange(rows...)
        count.removeSubrange(rows...)
    }

    /// Inserts new (sorted) rows, rebuilding only the tail from the first insertion point.
    mutating func merge(_ inserts: [(Int32, Int32, Int32)]) {
        guard let firstInsert = inserts.first else { return }
        let start = lowerBound(slot: firstInsert.0, combo: firstInsert.1)
        var tailSlot: [Int32] = []
        tailSlot.reserveCapacity(rowCount - start)
        if start < rowCount {
            var k = run(containing: start)
            var i = start
            while i < rowCount {
                let end = runEnd(k)
                tailSlot.append(contentsOf: repeatElement(runSlot[k], count: end - i))
                i = end
                k += 1
            }
        }
        let tailCombo = Array(combo[start...]), tailCount = Array(count[start...])
        truncate(toRows: start)
        var i = 0, j = 0
        while i < tailSlot.count || j < inserts.count {
            let takeTail: Bool
            if j == inserts.count { takeTail = true } else if i == tailSlot.count { takeTail = false } else {
                takeTail = (tailSlot[i], tailCombo[i]) < (inserts[j].0, inserts[j].1)
            }
            if takeTail {
                append(slot: tailSlot[i], combo: tailCombo[i], count: tailCount[i]); i += 1
            } else {
                append(slot: inserts[j].0, combo: inserts[j].1, count: inserts[j].2); j += 1
            }
        }
    }
}
