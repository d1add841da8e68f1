import TerminalUI

/// What the last frame showed that keys and clicks need: the status chart's columns (days or weeks) and its statuses
/// in stack order, how many rows a table page holds, and what lies where. The composer returns it with the frame it drew (`ComposedFrame`),
/// and the loop keeps it for the next key.
struct ViewGeometry: Equatable {
    var chartBuckets: [DateBucket] = []
    /// The status chart's series, bottom of the stack first (what `chartBuckets`' counts are indexed by).
    var chartLabels: [String] = []
    var pageSize: [PanelID: Int] = [:]
    /// The drill-down list's rows on screen, while it is open.
    var listPageSize: Int?
    /// What each part of the frame shows, for clicks (`DashboardController.handle(mouse:)`).
    var hits = HitMap()
}

/// A composed frame: the cells to show and the geometry they were laid out with.
struct ComposedFrame {
    var grid: Grid
    var geometry: ViewGeometry
}
