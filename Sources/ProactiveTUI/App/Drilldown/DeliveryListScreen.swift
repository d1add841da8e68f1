import DashboardModel
import TerminalUI

/// The screen while the drill-down list is open: the dashboard's header (its figures keep refreshing), the list in a
/// panel titled with what it lists and how many rows, and the footer (the search being typed, the export's path or
/// error, else the list's keys).
struct DeliveryListScreen {
    let list: DeliveryListState
    let data: DashboardData
    let state: UIState
    let context: ScreenContext

    /// The header, the list's panel, the footer.
    static func areas(width: Int, height: Int, headerHeight: Int) -> (header: Rect, panel: Rect, footer: Rect) {
        let parts = Rect(x: 0, y: 0, width: width, height: height).rows([.fixed(headerHeight), .fill, .fixed(1)])
        return (parts[0], parts[1], parts[2])
    }

    /// Rows of the list on screen at this size, below a header of `headerHeight` rows.
    static func pageSize(width: Int, height: Int, headerHeight: Int) -> Int {
        max(1, RecordTable.visibleRows(in: Panel.inner(of: areas(width: width, height: height, headerHeight: headerHeight).panel)))
    }

    var title: String {
        let count = NumberFormat.grouped(list.count)
        if list.search.isEmpty { return "\(list.target.label): \(count) deliveries" }
        return "\(list.target.label): \(count) of \(NumberFormat.grouped(list.target.figure)) deliveries matching \"\(list.search)\""
    }

    /// Draws the screen under the dashboard's `header` (the same one, with its figures and marks).
    func render(into grid: inout Grid, header: HeaderBar, width: Int, height: Int) {
        let theme = context.theme
        let areas = Self.areas(width: width, height: height, headerHeight: header.preferredHeight)
        header.render(into: &grid, area: areas.header, theme: theme)
        let columns = ListColumn.allCases
        let zone = list.target.filters.zone
        let rows = list.visibleRows.map { row in
            columns.map { $0.text(row, zone: zone, showAddresses: context.showAddresses, ascii: theme.isASCII) }
        }
        let sorted = columns.firstIndex { $0.sortColumn == list.sort.column }
        let arrow = list.sort.descending ? (theme.isASCII ? "v" : "▼") : (theme.isASCII ? "^" : "▲")
        let sortName = sorted.map { columns[$0].title } ?? list.sort.column.rawValue
        let position = list.count > 0 ? "\(NumberFormat.grouped(list.cursor + 1))/\(NumberFormat.grouped(list.count))" : "0"
        let panel = Panel(title: title, focused: true, footer: "sort \(sortName) \(arrow)\(theme.glyphs.separator)\(position)")
        let inner = panel.draw(into: &grid, area: areas.panel, theme: theme)
        var table = RecordTable(columns: columns.map(\.spec), rows: rows,
                                selectedRow: list.count > 0 ? list.cursor - list.top : nil, sortedColumn: sorted,
                                descending: list.sort.descending,
                                emptyText: list.search.isEmpty ? "No deliveries" : "No delivery matches the search")
        if let error = list.loadError { table.emptyText = error; table.rows = [] }
        table.render(into: &grid, area: inner, theme: theme)
        var footerState = state
        if footerState.message == nil { footerState.message = list.loadError ?? list.status }
        ScreenComposer.drawFooter(into: &grid, area: areas.footer, state: footerState, scope: .list, theme: theme)
    }
}
