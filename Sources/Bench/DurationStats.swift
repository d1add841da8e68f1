import DashboardModel
/// Median, 95th percentile (nearest rank), maximum and mean of a set of timings in milliseconds.
public struct DurationStats: Sendable {
    public let count: Int
    public let median: Double
    public let p95: Double
    public let max: Double
    public let mean: Double
    public let total: Double

    public init(_ samples: [Double]) {
        let sorted = samples.sorted()
        count = sorted.count
        total = sorted.reduce(0, +)
        guard !sorted.isEmpty else { median = 0; p95 = 0; max = 0; mean = 0; return }
        let mid = sorted.count / 2
        median = sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
        let rank = Int((0.95 * Double(sorted.count)).rounded(.up))
        p95 = sorted[Swift.max(0, Swift.min(sorted.count - 1, rank - 1))]
        max = sorted[sorted.count - 1]
        mean = total / Double(sorted.count)
    }
}
