/// The slot rows summed per UTC *block* of `slotsPerBlock` slots (6 hours) and combination: what a long range sums
/// instead of its slot rows. A 10M-delivery store has 3.1M slot rows but 0.6M (block, combination) pairs: a block
/// holds on average 24 slots of ~90 rows but only ~410 combinations. Blocks are UTC, so one set serves every zone:
/// a local day in any zone is the blocks inside it plus, at each end, part of a block (under 3 hours: the smaller
/// side of the cut is summed from the slot rows and taken off the block, `RangeScan`). Per-local-day rows would
/// hold 0.28M pairs but only for one zone, and the dashboard's zone changes with a key.
///
/// Built from the slot rows in one pass (`build`), off the first frame's path (`BlockRowsBuild`); blocks whose
/// slots a refresh changed are built again from the slot rows (`rebuild`). Each block's entries are in the order
/// its combinations first appear in its slot rows (a scan adds them into per-combination arrays, so no order is
/// needed), so a rebuilt block equals a freshly built one.
struct BlockRows: Equatable {
    /// One combination's deliveries in one block (only counts above 0 are held).
    struct Entry: Equatable {
        var combo: Int32
        var count: Int32
    }

    static let slotsPerBlock: Int64 = 24

    /// Block number (slot / slotsPerBlock, rounded down) of `blocks[0]`.
    private(set) var firstBlock: Int64 = 0
    /// Consecutive blocks from `firstBlock`; an empty one holds no deliveries.
    private(set) var blocks: [[Entry]] = []

    var lastBlock: Int64 { firstBlock + Int64(blocks.count) - 1 }
    var entryCount: Int { blocks.reduce(0) { $0 + $1.count } }
    /// Bytes held (for the benchmark's memory report).
    var approximateBytes: Int { entryCount * MemoryLayout<Entry>.stride + blocks.count * 32 }

    static func block(ofSlot slot: Int64) -> Int64 {
        slot >= 0 ? slot / slotsPerBlock : (slot - slotsPerBlock + 1) / slotsPerBlock
    }

    /// The entries of block `b`; empty outside the blocks held (the rows hold no delivery there: `covers`).
    func entries(_ b: Int64) -> [Entry] {
        b >= firstBlock && b <= lastBlock ? blocks[Int(b - firstBlock)] : []
    }

    /// Every block of the rows, or nil when a block's sum for a combination exceeds an Int32 (a store altered by
    /// hand: the slot rows are then summed as they are).
    static func build(from rows: SlotRows, comboCount: Int) -> BlockRows? {
        var result = BlockRows()
        guard let first = rows.runSlot.first, let last = rows.runSlot.last else { return result }
        result.firstBlock = block(ofSlot: Int64(first))
        let count = Int(block(ofSlot: Int64(last)) - result.firstBlock) + 1
        var summer = BlockSummer(comboCount: comboCount)
        result.blocks.reserveCapacity(count)
        var run = 0
        for k in 0..<count {
            let b = result.firstBlock + Int64(k)
            let end = Int32(clamping: (b + 1) * slotsPerBlock)
            let firstRow = run < rows.runSlot.count ? rows.runStart[run] : rows.rowCount
            while run < rows.runSlot.count && rows.runSlot[run] < end { run += 1 }
            let endRow = run < rows.runSlot.count ? rows.runStart[run] : rows.rowCount
            guard let entries = summer.sum(rows, firstRow..<endRow) else { return nil }
            result.blocks.append(entries)
        }
        return result
    }

    /// Builds the given blocks again from the rows (after a refresh changed slots in them), growing the blocks held
    /// to reach them. False when a block's sum no longer fits an Int32 (the caller drops these block rows).
    mutating func rebuild(blocks changed: Set<Int64>, from rows: SlotRows, comboCount: Int) -> Bool {
        guard let low = changed.min(), let high = changed.max() else { return true }
        if blocks.isEmpty {
            firstBlock = low
            blocks = Array(repeating: [], count: Int(high - low) + 1)
        } else {
            if low < firstBlock {
                blocks.insert(contentsOf: repeatElement([], count: Int(firstBlock - low)), at: 0)
                firstBlock = low
            }
            if high > lastBlock { blocks.append(contentsOf: repeatElement([], count: Int(high - lastBlock))) }
        }
        var summer = BlockSummer(comboCount: comboCount)
        for b in changed {
            let start = rows.lowerBound(slot: b * Self.slotsPerBlock)
            let end = rows.lowerBound(slot: (b + 1) * Self.slotsPerBlock)
            guard let entries = summer.sum(rows, start..<end) else { return false }
            blocks[Int(b - firstBlock)] = entries
        }
        return true
    }
}

/// Sums slot rows per combination into a block's entries, with one dense array reused from block to block.
private struct BlockSummer {
    private var sums: [Int64]
    private var touched: [Int32] = []

    init(comboCount: Int) { sums = [Int64](repeating: 0, count: max(comboCount, 1)) }

    /// The entries of rows `range` (in first-appearance order), or nil when a sum exceeds an Int32.
    mutating func sum(_ rows: SlotRows, _ range: Range<Int>) -> [BlockRows.Entry]? {
        guard !range.isEmpty else { return [] }
        // Out of `self` while the loop holds their buffers.
        var sums: [Int64] = [], touched: [Int32] = []
        swap(&sums, &self.sums)
        swap(&touched, &self.touched)
        defer {
            swap(&sums, &self.sums)
            swap(&touched, &self.touched)
        }
        touched.removeAll(keepingCapacity: true)
        rows.combo.withUnsafeBufferPointer { combos in
            rows.count.withUnsafeBufferPointer { counts in
                sums.withUnsafeMutableBufferPointer { sums in
                    for i in range {
                        let c = combos[i]
                        if sums[Int(c)] == 0 && counts[i] != 0 { touched.append(c) }
                        sums[Int(c)] += Int64(counts[i])
                    }
                }
            }
        }
        var entries: [BlockRows.Entry] = []
        entries.reserveCapacity(touched.count)
        var fits = true
        for c in touched {
            let n = sums[Int(c)]
            sums[Int(c)] = 0
            if n > Int64(Int32.max) { fits = false }
            entries.append(BlockRows.Entry(combo: c, count: Int32(truncatingIfNeeded: n)))
        }
        return fits ? entries : nil
    }
}
