import Foundation

/// A label and its count, as drawn in a legend or a slice.
public struct CountEntry: Hashable, Sendable {
    public var label: String
    public var count: Int
    public init(_ label: String, _ count: Int) {
        self.label = label
        self.count = count
    }
}

/// Deliveries of one day, per status (only non-zero statuses).
public struct DayStatusCounts: Hashable, Sendable {
    public var date: LocalDate
    public var counts: [CountEntry]
    public var total: Int { counts.reduce(0) { $0 + $1.count } }
    public init(date: LocalDate, counts: [CountEntry]) {
        self.date = date
        self.counts = counts
    }
    public func count(of status: String) -> Int { counts.first { $0.label == status }?.count ?? 0 }
}

/// A row of "Delivery metrics by Proactive Engagement Configuration".
public struct ConfigurationRow: Hashable, Sendable {
    public var id: String
    public var name: String
    public var status: String?
    public var priority: String?
    public var total: Int
    public var processed: Int
    public init(id: String, name: String, status: String?, priority: String?, total: Int, processed: Int) {
        self.id = id
        self.name = name
        self.status = status
        self.priority = priority
        self.total = total
        self.processed = processed
    }
}

/// A row of "Delivery metrics by queue".
public struct QueueRow: Hashable, Sendable {
    public var id: String
    public var name: String
    public var total: Int
    public var processed: Int
    public init(id: String, name: String, total: Int, processed: Int) {
        self.id = id
        self.name = name
        self.total = total
        self.processed = processed
    }
}

/// A column of "Delivery metrics by date".
public struct DateRow: Hashable, Sendable {
    public var date: LocalDate
    public var total: Int
    public var processed: Int
    public init(date: LocalDate, total: Int, processed: Int) {
        self.date = date
        self.total = total
        self.processed = processed
    }
}

/// One choice in a sidebar list: the value the filter stores, what is shown, and how many deliveries it has
/// under every *other* active filter (so the counts say what choosing it would give).
public struct FacetValue: Hashable, Sendable {
    public var value: String
    public var label: String
    public var count: Int
    public var selected: Bool
    public init(value: String, label: String, count: Int, selected: Bool) {
        self.value = value
        self.label = label
        self.count = count
        self.selected = selected
    }
}

/// The real-time figures (after the reference's "Proactive Engagement" real-time report).
public struct LiveFigures: Hashable, Sendable {
    /// Deliveries now `Pending` (in scope of every filter but the date range).
    public var pending: Int
    /// Deliveries now `InProcess`.
    public var inProgress: Int
    /// Deliveries processed (`Complete`) in the last 60 minutes.
    public var throughputPerHour: Int
    /// Seconds to clear the pending work at the current throughput; nil when the throughput is zero.
    public var secondsToClear: Int?
    /// Processed / total in the date range, 0...1; nil when there are no deliveries.
    public var processedRate: Double?
    /// Abandoned / attempted among processed deliveries in range; nil when nothing was attempted.
    public var abandonedRate: Double?
    /// Connected / attempted among processed deliveries in range; nil when nothing was attempted.
    public var connectRate: Double?

    public init(pending: Int, inProgress: Int, throughputPerHour: Int, secondsToClear: Int?, processedRate: Double?,
                abandonedRate: Double?, connectRate: Double?) {
        self.pending = pending
        self.inProgress = inProgress
        self.throughputPerHour = throughputPerHour
        self.secondsToClear = secondsToClear
        self.processedRate = processedRate
        self.abandonedRate = abandonedRate
        self.connectRate = connectRate
    }
}

/// Everything the dashboard shows for one filter state: the output of the query layer, the input of the widgets.
public struct DashboardData: Hashable, Sendable {
    public var filters: DashboardFilters
    public var from: LocalDate?
    public var to: LocalDate?
    public var totalDeliveries: Int
    public var processed: Int
    /// Statuses in legend order (the life cycle first, then values never seen before), with their totals.
    public var deliveriesByStatus: [CountEntry]
    /// One entry per day that has deliveries, in date order.
    public var statusByDate: [DayStatusCounts]
    /// Processed deliveries by result, largest first; an empty result reads `(Blank)`.
    public var processedByResult: [CountEntry]
    /// Processed deliveries by dial mode, largest first; an empty dial mode reads `(Blank)`.
    public var processedByDialMode: [CountEntry]
    /// Ordered by total, largest first, then name.
    public var byConfiguration: [ConfigurationRow]
    public var byQueue: [QueueRow]
    /// In date order, days with deliveries only.
    public var byDate: [DateRow]
    /// The sidebar's choices per filter, with counts.
    public var facets: [FilterDimension: [FacetValue]]
    public var live: LiveFigures?
    /// The same figures for the previous period (as many local days just before the range); nil for an
    /// unbounded range.
    public var previous: PreviousPeriod?
    /// Abandoned over live-answered calls per configuration in the abandon rule's window, against the 3% limit
    /// (`compliance?.worstRate` is the figure a threshold watches). Not `live.abandonedRate`, which is over attempted.
    public var compliance: ComplianceFigures?
    /// When the store was last read for this data.
    public var readAt: Date
    /// When the data in the store last changed (an import or feed commit), if known.
    public var dataChangedAt: Date?

    public init(filters: DashboardFilters, from: LocalDate?, to: LocalDate?, totalDeliveries: Int, processed: Int,
                deliveriesByStatus: [CountEntry], statusByDate: [DayStatusCounts], processedByResult: [CountEntry],
                processedByDialMode: [CountEntry], byConfiguration: [ConfigurationRow], byQueue: [QueueRow],
                byDate: [DateRow], facets: [FilterDimension: [FacetValue]], live: LiveFigures? = nil,
                readAt: Date, dataChangedAt: Date? = nil) {
        self.filters = filters
        self.from = from
        self.to = to
        self.totalDeliveries = totalDeliveries
        self.processed = processed
        self.deliveriesByStatus = deliveriesByStatus
        self.statusByDate = statusByDate
        self.processedByResult = processedByResult
        self.processedByDialMode = processedByDialMode
        self.byConfiguration = byConfiguration
        self.byQueue = byQueue
        self.byDate = byDate
        self.facets = facets
        self.live = live
        self.readAt = readAt
        self.dataChangedAt = dataChangedAt
    }

    public static func empty(filters: DashboardFilters) -> DashboardData {
        DashboardData(filters: filters, from: nil, to: nil, totalDeliveries: 0, processed: 0, deliveriesByStatus: [],
                      statusByDate: [], processedByResult: [], processedByDialMode: [], byConfiguration: [],
                      byQueue: [], byDate: [], facets: [:], readAt: Date(timeIntervalSince1970: 0))
    }
}
