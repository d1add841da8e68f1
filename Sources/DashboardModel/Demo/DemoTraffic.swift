/// How many deliveries arrive in each minute of the history: business hours in the center's zone, weekdays
/// heavier than weekends, slow growth, day-to-day noise, and a few campaign spikes.
struct DemoTraffic {
    /// The UTC instant the first minute starts at.
    let firstMinute: Int64
    /// Deliveries per minute; they add up to exactly the requested number.
    let counts: [Int32]

    /// Relative arrivals per local hour of the day (0...23): most between 08:00 and 20:00.
    static let hourly: [Double] = [
        0.02, 0.01, 0.01, 0.01, 0.01, 0.02, 0.05, 0.2, 0.7, 1.0, 1.1, 1.1,
        0.85, 0.95, 1.05, 1.0, 0.95, 0.8, 0.6, 0.45, 0.15, 0.07, 0.04, 0.03,
    ]
    /// Relative volume per weekday, Monday first.
    static let weekday: [Double] = [1.08, 1.0, 1.0, 0.97, 0.88, 0.33, 0.18]
    /// Growth over the whole history: the last day carries this much more than the first.
    static let growth = 0.35

    /// Minutes whose instants lie strictly after `start` and end no later than `end` - 1 carry the traffic.
    init(deliveries: Int, seed: UInt64, start: Int64, end: Int64, offsets: DemoZoneOffsets) {
        var rng = DemoRandom(seed: seed, stream: 1)
        let first = floorDiv(start, 60) * 60 + 60
        let last = floorDiv(end - 60, 60) * 60
        firstMinute = first
        let minutes = max(1, Int((last - first) / 60) + 1)

        // Per local day: weekday, growth, noise, and spikes (a heavier day with a burst of a few hours).
        let firstDay = floorDiv(offsets.local(first), 86_400)
        let lastDay = floorDiv(offsets.local(first + Int64(minutes) * 60), 86_400)
        let dayCount = Int(lastDay - firstDay) + 1
        var dayFactor = [Double](repeating: 1, count: dayCount)
        var burstHour = [Int](repeating: -1, count: dayCount)
        for d in 0..<dayCount {
            let dayNumber = firstDay + Int64(d)
            let weekday = Int(((dayNumber % 7) + 7 + 3) % 7)
            let position = dayCount > 1 ? Double(d) / Double(dayCount - 1) : 1
            dayFactor[d] = Self.weekday[weekday] * (1 + Self.growth * position) * (0.85 + 0.3 * rng.unit())
        }
        let spikes = max(1, dayCount / 30)
        for _ in 0..<spikes {
            let d = rng.below(dayCount)
            dayFactor[d] *= 1.5 + rng.unit()
            burstHour[d] = 9 + rng.below(8)
        }

        var weights = [Double](repeating: 0, count: minutes)
        var total = 0.0
        for m in 0..<minutes {
            let local = offsets.local(first + Int64(m) * 60)
            let day = floorDiv(local, 86_400)
            let secondOfDay = Int(local - day * 86_400)
            let hour = secondOfDay / 3600
            let fraction = Double(secondOfDay % 3600) / 3600
            let d = min(max(Int(day - firstDay), 0), dayCount - 1)
            // Interpolate between hours so the curve has no steps.
            var w = Self.hourly[hour] + (Self.hourly[(hour + 1) % 24] - Self.hourly[hour]) * fraction
            w *= dayFactor[d] * (0.7 + 0.6 * rng.unit())
            if burstHour[d] >= 0 && hour >= burstHour[d] && hour < burstHour[d] + 2 { w *= 3 }
            weights[m] = w
            total += w
        }

        // Cumulative rounding: every minute gets its share, and the shares add up exactly.
        var counts = [Int32](repeating: 0, count: minutes)
        var running = 0.0
        var assigned = 0
        let n = Double(deliveries)
        for m in 0..<minutes {
            running += weights[m]
            let upTo = m == minutes - 1 ? deliveries : min(deliveries, Int((n * running / total).rounded()))
            counts[m] = Int32(max(0, upTo - assigned))
            assigned = max(assigned, upTo)
        }
        self.counts = counts
    }
}
