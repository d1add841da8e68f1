import DashboardModel
import TerminalUI

/// Everything about the screen that is not data: focus, zoom, selections, overlays, text input.
/// Keys change it (through `DashboardController`); the composer reads it.
struct UIState {
    var focus: Focus = .panel(.statusChart)
    /// The panel shown alone (keys 1-6), if any.
    var zoomed: PanelID?
    /// In compact layouts, the panel on screen.
    var visiblePanel: PanelID = .statusChart
    /// Full layouts: the sidebar is hidden (key `f`).
    var sidebarFolded = false
    /// Selected item per panel: chart column, legend entry, table row, date column.
    var selection: [PanelID: Int] = [:]
    /// In the status chart's selected column, the selected status, if any: Enter then filters to that status on
    /// those dates. Kept by its label, so it follows the status when the filters change which statuses are shown.
    var chartSegment: String?
    var showHelp = false
    /// The change from the previous period beside the header totals, the tiles and the tables (key `p`).
    var showComparison = true
    var wall: Bool
    /// Wall mode: which page of each table is showing.
    var wallPage = 0
    /// A line of text being typed (search, time zone, dates), if any.
    var input: TextInput?
    /// A short message for the footer (an error from the last action, a hint).
    var message: String?
    var sidebar = SidebarCursor()
    /// The drill-down list (`x`), while it is open; Esc closes it and the dashboard's selection is as it was.
    var list: DeliveryListState?
    /// The header figure the list shows when it was opened with `X` (the next `X` lists the next figure).
    var headerFigure: Int?
    /// The list of saved views (`v`), while it is open.
    var viewList: ViewList?

    init(wall: Bool = false) { self.wall = wall }

    func selected(_ panel: PanelID) -> Int? { selection[panel] }

    /// The selected status of the chart's column `column` (counts indexed as `labels`), when that column has
    /// deliveries of it.
    func chartSegment(in column: DateBucket, labels: [String]) -> String? {
        guard let label = chartSegment, let i = labels.firstIndex(of: label), i < column.counts.count,
              column.counts[i] > 0 else { return nil }
        return label
    }
}

/// A line being typed in the footer.
struct TextInput: Equatable {
    enum Purpose: Equatable {
        /// Narrows the focused sidebar list.
        case search
        /// An IANA time zone name.
        case timeZone
        /// `YYYY-MM-DD..YYYY-MM-DD` or one day.
        case dates
        /// The drill-down list's search (applied on Enter).
        case listSearch
        /// The name to save the filters under as a view (`V`).
        case viewName
    }

    var purpose: Purpose
    var text: String

    var prompt: String {
        switch purpose {
        case .search: "Search: "
        case .listSearch: "Search id, address, disposition codes: "
        case .timeZone: "Time zone (IANA name, e.g. Asia/Kathmandu): "
        case .dates: "Dates (YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD): "
        case .viewName: "Save the filters as view (letters, digits, - and _): "
        }
    }
}

/// The saved views' names as `v` lists them, and the one under the cursor.
struct ViewList: Equatable {
    var names: [String]
    var cursor = 0
}
