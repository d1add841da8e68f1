import DashboardModel
import TerminalUI

// The model's figures as the widgets' values: TerminalUI knows no `DashboardData`, so the app turns each figure into
// the value its widget draws.

extension LabelledCount {
    init(_ entry: CountEntry) { self.init(entry.label, entry.count) }
}

extension Array where Element == CountEntry {
    /// The entries as chart values, in the same order.
    var labelled: [LabelledCount] { map(LabelledCount.init) }
}

extension DayCounts {
    init(_ day: DayStatusCounts) { self.init(date: day.date, counts: day.counts.labelled) }
}

extension DayTotals {
    init(_ row: DateRow) { self.init(date: row.date, total: row.total, processed: row.processed) }
}
