/// Sums a run of local days (slot boundaries `b0 < b1 < ... < bn`, day k being slots `bk ..< bk+1`) from the block
/// rows and the slot rows: per-combination totals over `b0 ..< bn` and, when asked, per-day status counts of the
/// combinations the filters pass. The same sums as a pass over every slot row of the days (`MetricsEngine`'s slot
/// scan), for about a fifth of the reads on a year.
///
/// Each UTC block the days touch is cut into pieces at the boundaries: a piece lies in one day, or outside the days
/// (at the two ends). A block whose pieces are all one day adds its entries; a block cut in two or more adds its
/// entries to the piece with the most slot rows and moves the other pieces' rows from it to where they belong (out
/// of the totals for a piece outside the days, to their own day otherwise); a block where that reads more than its
/// slot rows inside the days adds those rows instead. Blocks outside the block rows hold no deliveries.
enum RangeScan {
    /// - Parameters:
    ///   - statusCount: status values (the day cells' width); 0 for totals only (`dayStatus` is then not read).
    ///   - failures: per combination, the filters it fails (status counts only for 0); may be empty with no status.
    ///   - statusOf: per combination, its status value index; may be empty with no status.
    static func sum(rows: SlotRows, blocks: BlockRows, boundaries: [Int64], failures: [UInt8], statusOf: [Int32],
                    statusCount: Int, comboTotals: inout [Int], dayStatus: inout [Int]) {
        guard boundaries.count >= 2, !blocks.blocks.isEmpty, boundaries[0] < boundaries[boundaries.count - 1] else { return }
        let firstBlock = max(BlockRows.block(ofSlot: boundaries[0]), blocks.firstBlock)
        let lastBlock = min(BlockRows.block(ofSlot: boundaries[boundaries.count - 1] - 1), blocks.lastBlock)
        guard firstBlock <= lastBlock else { return }
        let n = boundaries.count - 1
        // Day cells one wider than the statuses, and one day more: a combination the filters fail adds to its day's
        // last cell, a piece with no day to add to (or take from) uses the last day, so the loops never branch on
        // data. Copied into `dayStatus` at the end.
        let width = statusCount + 1
        let column: [Int32] = (0..<comboTotals.count).map { c in
            statusCount > 0 && c < failures.count && failures[c] == 0 && c < statusOf.count ? statusOf[c] : Int32(statusCount)
        }
        var cells = [Int](repeating: 0, count: (n + 1) * width)
        let nowhere = n
        var cursor = RunCursor(rows: rows, slot: firstBlock * BlockRows.slotsPerBlock)
        var pieces: [Piece] = []
        pieces.reserveCapacity(4)
        var day = 0  // the last day whose first boundary is at or before the piece's start
        rows.combo.withUnsafeBufferPointer { combos in
            rows.count.withUnsafeBufferPointer { counts in
                comboTotals.withUnsafeMutableBufferPointer { totals in
                    cells.withUnsafeMutableBufferPointer { cells in
                        column.withUnsafeBufferPointer { column in
                            /// Adds rows `r` to the totals `totalSign` times, to day `plus`'s cells and takes
                            /// them from day `minus`'s (`nowhere`: none).
                            func addRows(_ r: Range<Int>, totalSign: Int, plus: Int, minus: Int) {
                                let (plusBase, minusBase) = (plus * width, minus * width)
                                for j in r {
                                    let c = Int(combos[j]), k = Int(counts[j])
                                    totals[c] += totalSign * k
                                    let s = Int(column[c])
                                    cells[plusBase + s] += k
                                    cells[minusBase + s] -= k
                                }
                            }
                            func addEntries(_ entries: [BlockRows.Entry], day: Int) {
                                entries.withUnsafeBufferPointer { entries in
                                    let base = day * width
                                    for e in entries {
                                        let c = Int(e.combo), k = Int(e.count)
                                        totals[c] += k
                                        cells[base + Int(column[c])] += k
                                    }
                                }
                            }
                            for b in firstBlock...lastBlock {
                                let start = b * BlockRows.slotsPerBlock, end = start + BlockRows.slotsPerBlock
                                // The block's pieces: outside the days (-1) or in day `day`.
                                pieces.removeAll(keepingCapacity: true)
                                var at = start
                                while at < end {
                                    let to: Int64, owner: Int
                                    if at < boundaries[0] {
                                        (to, owner) = (min(end, boundaries[0]), -1)
                                    } else if at >= boundaries[n] {
                                        (to, owner) = (end, -1)
                                    } else {
                                        while boundaries[day + 1] <= at { day += 1 }
                                        (to, owner) = (min(end, boundaries[day + 1]), day)
                                    }
                                    let first = cursor.row(atSlot: at), last = cursor.row(atSlot: to)
                                    pieces.append(Piece(rows: first..<last, day: owner))
                                    at = to
                                }
                                // The inside piece with the most rows takes the block's entries.
                                var largest = -1, inside = 0, all = 0
                                for (k, p) in pieces.enumerated() {
                                    all += p.rows.count
                                    guard p.day >= 0 else { continue }
                                    inside += p.rows.count
                                    if largest < 0 || p.rows.count > pieces[largest].rows.count { largest = k }
                                }
                                guard largest >= 0 else { continue }
                                let entries = blocks.entries(b)
                                let fromBlock = entries.count + all - pieces[largest].rows.count
                                if pieces.count == 1 || fromBlock < inside {
                                    let owner = pieces[largest].day
                                    addEntries(entries, day: owner)
                                    for (k, p) in pieces.enumerated() where k != largest && !p.rows.isEmpty {
                                        if p.day < 0 {
                                            addRows(p.rows, totalSign: -1, plus: nowhere, minus: owner)
                                        } else {
                                            addRows(p.rows, totalSign: 0, plus: p.day, minus: owner)
                                        }
                                    }
                                } else {
                                    for p in pieces where p.day >= 0 && !p.rows.isEmpty {
                                        addRows(p.rows, totalSign: 1, plus: p.day, minus: nowhere)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        guard statusCount > 0 else { return }
        for d in 0..<n {
            for s in 0..<statusCount { dayStatus[d * statusCount + s] += cells[d * width + s] }
        }
    }

    /// Per-combination totals of slots `from ..< to` (no day cells).
    static func totals(rows: SlotRows, blocks: BlockRows, from: Int64, to: Int64, comboCount: Int) -> [Int] {
        var totals = [Int](repeating: 0, count: comboCount)
        var none: [Int] = []
        guard from < to else { return totals }
        sum(rows: rows, blocks: blocks, boundaries: [from, to], failures: [], statusOf: [], statusCount: 0,
            comboTotals: &totals, dayStatus: &none)
        return totals
    }

    private struct Piece {
        var rows: Range<Int>
        var day: Int
    }

    /// The first row at or after a slot, for slots asked in ascending order: a walk over the runs.
    private struct RunCursor {
        private let runSlot: [Int32]
        private let runStart: [Int]
        private let rowCount: Int
        private var run: Int

        init(rows: SlotRows, slot: Int64) {
            runSlot = rows.runSlot
            runStart = rows.runStart
            rowCount = rows.rowCount
            var lo = 0, hi = runSlot.count  // the first run whose slot is >= slot
            while lo < hi {
                let mid = (lo + hi) / 2
                if Int64(runSlot[mid]) < slot { lo = mid + 1 } else { hi = mid }
            }
            run = lo
        }

        mutating func row(atSlot slot: Int64) -> Int {
            while run < runSlot.count && Int64(runSlot[run]) < slot { run += 1 }
            return run < runSlot.count ? runStart[run] : rowCount
        }
    }
}
