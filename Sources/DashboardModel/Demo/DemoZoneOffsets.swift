import Foundation

/// UTC offsets of a time zone, hour by hour over a span, so that local times can be computed by arithmetic
/// instead of asking Foundation for every record. Exact for zones whose transitions fall on whole UTC hours
/// (all the usual ones, America/New_York included); outside the span the nearest hour's offset is used.
struct DemoZoneOffsets: Sendable {
    let firstHour: Int64
    let offsets: [Int32]

    init(zone: TimeZone, from: Int64, to: Int64) {
        firstHour = floorDiv(from, 3600) * 3600
        let hours = max(1, Int((floorDiv(to, 3600) * 3600 - firstHour) / 3600) + 1)
        var offsets: [Int32] = []
        offsets.reserveCapacity(hours)
        for h in 0..<hours {
            let instant = firstHour + Int64(h) * 3600
            offsets.append(Int32(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))))
        }
        self.offsets = offsets
    }

    @inline(__always) func offset(at t: Int64) -> Int64 {
        let index = Int(floorDiv(t - firstHour, 3600))
        return Int64(offsets[min(max(index, 0), offsets.count - 1)])
    }

    /// Seconds since 1970 in local wall-clock time.
    @inline(__always) func local(_ t: Int64) -> Int64 { t + offset(at: t) }

    /// The first instant at or after `t` that lies in the daily window [opens, closes) (seconds of the local day).
    @inline(__always) func nextInstant(inDailyWindowFrom opens: Int64, to closes: Int64, atOrAfter t: Int64) -> Int64 {
        let secondOfDay = local(t) - floorDiv(local(t), 86_400) * 86_400
        if secondOfDay < opens { return t + (opens - secondOfDay) }
        if secondOfDay >= closes { return t + (86_400 - secondOfDay + opens) }
        return t
    }
}
