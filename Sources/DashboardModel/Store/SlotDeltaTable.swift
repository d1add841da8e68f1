/// Count changes per (slot, combination): an open-addressing hash table of integer pairs with a cheap hash, for
/// the writer's hot path (a Swift `Dictionary` hashes every key with SipHash, which cost an import more than
/// SQLite's own work on the same rows).
struct SlotDeltaTable {
    private struct Entry {
        var slot: Int64
        var combo: Int64
        var delta: Int64
        var used: Bool
    }

    private var entries: [Entry]
    private(set) var count = 0
    private var mask: Int

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        entries = Array(repeating: Entry(slot: 0, combo: 0, delta: 0, used: false), count: size)
        mask = size - 1
    }

    var isEmpty: Bool { count == 0 }

    @inline(__always) private static func hash(_ slot: Int64, _ combo: Int64) -> Int {
        var h = UInt64(bitPattern: slot) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(bitPattern: combo) &* 0xC2B2_AE3D_27D4_EB4F
        h ^= h >> 29
        return Int(truncatingIfNeeded: h)
    }

    mutating func add(slot: Int64, combo: Int64, _ delta: Int64) {
        if (count + 1) * 4 > (mask + 1) * 3 { grow() }
        let mask = self.mask
        let added: Bool = entries.withUnsafeMutableBufferPointer { table in
            var i = Self.hash(slot, combo) & mask
            while table[i].used {
                if table[i].slot == slot && table[i].combo == combo {
                    table[i].delta += delta
                    return false
                }
                i = (i + 1) & mask
            }
            table[i] = Entry(slot: slot, combo: combo, delta: delta, used: true)
            return true
        }
        if added { count += 1 }
    }

    /// The non-zero changes sorted by (slot, combination).
    func sortedEntries() -> [(slot: Int64, combo: Int64, delta: Int64)] {
        // Slots and combinations of real data fit 32 bits: then one 64-bit key, in the same order, sorts faster than
        // the pair, and the entries are packed straight from the table (at a million rows of a first sync's
        // transaction the table holds about 700,000: the copies a sort makes are the writer's peak of memory).
        var packed: [(key: UInt64, delta: Int64)] = []
        packed.reserveCapacity(count)
        for entry in entries where entry.used && entry.delta != 0 {
            guard entry.slot >= Int64(Int32.min), entry.slot <= Int64(Int32.max), entry.combo >= 0, entry.combo <= Int64(UInt32.max) else {
                return pairsSorted()
            }
            packed.append((UInt64(bitPattern: entry.slot &- Int64(Int32.min)) << 32 | UInt64(entry.combo), entry.delta))
        }
        packed.sort { $0.key < $1.key }
        return packed.map {
            (slot: Int64(bitPattern: $0.key >> 32) &+ Int64(Int32.min), combo: Int64($0.key & 0xFFFF_FFFF), delta: $0.delta)
        }
    }

    /// `sortedEntries` for slots or combinations beyond 32 bits.
    private func pairsSorted() -> [(slot: Int64, combo: Int64, delta: Int64)] {
        var out: [(slot: Int64, combo: Int64, delta: Int64)] = []
        out.reserveCapacity(count)
        for entry in entries where entry.used && entry.delta != 0 { out.append((entry.slot, entry.combo, entry.delta)) }
        out.sort { ($0.slot, $0.combo) < ($1.slot, $1.combo) }
        return out
    }

    private mutating func grow() {
        let old = entries
        self = SlotDeltaTable(capacity: mask + 1)
        for entry in old where entry.used { add(slot: entry.slot, combo: entry.combo, entry.delta) }
    }
}
