import Foundation
import Synchronization

/// From filters to everything the dashboard shows, by summing the in-memory slot counts.
/// Cost: the slot rows inside the date range plus one pass over the combinations; never the delivery rows.
public enum MetricsEngine {
    /// - Parameters:
    ///   - abandonRule: the compliance figure's window (`DashboardData.compliance`).
    ///   - periodFigures: whether to compute the previous period and the compliance figure (the benchmark turns them
    ///     off to measure what they cost; everything else leaves them on).
    ///   - facets: whether to count the sidebar's values (`DashboardData.facets`); what has no sidebar (the JSON and
    ///     CSV snapshots) leaves them empty.
    public static func compute(index: AggregateIndex, filters: DashboardFilters, now: Date = Date(),
                               abandonRule: AbandonRule = .default, periodFigures: Bool = true,
                               facets: Bool = true) -> DashboardData {
        compute(index: index, filters: filters, now: now, parallelFrom: parallelRows, abandonRule: abandonRule,
                periodFigures: periodFigures, facets: facets)
    }

    /// - Parameter parallelFrom: rows in range from which the scan runs on two threads (tests lower it).
    static func compute(index: AggregateIndex, filters: DashboardFilters, now: Date, parallelFrom: Int,
                        abandonRule: AbandonRule = .default, periodFigures: Bool = true,
                        facets: Bool = true) -> DashboardData {
        let zone = filters.zone
        let nowSeconds = Int64(now.timeIntervalSince1970)
        let today = LocalDate.containing(epochSeconds: nowSeconds, in: zone)
        let (from, to) = filters.range.bounds(today: today)
        let matcher = FilterMatcher(index: index, filters: filters)
        let comboCount = index.combos.count
        let statusCount = max(index.allValues(.status).count, 1)

        var comboTotals = [Int](repeating: 0, count: comboCount)
        var dayStatus: [Int] = []
        var firstDay = today

        if let (minSlot, maxSlot) = index.slotExtent {
            let dataFirst = LocalDate.containing(epochSeconds: minSlot * TimeSlots.slotSeconds, in: zone)
            let dataLast = LocalDate.containing(epochSeconds: maxSlot * TimeSlots.slotSeconds + 899, in: zone)
            let lo = max(from ?? dataFirst, dataFirst)
            let hi = min(to ?? dataLast, dataLast)
            if lo <= hi {
                firstDay = lo
                let starts = index.dayStarts(zone: zone, first: lo, last: hi)
                let boundaries = starts.map { TimeSlots.slotStarting(atOrAfter: $0) }
                let dayCount = boundaries.count - 1
                dayStatus = [Int](repeating: 0, count: dayCount * statusCount)
                scan(index: index, matcher: matcher, boundaries: boundaries, statusCount: statusCount,
                     parallelFrom: parallelFrom, comboTotals: &comboTotals, dayStatus: &dayStatus)
            }
        }

        var builder = DashboardBuilder(index: index, filters: filters, matcher: matcher, comboTotals: comboTotals)
        builder.addDays(dayStatus: dayStatus, statusCount: statusCount, firstDay: firstDay)
        var data = builder.build(from: from, to: to, readAt: now, changedAt: index.changedAt, facets: facets)
        if periodFigures, let from, let to {
            data.previous = PreviousPeriodCalculator.compute(index: index, filters: filters, matcher: matcher, from: from, to: to)
        }
        let bounded: (from: LocalDate, to: LocalDate)? = from.flatMap { f in to.map { (f, $0) } }
        if periodFigures {
            data.compliance = ComplianceCalculator.compute(index: index, filters: filters, rule: abandonRule, last: to ?? today,
                                                           range: bounded, rangeTotals: comboTotals)
        }
        data.live = LiveFiguresCalculator.compute(index: index, matcher: matcher, now: nowSeconds,
                                                  total: data.totalDeliveries, processed: data.processed,
                                                  processedByResult: data.processedByResult)
        return data
    }

