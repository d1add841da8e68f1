import DashboardModel

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
    /// A style for single cells (row, then column), e.g. a figure over a threshold; the selected row's style wins.
    public var cellStyles: [Int: [Int: Style]] = [:]

    public init(columns: [TableColumn], rows: [[String]], selectedRow: Int? = nil, scrollOffset: Int = 0,
                emptyText: String = "No deliveries in scope") {
        self.columns = columns
        self.rows = rows
        self.selectedRow = selectedRow
        self.scrollOffset = scrollOffset
        self.emptyText = emptyText
    }

    /// Rows that fit in `area` below the header.
    public static func visibleRows(in area: Rect) -> Int { max(0, area.height - 1) }

    /// The offset the table will use in `area` (store it back to keep scrolling smooth).
    public func effectiveOffset(in area: Rect) -> Int {
        ScrollWindow.offset(selected: selectedRow, current: scrollOffset, visible: DataTable.visibleRows(in: area),
                            count: rows.count)
    }

    /// `selected/count`, for a panel footer.
    public var positionText: String? { ScrollWindow.position(selectedRow, count: rows.count) }

    public func render(into grid: inout Grid, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        grid.fill(area)
        let safeRows = rows.map { $0.map(theme.safe) }
        let widths = TableColumn.widths(columns, rows: safeRows, available: area.width)
        func drawRow(_ cells: [String], y: Int, style: Style, cellStyles: [Int: Style] = [:]) {
            var x = area.x
            for (i, column) in columns.enumerated() {
                let room = min(widths[i], area.right - x)
                if room <= 0 { break }
                let text = i < cells.count ? cells[i] : ""
                grid.put(text, x: x, y: y, width: room, alignment: column.alignment, style: cellStyles[i] ?? style,
                         ellipsis: theme.glyphs.ellipsis)
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
            drawRow(row, y: y, style: isSelected ? .selected : .normal, cellStyles: isSelected ? [:] : self.cellStyles[offset + i] ?? [:])
        }
    }
}

extension DataTable {
    /// "Delivery metrics by Proactive Engagement Configuration". A null status or priority shows as `-`.
    public static func configurations(_ rows: [ConfigurationRow], selectedRow: Int? = nil,
                                      scrollOffset: Int = 0) -> DataTable {
        DataTable(
            columns: [.name("Configuration"), TableColumn("Status"), TableColumn("Priority"), .number("Total"),
                      .number("Processed")],
            rows: rows.map {
                [$0.name, $0.status ?? "-", $0.priority ?? "-", NumberFormat.grouped($0.total),
                 NumberFormat.grouped($0.processed)]
            },
            selectedRow: selectedRow, scrollOffset: scrollOffset)
    }

    /// "Delivery metrics by queue".
    public static func queues(_ rows: [QueueRow], selectedRow: Int? = nil, scrollOffset: Int = 0) -> DataTable {
        DataTable(
            columns: [.name("Queue"), .number("Total"), .number("Processed")],
            rows: rows.map { [$0.name, NumberFormat.grouped($0.total), NumberFormat.grouped($0.processed)] },
            selectedRow: selectedRow, scrollOffset: scrollOffset)
    }
}
