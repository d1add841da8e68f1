import DashboardModel
import TerminalUI

/// The known values of each charted dimension in their fixed order, so each keeps its fill and colour
/// (`SeriesSlots.assign(_:known:)`).
extension SeriesSlots {
    static let statuses = DeliveryStatus.known.map(\.label)
    static let results = DeliveryResult.knownLabels
    static let dialModes = DialMode.known.map(\.label)
}
