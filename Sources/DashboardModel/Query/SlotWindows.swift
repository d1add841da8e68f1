import Foundation

/// The slot ranges one `MetricsEngine.compute` reads, worked out before the store is read: the range's days, the
/// previous period's and the compliance window's (each from its first day's start to the start of the day after
/// its last, in the zone, as the engine's own scans bound them), merged. A snapshot of a month loads only these
/// slot rows (`AggregateIndex.Purpose.snapshot`); an unbounded range reads every slot and has none.
public struct SlotWindows: Equatable, Sendable {
    /// Half-open, sorted, disjoint, none empty.
    public private(set) var ranges: [Range<Int64>]

    init(_ ranges: [Range<Int64>]) {
        var merged: [Range<Int64>] = []
        for r in ranges.filter({ !$0.isEmpty }).sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, r.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
            } else {
                merged.append(r)
            }
        }
        self.ranges = merged
    }

    /// What `MetricsEngine.compute(filters:now:abandonRule:)` reads for a range in a zone at `now`; nil when the range
    /// is unbounded (every slot).
    public static func read(range: DateRange, zone: TimeZone, now: Date, abandonRule: AbandonRule) -> SlotWindows? {
        let today = LocalDate.containing(epochSeconds: Int64(now.timeIntervalSince1970), in: zone)
        let (from, to) = range.bounds(today: today)
        guard let from, let to else { return nil }
        func days(_ first: LocalDate, _ last: LocalDate) -> Range<Int64> {
            guard first <= last else { return 0..<0 }
            let start = TimeSlots.slotStarting(atOrAfter: first.startInstant(in: zone))
            let end = TimeSlots.slotStarting(atOrAfter: last.adding(days: 1).startInstant(in: zone))
            return start..<max(start, end)
        }
        let previous = PreviousPeriod.days(before: from, through: to)
        let compliance = abandonRule.window(endingOn: to)
        return SlotWindows([days(from, to), days(previous.from, previous.to), days(compliance.from, compliance.to)])
    }

    public func contains(slot: Int64) -> Bool {
        // A few ranges: a scan.
        ranges.contains { $0.contains(slot) }
    }
}
