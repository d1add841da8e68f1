/// A table of records wider than the screen: each column has a least and a largest width and a rank (how long it is
/// kept); when the columns do not all fit, the lowest-ranked go first, and the room left widens the kept ones up to
/// their largest width, highest rank first. Widths do not depend on the rows shown, so columns stay put while the
/// list scrolls. The sorted column's title carries `▲`/`▼` (`^`/`v` in ASCII); the
/// selected row shows in reverse video. Cell text is sanitised and cut with the theme's ellipsis. Only the rows on
/// screen are given: scrolling is the caller's.
public struct RecordTable: Widget {
    public struct Column: Hashable, Sendable {
        public var title: String
        public var minWidth: Int
        public var maxWidth: Int
        /// Higher ranks are kept longer when the width runs short.
        public var rank: Int
        public var alignment: Alignment

        public init(_ title: String, min: Int, max: Int, rank: Int, alignment: Alignment = .left) {
            self.title = title
            self.minWidth = min
            self.maxWidth = Swift.max(min, max)
            self.rank = rank
            self.alignment = alignment
        }
    }

    public var columns: [Column]
    public var rows: [[String]]
    public var selectedRow: Int?
    public var sortedColumn: Int?
    public var descending: Bool
    public var emptyText: String

    public init(columns: [Column], rows: [[String]], selectedRow: Int? = nil, sortedColumn: Int? = nil,
                descending: Bool = false, emptyText: String = "No deliveries") {
        self.columns = columns
        self.rows = rows
        self.selectedRow = selectedRow
        self.sortedColumn = sortedColumn
        self.descending = descending
        self.emptyText = emptyText
    }

    /// Rows that fit in `area` below the header.
    public static func visibleRows(in area: Rect) -> Int { max(0, area.height - 1) }

    /// The columns shown in `width` (indexes into `columns`, in their order) and each one's width.
    public static func fit(_ columns: [Column], width: Int, gap: Int = 1) -> [(column: Int, width: Int)] {
        var kept = Array(columns.indices)
        func used(_ set: [Int]) -> Int { set.map { columns[$0].minWidth }.reduce(0, +) + gap * max(0, set.count - 1) }
        while kept.count > 1, used(kept) > width {
            let lowest = kept.min { columns[$0].rank < columns[$1].rank }!
            kept.removeAll { $0 == lowest }
        }
        var widths = Dictionary(uniqueKeysWithValues: kept.map { ($0, columns[$0].minWidth) })
        var spare = width - used(kept)
        for i in kept.sorted(by: { columns[$0].rank > columns[$1].rank }) where spare > 0 {
            let add = min(spare, columns[i].maxWidth - widths[i]!)
            widths[i]! += add
            spare -= add
        }
        return kept.map { ($0, widths[$0]!) }
    }

    public func render(into grid: inout Grid, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        grid.fill(area)
        let safeRows = rows.map { $0.map(theme.safe) }
        let layout = Self.fit(columns, width: area.width)
        let ellipsis = theme.glyphs.ellipsis
        func drawRow(_ cells: [String], y: Int, style: Style) {
            var x = area.x
            for (column, width) in layout {
                let room = min(width, area.right - x)
                if room <= 0 { break }
                grid.put(column < cells.count ? cells[column] : "", x: x, y: y, width: room,
                         alignment: columns[column].alignment, style: style, ellipsis: ellipsis)
                x += width + 1
            }
        }
        let up = theme.isASCII ? "^" : "▲", down = theme.isASCII ? "v" : "▼"
        let titles = columns.enumerated().map { i, column in
            theme.safe(column.title) + (i == sortedColumn ? (descending ? down : up) : "")
        }
        drawRow(titles, y: area.y, style: Style.title.underlined)
        guard Self.visibleRows(in: area) > 0 else { return }
        if rows.isEmpty {
            grid.put(emptyText, x: area.x, y: area.y + 1, width: area.width, alignment: .left, style: .muted, ellipsis: ellipsis)
            return
        }
        for (i, row) in safeRows.prefix(Self.visibleRows(in: area)).enumerated() {
            let isSelected = i == selectedRow
            if isSelected { grid.fill(area.row(1 + i), style: .selected) }
            drawRow(row, y: area.y + 1 + i, style: isSelected ? .selected : .normal)
        }
    }
}
