import DashboardModel
import TerminalUI

extension StackedColumnChart {
    /// "Total deliveries by status" of `data`: the statuses in their fixed order keep their fills and colours.
    init(data: DashboardData, selectedIndex: Int? = nil, selectedSeries: String? = nil) {
        self.init(series: data.deliveriesByStatus.labelled, days: data.statusByDate.map(DayCounts.init),
                  from: data.from, to: data.to, selectedIndex: selectedIndex, selectedSeries: selectedSeries,
                  known: SeriesSlots.statuses)
    }
}
