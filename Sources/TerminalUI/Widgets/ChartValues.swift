import CoreValues

/// One labelled count of a chart: a slice of a donut, a series of a stacked column, a legend line.
public struct LabelledCount: Hashable, Sendable {
    public var label: String
    public var count: Int
    public init(_ label: String, _ count: Int) {
        self.label = label
        self.count = count
    }
}

/// One day of a date chart: its count per series (`StackedColumnChart`).
public struct DayCounts: Hashable, Sendable {
    public var date: LocalDate
    public var counts: [LabelledCount]
    public var total: Int { counts.reduce(0) { $0 + $1.count } }
    public init(date: LocalDate, counts: [LabelledCount]) {
        self.date = date
        self.counts = counts
    }
    public func count(of series: String) -> Int { counts.first { $0.label == series }?.count ?? 0 }
}

/// One day of `DateColumnsTable`: the day's total and the part of it processed.
public struct DayTotals: Hashable, Sendable {
    public var date: LocalDate
    public var total: Int
    public var processed: Int
    public init(date: LocalDate, total: Int, processed: Int) {
        self.date = date
        self.total = total
        self.processed = processed
    }
}
