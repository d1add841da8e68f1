import DashboardModel
import Foundation
import TerminalUI

/// What `x` opens: the deliveries behind one number on the screen. The filters are the dashboard's (narrowed to a
/// column's days when the status chart groups days into weeks), the selection says which number, `label` names it
/// as the screen does (a configuration by its name), and `figure` is the number shown: the list's count equals it.
struct DrilldownTarget: Equatable {
    var filters: DashboardFilters
    var selection: DeliverySelection
    var label: String
    var figure: Int

    /// The list's query at `now`, in `sort`, narrowed by `search`.
    func query(now: Date, sort: DeliverySort = .created, search: String = "") -> DeliveryQuery {
        DeliveryQuery(filters: filters, selection: selection, now: now, sort: sort, search: search)
    }
}
