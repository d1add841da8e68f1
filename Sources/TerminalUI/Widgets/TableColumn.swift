/// One column of a `DataTable`: its header, how its cells align, and how wide it is.
public struct TableColumn: Hashable, Sendable {
    public enum Width: Hashable, Sendable {
        /// As wide as the widest of the header and the cells.
        case auto
        case fixed(Int)
        /// Takes what the other columns leave, but at least `min` columns.
        case flex(min: Int)
    }

    public var title: String
    public var alignment: Alignment
    public var width: Width

    public init(_ title: String, alignment: Alignment = .left, width: Width = .auto) {
        self.title = title
        self.alignment = alignment
        self.width = width
    }

    /// A left-aligned name column that takes the spare width.
    public static func name(_ title: String, min: Int = 8) -> TableColumn { TableColumn(title, width: .flex(min: min)) }
    /// A right-aligned number column.
    public static func number(_ title: String) -> TableColumn { TableColumn(title, alignment: .right) }

    /// Resolves every column's width for `available` columns with `gap` spaces between columns.
    static func widths(_ columns: [TableColumn], rows: [[String]], available: Int, gap: Int = 1) -> [Int] {
        var widths = columns.enumerated().map { (i, column) -> Int in
            switch column.width {
            case .fixed(let n): return n
            case .flex(let min): return min
            case .auto:
                let cells = rows.map { i < $0.count ? DisplayWidth.of($0[i]) : 0 }
                return max(DisplayWidth.of(column.title), cells.max() ?? 0)
            }
        }
        let used = widths.reduce(0, +) + gap * max(0, columns.count - 1)
        if let flex = columns.firstIndex(where: { if case .flex = $0.width { true } else { false } }), used < available {
            widths[flex] += available - used
        }
        return widths
    }
}
