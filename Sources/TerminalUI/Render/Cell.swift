/// One terminal cell: the grapheme cluster shown in it and its style. A wide character (CJK, emoji) is stored
/// in its first cell; the cell to its right is a continuation cell (`isContinuation`, empty text) that the
/// backend must skip.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var style: Style
    public var isContinuation: Bool

    public init(_ text: String = " ", style: Style = .normal, isContinuation: Bool = false) {
        self.text = text
        self.style = style
        self.isContinuation = isContinuation
    }

    public static let blank = Cell()
    static func continuation(_ style: Style) -> Cell { Cell("", style: style, isContinuation: true) }
}

/// A cell that differs from the previous frame, at column `x`, row `y`.
public struct CellChange: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var cell: Cell
    public init(x: Int, y: Int, cell: Cell) {
        self.x = x
        self.y = y
        self.cell = cell
    }
}
