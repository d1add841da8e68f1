import CoreValues

/// How many days one column of a date chart covers.
public enum DateGranularity: Int, Hashable, Sendable, CaseIterable {
    case day, week, month, year

    /// What the axis says when columns are not single days.
    var axisNote: String {
        switch self {
        case .day: "daily"
        case .week: "weekly"
        case .month: "monthly"
        case .year: "yearly"
        }
    }

    /// The first day of the bucket holding `date` (weeks start on Monday).
    func bucketStart(_ date: LocalDate) -> LocalDate {
        switch self {
        case .day: date
        case .week: date.adding(days: -date.weekday)
        case .month: LocalDate(year: date.year, month: date.month, day: 1)
        case .year: LocalDate(year: date.year, month: 1, day: 1)
        }
    }

    /// The first day of the bucket after the one starting at `start`.
    func nextStart(_ start: LocalDate) -> LocalDate {
        switch self {
        case .day: start.adding(days: 1)
        case .week: start.adding(days: 7)
        case .month: start.month == 12 ? LocalDate(year: start.year + 1, month: 1, day: 1)
            : LocalDate(year: start.year, month: start.month + 1, day: 1)
        case .year: LocalDate(year: start.year + 1, month: 1, day: 1)
        }
    }

    /// The axis label of a bucket: `MM-DD` for days and weeks (the week's Monday), `YYYY-MM`, `YYYY`.
    public func label(_ start: LocalDate) -> String {
        switch self {
        case .day, .week: String(start.iso.dropFirst(5))
        case .month: String(start.iso.prefix(7))
        case .year: String(start.iso.prefix(4))
        }
    }
}

/// One column of the status chart: the days it covers and its count per series.
public struct DateBucket: Hashable, Sendable {
    /// First and last day covered (inclusive), clipped to the chart's range.
    public var start: LocalDate
    public var end: LocalDate
    /// Counts in series order.
    public var counts: [Int]
    public var total: Int { counts.reduce(0, +) }
}

/// Groups days into consecutive buckets (empty days included, so the axis is a true time axis).
enum DateBucketing {
    /// The finest granularity that gives at most `maxColumns` buckets over `from...to`, and those buckets.
    public static func buckets(days: [DayCounts], series: [String], from: LocalDate, to: LocalDate,
                               maxColumns: Int) -> (DateGranularity, [DateBucket]) {
        // A granularity that gives too many columns is rejected on its count alone: its days are not summed.
        // (nor are its buckets built: a year's days would be 365 arrays a frame).
        for granularity in DateGranularity.allCases
        where granularity == .year || bucketCount(from: from, to: to, granularity: granularity) <= max(1, maxColumns) {
            let empty = emptyBuckets(series: series, from: from, to: to, granularity: granularity)
            return (granularity, fill(empty, days: days, series: series, from: from, to: to))
        }
        return (.year, [])
    }

    public static func buckets(days: [DayCounts], series: [String], from: LocalDate, to: LocalDate,
                               granularity: DateGranularity) -> [DateBucket] {
        fill(emptyBuckets(series: series, from: from, to: to, granularity: granularity), days: days, series: series,
             from: from, to: to)
    }

    /// How many buckets `emptyBuckets` gives (counted, not built).
    static func bucketCount(from: LocalDate, to: LocalDate, granularity: DateGranularity) -> Int {
        guard from <= to else { return 0 }
        switch granularity {
        case .day: return to.dayNumber - from.dayNumber + 1
        case .week: return (granularity.bucketStart(to).dayNumber - granularity.bucketStart(from).dayNumber) / 7 + 1
        case .month: return (to.year - from.year) * 12 + to.month - from.month + 1
        case .year: return to.year - from.year + 1
        }
    }

    /// The buckets over `from...to`, counts zero.
    static func emptyBuckets(series: [String], from: LocalDate, to: LocalDate, granularity: DateGranularity) -> [DateBucket] {
        guard from <= to else { return [] }
        var result: [DateBucket] = []
        var start = granularity.bucketStart(from)
        while start <= to {
            let next = granularity.nextStart(start)
            result.append(DateBucket(start: max(start, from), end: min(next.adding(days: -1), to),
                                     counts: Array(repeating: 0, count: series.count)))
            start = next
        }
        return result
    }

    /// Adds each day in `from...to` to the bucket holding it. The buckets are consecutive and in order, so the
    /// one holding a day is the last starting on or before it (found by halving, not by a scan of them all).
    static func fill(_ buckets: [DateBucket], days: [DayCounts], series: [String], from: LocalDate,
                     to: LocalDate) -> [DateBucket] {
        var result = buckets
        guard !result.isEmpty else { return result }
        let index = Dictionary(uniqueKeysWithValues: series.enumerated().map { ($0.element, $0.offset) })
        for day in days where day.date >= from && day.date <= to {
            var low = 0, high = result.count  // the first bucket starting after the day is in low..<high+1
            while low < high {
                let mid = (low + high) / 2
                if result[mid].start <= day.date { low = mid + 1 } else { high = mid }
            }
            let b = low - 1
            guard b >= 0, day.date <= result[b].end else { continue }
            for (k, entry) in day.counts.enumerated() {
                // A day's counts come in the series' order: the label at the same place is checked first.
                if k < series.count, series[k] == entry.label {
                    result[b].counts[k] += entry.count
                } else if let s = index[entry.label] {
                    result[b].counts[s] += entry.count
                }
            }
        }
        return result
    }
}
