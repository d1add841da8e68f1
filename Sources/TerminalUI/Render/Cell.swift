/// One terminal cell: the grapheme cluster shown in it and its style. A wide character (CJK, emoji) is stored
/// in its first cell; the cell to its right is a continuation cell (`isContinuation`, empty text) that the
/// backend must skip. A plain value: the text is held inline (`CellText`).
public struct Cell: Hashable, Sendable {
    public var glyph: CellText
    public var style: Style
    public var isContinuation: Bool

    public init(_ text: String = " ", style: Style = .normal, isContinuation: Bool = false) {
        self.init(glyph: CellText(text), style: style, isContinuation: isContinuation)
    }

    public init(glyph: CellText, style: Style = .normal, isContinuation: Bool = false) {
        self.glyph = glyph
        self.style = style
        self.isContinuation = isContinuation
    }

    public var text: String {
        get { glyph.string }
        set { glyph = CellText(newValue) }
    }

    public static let blank = Cell()
    static func continuation(_ style: Style) -> Cell { Cell(glyph: CellText(), style: style, isContinuation: true) }
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
