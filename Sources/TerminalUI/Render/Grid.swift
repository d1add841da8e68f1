/// An in-memory frame: `width`×`height` cells. Widgets draw into it; the backend diffs two grids and writes
/// only the changed cells (after ratatui's Buffer).
public struct Grid: Hashable, Sendable {
    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: fill, count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes `text` starting at (`x`, `y`), clipped to the grid and to `maxWidth` columns; returns the number
    /// of columns written. A grapheme cluster is one unit: a wide one takes two cells (the second a
    /// continuation, or a blank when it is written in a narrow form, `TerminalGlyph`); one that does not fit
    /// whole is not drawn. Control characters draw as `?` (callers sanitise data text first with `SafeText`;
    /// this is the last line of defence). Zero-width clusters are dropped.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .normal, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height else { return 0 }
        let limit = min(width, maxWidth.map { x + max(0, $0) } ?? width)
        // Printable ASCII (most of every frame): one byte is one cluster of one column, drawn as it is.
        if let written = putPrintableASCII(text, x: x, y: y, style: style, limit: limit) { return written }
        if let written = putSimpleScalars(text, x: x, y: y, style: style, limit: limit) { return written }
        var col = x
        for character in text {
            let w = DisplayWidth.of(character)
            if w == 0 { continue }
            if col + w > limit { break }
            if col >= 0 {
                // One pass over the cluster's code points: a control, and whether it is a single code point
                // (most text: it is drawn as it is).
                var control = false, count = 0
                var first: Unicode.Scalar = " "
                for scalar in character.unicodeScalars {
                    if count == 0 { first = scalar }
                    count += 1
                    if SafeText.isControl(scalar) { control = true }
                }
                if control {
                    setCell(x: col, y: y, Cell("?", style: style))
                } else {
                    let glyph = count == 1 && !TerminalGlyph.isRegionalIndicator(first)
                        ? (first: String(character), second: String?.none) : TerminalGlyph.cells(character, width: w)
                    setCell(x: col, y: y, Cell(glyph.first, style: style))
                    if w == 2 { setCell(x: col + 1, y: y, glyph.second.map { Cell($0, style: style) } ?? .continuation(style)) }
                }
            } else if col + w > 0 {
                setCell(x: 0, y: y, Cell(" ", style: style))  // a wide character cut by the left edge
            }
            col += w
        }
        return max(0, col - max(x, 0))
    }

    /// `put` for text made only of printable ASCII bytes (U+0020...U+007E), byte by byte, each cell's text taken
    /// from a table; nil (nothing written) for any other text, which takes the cluster-by-cluster path. The
    /// cells are those that path writes: every such byte is a cluster of its own, one column wide, no control.
    private mutating func putPrintableASCII(_ text: String, x: Int, y: Int, style: Style, limit: Int) -> Int? {
        var text = text
        return text.withUTF8 { bytes -> Int? in
            for b in bytes where b < 0x20 || b >= 0x7F { return nil }
            var col = x
            for b in bytes {
                if col + 1 > limit { break }
                if col >= 0 { setCell(x: col, y: y, Cell(glyph: CellText(ascii: b), style: style)) }
                col += 1
            }
            return max(0, col - max(x, 0))
        }
    }

    /// `put` for text whose code points are each printable ASCII or `DisplayWidth.isSimpleOneColumn` (borders,
    /// bars, braille, accented letters): each is a cluster of its own, one column, drawn as it is; nil (nothing
    /// written) for any other text.
    private mutating func putSimpleScalars(_ text: String, x: Int, y: Int, style: Style, limit: Int) -> Int? {
        var text = text
        return text.withUTF8 { bytes -> Int? in
            // First every code point is checked (nothing is written for other text), then each is copied as it is.
            var i = 0
            while i < bytes.count {
                let (scalar, length) = CellText.decode(bytes, at: i)
                guard (0x20..<0x7F).contains(scalar) || DisplayWidth.isSimpleOneColumn(scalar) else { return nil }
                i += length
            }
            var col = x
            i = 0
            while i < bytes.count {
                let length = CellText.sequenceLength(lead: bytes[i])
                if col + 1 > limit { break }
                if col >= 0 { setCell(x: col, y: y, Cell(glyph: CellText(bytes, i..<(i + length)), style: style)) }
                col += 1
                i += length
            }
            return max(0, col - max(x, 0))
        }
    }

    /// Writes `text` aligned in `width` columns from `x` (truncating with `ellipsis` when too long); the rest of
    /// the span is left as it is. Returns the column where the text started.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, width span: Int, alignment: Alignment,
                             style: Style = .normal, ellipsis: String = "…") -> Int {
        guard span > 0 else { return x }
        let cut = DisplayWidth.truncate(text, toWidth: span, ellipsis: ellipsis)
        let w = DisplayWidth.of(cut)
        let start: Int
        switch alignment {
        case .left: start = x
        case .right: start = x + span - w
        case .center: start = x + (span - w) / 2
        }
        put(cut, x: start, y: y, style: style, maxWidth: span - (start - x))
        return start
    }

    /// Sets one cell, repairing any wide character it cuts in half.
    mutating func setCell(x: Int, y: Int, _ cell: Cell) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        let old = self[x, y]
        if old.isContinuation, !cell.isContinuation, x > 0 {
            self[x - 1, y] = Cell(" ", style: self[x - 1, y].style)
        }
        // A wide character is never one byte: most cells skip measuring the text they replace.
        if !old.isContinuation, x + 1 < width, self[x + 1, y].isContinuation, old.glyph.count > 1,
           DisplayWidth.of(old.text) == 2 {
            self[x + 1, y] = Cell(" ", style: old.style)
        }
        self[x, y] = cell
    }

    /// Fills `rect` (clipped to the grid) with `character` in `style`.
    public mutating func fill(_ rect: Rect, with character: String = " ", style: Style = .normal) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        let cell = Cell(character, style: style)
        for yy in r.y..<r.bottom {
            // Only the span's two ends can cut a wide character outside it in half: they go through `setCell`
            // (which repairs it); what `setCell` would leave inside the span is overwritten by the span anyway.
            setCell(x: r.x, y: yy, cell)
            if r.width > 1 { setCell(x: r.right - 1, y: yy, cell) }
            guard r.width > 2 else { continue }
            let base = yy * width
            cells.withUnsafeMutableBufferPointer { cells in
                for xx in (r.x + 1)..<(r.right - 1) { cells[base + xx] = cell }
            }
        }
    }

    /// Changes the style of every cell in `rect` (e.g. reverse video for a selected row).
    mutating func modifyStyle(in rect: Rect, _ change: (inout Style) -> Void) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        for yy in r.y..<r.bottom {
            for xx in r.x..<r.right { change(&cells[yy * width + xx].style) }
        }
    }

    /// The screen as plain text, one string per row, trailing spaces removed: each row's cells' bytes joined (every
    /// cell holds whole clusters, so the row's text is their concatenation).
    public func lines() -> [String] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(width * 4)
        return cells.withUnsafeBufferPointer { cells in
            (0..<height).map { row in
                bytes.removeAll(keepingCapacity: true)
                let base = row * width
                for col in 0..<width where !cells[base + col].isContinuation {
                    cells[base + col].glyph.appendUTF8(to: &bytes)
                }
                while bytes.last == 0x20 { bytes.removeLast() }
                return String(decoding: bytes, as: UTF8.self)
            }
        }
    }

    /// The cells that differ from `previous`, row by row. Continuation cells are never listed: writing a wide
    /// character covers them. A grid of another size counts as entirely changed.
    func diff(from previous: Grid) -> [CellChange] {
        let sameSize = previous.width == width && previous.height == height
        var changes: [CellChange] = []
        for row in 0..<height {
            for col in 0..<width {
                let cell = self[col, row]
                if cell.isContinuation { continue }
                if sameSize && previous[col, row] == cell {
                    // A wide character whose right half was overwritten on screen must be redrawn.
                    let neighbourChanged = col + 1 < width && previous[col + 1, row] != self[col + 1, row]
                    if !(neighbourChanged && cell.glyph.count > 1 && DisplayWidth.of(cell.text) == 2) { continue }
                }
                changes.append(CellChange(x: col, y: row, cell: cell))
            }
        }
        return changes
    }
}
