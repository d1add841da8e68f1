import Foundation

/// From filters to everything the dashboard shows, by summing the in-memory slot counts.
/// Cost: the slot rows inside the date range plus one pass over the combinations; never the delivery rows.
public enum MetricsEngine {
    public static func compute(index: AggregateIndex, filters: DashboardFilters, now: Date = Date()) -> DashboardData {
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
                     comboTotals: &comboTotals, dayStatus: &dayStatus)
            }
        }

        var builder = DashboardBuilder(index: index, filters: filters, matcher: matcher, comboTotals: comboTotals)
        builder.addDays(dayStatus: dayStatus, statusCount: statusCount, firstDay: firstDay)
        var data = builder.build(from: from, to: to, readAt: now, changedAt: index.changedAt)
        data.live = LiveFiguresCalculator.compute(index: index, matcher: matcher, now: nowSeconds,
                                                  total: data.totalDeliveries, processed: data.processed,
                                                  processedByResult: data.processedByResult)
        return data
    }

    /// The hot loop: every slot row of the range, once.
    private static func scan(index: AggregateIndex, matcher: FilterMatcher, boundaries: [Int64], statusCount: Int,
                             comboTotals: inout [Int], dayStatus: inout [Int]) {
        let endSlot = boundaries[boundaries.count - 1]
        var i = index.lowerBound(slot: boundaries[0])
        var day = 0
        var nextBoundary = boundaries[1]
        let slots = index.rowSlot, combos = index.rowCombo, counts = index.rowCount
        let statusOf = index.combos.map { $0?.statusIndex ?? 0 }
        let failures = matcher.failures
        slots.withUnsafeBufferPointer { slotBuf in
            combos.withUnsafeBufferPointer { comboBuf in
                counts.withUnsafeBufferPointer { countBuf in
                    comboTotals.withUnsafeMutableBufferPointer { totals in
                        dayStatus.withUnsafeMutableBufferPointer { days in
                            let n = slotBuf.count
                            while i < n {
                                let slot = Int64(slotBuf[i])
                                if slot >= endSlot { break }
                                while slot >= nextBoundary {
                                    day += 1
                                    nextBoundary = boundaries[day + 1]
                                }
                                let combo = Int(comboBuf[i])
                                let count = Int(countBuf[i])
                                totals[combo] += count
                                if failures[combo] == 0 {
                                    days[day * statusCount + Int(statusOf[combo])] += count
                                }
                                i += 1
                            }
                        }
                    }
                }
            }
        }
    }
}