    /// Rows in range from which the scan is split over two threads (below, a thread costs more than it saves).
    static let parallelRows = 300_000

    /// The hot loop: the block rows of the range's days and the slot rows of their ends (`RangeScan`) once the
    /// index has them, else every slot row of the range, once. A long range (a year of a large store) is then cut
    /// in two halves summed on two threads, then added together.
    private static func scan(index: AggregateIndex, matcher: FilterMatcher, boundaries: [Int64], statusCount: Int,
                             parallelFrom: Int, comboTotals: inout [Int], dayStatus: inout [Int]) {
        let statusOf = index.combos.map { $0?.statusIndex ?? 0 }
        let failures = matcher.failures
        if let blocks = index.readyBlockRows() {
            RangeScan.sum(rows: index.rows, blocks: blocks, boundaries: boundaries, failures: failures, statusOf: statusOf,
                          statusCount: statusCount, comboTotals: &comboTotals, dayStatus: &dayStatus)
            return
        }
        let start = index.lowerBound(slot: boundaries[0])
        let end = index.lowerBound(slot: boundaries[boundaries.count - 1])
        guard start < end else { return }
        let rows = index.rows  // the three columns, shared (not copied); a value the scan's threads may read
        if end - start < max(2, parallelFrom) {
            scanRows(start..<end, rows: rows, failures: failures, statusOf: statusOf, boundaries: boundaries,
                     statusCount: statusCount, comboTotals: &comboTotals, dayStatus: &dayStatus)
            return
        }
        let mid = start + (end - start) / 2
        let (comboCount, dayCells) = (comboTotals.count, dayStatus.count)
        // Each thread stores its half once, when it is summed (two locks a frame).
        let sums = Mutex([(totals: [Int], days: [Int])](repeating: ([], []), count: 2))
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            var totals = [Int](repeating: 0, count: comboCount), days = [Int](repeating: 0, count: dayCells)
            scanRows(half == 0 ? start..<mid : mid..<end, rows: rows, failures: failures, statusOf: statusOf,
                     boundaries: boundaries, statusCount: statusCount, comboTotals: &totals, dayStatus: &days)
            sums.withLock { $0[half] = (totals, days) }
        }
        let halves = sums.withLock { $0 }
        for half in halves {
            for k in 0..<comboCount { comboTotals[k] += half.totals[k] }
            for k in 0..<dayCells { dayStatus[k] += half.days[k] }
        }
    }

    /// Sums the rows of `rows` (all within the boundaries) into per-combination totals and per-day status counts,
    /// a run of rows (one slot) at a time: the day is found once a run, not once a row.
    private static func scanRows(_ range: Range<Int>, rows: SlotRows, failures: [UInt8], statusOf: [Int32],
                                 boundaries: [Int64], statusCount: Int, comboTotals: inout [Int], dayStatus: inout [Int]) {
        guard !range.isEmpty else { return }
        var day = 0
        var nextBoundary = boundaries[1]
        var run = rows.run(containing: range.lowerBound)
        var i = range.lowerBound
        rows.runSlot.withUnsafeBufferPointer { runSlot in
            rows.combo.withUnsafeBufferPointer { comboBuf in
                rows.count.withUnsafeBufferPointer { countBuf in
                    comboTotals.withUnsafeMutableBufferPointer { totals in
                        dayStatus.withUnsafeMutableBufferPointer { days in
                            while i < range.upperBound {
                                let slot = Int64(runSlot[run])
                                while slot >= nextBoundary {
                                    day += 1
                                    nextBoundary = boundaries[day + 1]
                                }
                                let end = min(range.upperBound, rows.runEnd(run))
                                let dayBase = day * statusCount
                                for j in i..<end {
                                    let combo = Int(comboBuf[j])
                                    let count = Int(countBuf[j])
                                    totals[combo] += count
                                    if failures[combo] == 0 {
                                        days[dayBase + Int(statusOf[combo])] += count
                                    }
                                }
                                i = end
                                run += 1
                            }
                        }
                    }
                }
            }
        }
    }
}
