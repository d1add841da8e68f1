/// A table with a header row, aligned columns, a selected row in reverse video, and vertical scrolling that
/// keeps the selected row visible. Cell text is sanitised and truncated with the theme's ellipsis; widths
/// count display columns, so CJK and emoji line up.
public struct DataTable: Widget {
    public var columns: [TableColumn]
    public var rows: [[String]]
    public var selectedRow: Int?
    /// The first row shown (as kept by the caller); adjusted when drawing so the selected row is visible.
    public var scrollOffset: Int
    public var emptyText: String
    /// Columns (by index) that go, in this order, while the name column would be narrower than `nameRoom`.
    public var dropOrder: [Int] = []
    public var nameRoom = 12
    /// Rows drawn in the warning style (their text also says why: colour is never the only mark).
    public var emphasized: Set<Int> = []
    /// A style for single cells (row, then column), e.g. a figure over a threshold; the selected row's style wins.
    public var cellStyles: [Int: [Int: Style]] = [:]
    /// Shorter column titles, used when the full ones would leave the name column less than `nameRoom`.
    public var narrowTitles: [String]?

    public init(columns: [TableColumn], rows: [[String]], selectedRow: Int? = nil, scrollOffset: Int = 0,
                emptyText: String = "No deliveries in scope") {
        self.columns = columns
        self.rows = rows
        self.selectedRow = selectedRow
        self.scrollOffset = scrollOffset
        self.emptyText = emptyText
    }

    /// The indexes of the columns drawn in `width` columns: all, less those of `dropOrder` needed to leave the
    /// name column `nameRoom` columns.
    func shownColumns(rows safeRows: [[String]], width: Int) -> [Int] {
        var shown = Array(columns.indices)
        for drop in dropOrder {
            if nameWidth(shown.map { columns[$0] }, rows: safeRows.map { row in shown.map { $0 < row.count ? row[$0] : "" } },
                         width: width) >= nameRoom { break }
            shown.removeAll { $0 == drop }
        }
        return shown
    }

    /// The columns the name column keeps in `width` beside the others at their widths.
    func nameWidth(_ columns: [TableColumn], rows: [[String]], width: Int) -> Int {
        let widths = TableColumn.widths(columns, rows: rows, available: 0)
        let fixed = zip(columns, widths).reduce(0) { sum, pair in
            if case .flex = pair.0.width { return sum } else { return sum + pair.1 }
        } + max(0, columns.count - 1)
        return width - fixed
    }

    /// Rows that fit in `area` below the header.
    public static func visibleRows(in area: Rect) -> Int { max(0, area.height - 1) }

    /// The offset the table will use in `area` (store it back to keep scrolling smooth).
    func effectiveOffset(in area: Rect) -> Int {
        ScrollWindow.offset(selected: selectedRow, current: scrollOffset, visible: DataTable.visibleRows(in: area),
                            count: rows.count)
    }

    /// `selected/count`, for a panel footer.
    var positionText: String? { ScrollWindow.position(selectedRow, count: rows.count) }

    public func render(into grid: inout Grid, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        grid.fill(area)
        var safeRows = rows.map { $0.map(theme.safe) }
        var columns = columns
        // The original index of each column drawn (cell styles are given by the original indices).
        var original = Array(columns.indices)
        if !dropOrder.isEmpty {
            let shown = shownColumns(rows: safeRows, width: area.width)
            original = shown
            columns = shown.map { columns[$0] }
            safeRows = safeRows.map { row in shown.map { $0 < row.count ? row[$0] : "" } }
        }
        if let narrowTitles, narrowTitles.count == columns.count,
           nameWidth(columns, rows: safeRows, width: area.width) < nameRoom {
            for i in columns.indices { columns[i].title = narrowTitles[i] }
        }
        let widths = TableColumn.widths(columns, rows: safeRows, available: area.width)
        func drawRow(_ cells: [String], y: Int, style: Style, cellStyles: [Int: Style] = [:]) {
            var x = area.x
            for (i, column) in columns.enumerated() {
                let room = min(widths[i], area.right - x)
                if room <= 0 { break }
                let text = i < cells.count ? cells[i] : ""
                grid.put(text, x: x, y: y, width: room, alignment: column.alignment,
                         style: cellStyles[original[i]] ?? style, ellipsis: theme.glyphs.ellipsis)
                x += widths[i] + 1
            }
        }
        drawRow(columns.map { theme.safe($0.title) }, y: area.y, style: Style.title.underlined)
        let visible = DataTable.visibleRows(in: area)
        guard visible > 0 else { return }
        if rows.isEmpty {
            grid.put(emptyText, x: area.x, y: area.y + 1, width: area.width, alignment: .left, style: .muted,
                     ellipsis: theme.glyphs.ellipsis)
            return
        }
        let offset = effectiveOffset(in: area)
        for (i, row) in safeRows[offset..<min(rows.count, offset + visible)].enumerated() {
            let y = area.y + 1 + i
            let isSelected = offset + i == selectedRow
            if isSelected { grid.fill(area.row(1 + i), style: .selected) }
            drawRow(row, y: y, style: isSelected ? .selected : emphasized.contains(offset + i) ? .warning : .normal,
                    cellStyles: isSelected ? [:] : self.cellStyles[offset + i] ?? [:])
        }
    }
}
