/// The slot counts held in memory: rows sorted by (slot, combo), as parallel columns for a tight scan (12 bytes a
/// row: a slot, 15 minutes since 1970, fits an Int32 until the year 63,000). Looks a key up and merges new rows in.
struct SlotRows {
    var slot: [Int32] = []
    var combo: [Int32] = []
    var count: [Int32] = []

    mutating func append(slot s: Int32, combo c: Int32, count n: Int32) {
        slot.append(s)
        combo.append(c)
        count.append(n)
    }

    /// First and last slot holding deliveries, if any.
    var extent: (Int64, Int64)? {
        guard let first = count.firstIndex(where: { $0 != 0 }), let last = count.lastIndex(where: { $0 != 0 }) else {
            return nil
        }
        return (Int64(slot[first]), Int64(slot[last]))
    }

    /// Index of the first row whose (slot, combo) is not less than the given key.
    func lowerBound(slot key: Int64, combo: Int32 = Int32.min) -> Int {
        if key > Int64(Int32.max) { return slot.count }
        return lowerBound(slot: Int32(clamping: key), combo: combo)
    }

    func lowerBound(slot key: Int32, combo c: Int32 = Int32.min) -> Int {
        var lo = 0, hi = slot.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if slot[mid] < key || (slot[mid] == key && combo[mid] < c) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    func position(slot key: Int32, combo c: Int32) -> Int? {
        let i = lowerBound(slot: key, combo: c)
        return i < slot.count && slot[i] == key && combo[i] == c ? i : nil
    }

    /// Inserts new (sorted) rows, rebuilding only the tail from the first insertion point.
    mutating func merge(_ inserts: [(Int32, Int32, Int32)]) {
        guard let firstInsert = inserts.first else { return }
        let start = lowerBound(slot: firstInsert.0, combo: firstInsert.1)
        let tailSlot = Array(slot[start...]), tailCombo = Array(combo[start...]), tailCount = Array(count[start...])
        slot.removeSubrange(start...)
        combo.removeSubrange(start...)
        count.removeSubrange(start...)
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
