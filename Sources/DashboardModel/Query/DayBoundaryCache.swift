import Foundation

/// Start instants of local days, by zone and range, kept for the next filter change (a zone's midnights cost a
/// calendar computation each; the same range is asked for again and again).
struct DayBoundaryCache {
    private var cache: [String: [Int64]] = [:]
    /// Ranges kept before the cache starts again.
    static let capacity = 64

    /// Start instants (UTC seconds) of the days `first ... last + 1` in `zone`.
    mutating func dayStarts(zone: TimeZone, first: LocalDate, last: LocalDate) -> [Int64] {
        let key = "\(zone.identifier)|\(first.dayNumber)|\(last.dayNumber)"
        if let cached = cache[key] { return cached }
        var starts: [Int64] = []
        starts.reserveCapacity(last.dayNumber - first.dayNumber + 2)
        var day = first
        while day <= last.adding(days: 1) {
            starts.append(day.startInstant(in: zone))
            day = day.adding(days: 1)
        }
        if cache.count > Self.capacity { cache.removeAll() }
        cache[key] = starts
        return starts
    }
}
