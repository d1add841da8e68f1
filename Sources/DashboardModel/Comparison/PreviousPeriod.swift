/// Deliveries and processed ones of a row of a table (a configuration, a queue) in the previous period.
public struct PeriodCounts: Hashable, Sendable {
    public var total: Int
    public var processed: Int
    public init(total: Int, processed: Int) {
        self.total = total
        self.processed = processed
    }
}

/// The same figures for the period just before the range: as many local days, ending the day before it starts
/// (none for an unbounded range). Every filter applies, as it does to the range.
public struct PreviousPeriod: Hashable, Sendable {
    public var from: LocalDate
    public var to: LocalDate
    public var totalDeliveries: Int
    public var processed: Int
    /// In legend order (as `DashboardData.deliveriesByStatus`), non-zero entries only.
    public var deliveriesByStatus: [CountEntry]
    /// By configuration id and queue id; a row the previous period did not have is absent (reads as zero).
    public var byConfiguration: [String: PeriodCounts]
    public var byQueue: [String: PeriodCounts]
    /// Processed / total; nil when there were no deliveries.
    public var processedRate: Double?
    /// Over attempted (processed), as `LiveFigures`: nil when nothing was processed.
    public var abandonedRate: Double?
    public var connectRate: Double?

    public init(from: LocalDate, to: LocalDate, totalDeliveries: Int, processed: Int, deliveriesByStatus: [CountEntry],
                byConfiguration: [String: PeriodCounts] = [:], byQueue: [String: PeriodCounts] = [:],
                processedRate: Double? = nil, abandonedRate: Double? = nil, connectRate: Double? = nil) {
        self.from = from
        self.to = to
        self.totalDeliveries = totalDeliveries
        self.processed = processed
        self.deliveriesByStatus = deliveriesByStatus
        self.byConfiguration = byConfiguration
        self.byQueue = byQueue
        self.processedRate = processedRate
        self.abandonedRate = abandonedRate
        self.connectRate = connectRate
    }

    /// The previous period of the days `from ... to`: the same number of days just before.
    public static func days(before from: LocalDate, through to: LocalDate) -> (from: LocalDate, to: LocalDate) {
        let count = to.dayNumber - from.dayNumber + 1
        return (from.adding(days: -count), from.adding(days: -1))
    }

    /// The count of a status in the previous period (zero when absent).
    public func count(of status: String) -> Int { deliveriesByStatus.first { $0.label == status }?.count ?? 0 }
}
