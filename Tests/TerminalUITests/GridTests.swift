import Testing
@testable import TerminalUI

@Suite struct GridTests {
    @Test func putClipsToMaxWidthAndGrid() {
        var g = Grid(width: 6, height: 2)
        #expect(g.put("abcdef", x: 1, y: 0, maxWidth: 3) == 3)
        #expect(g.put("xyz", x: 4, y: 1) == 2)
        expectLines(g, [" abc", "    xy"])
    }

    @Test func wideCharactersTakeTwoCellsAndDoNotSplit() {
        var g = Grid(width: 5, height: 1)
        #expect(g.put("東京x", x: 0, y: 0) == 5)
        #expect(g[1, 0].isContinuation)
        #expect(g[3, 0].isContinuation)
        expectLines(g, ["東京x"])
        var h = Grid(width: 3, height: 1)
        // the second wide character would need columns 2-3: it is not drawn
        #expect(h.put("東京", x: 0, y: 0) == 2)
        expectLines(h, ["東"])
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var g = Grid(width: 4, height: 1)
        g.put("東京", x: 0, y: 0)
        g.put("a", x: 1, y: 0)  // right half of 東
        expectLines(g, [" a京"])
        g.put("b", x: 2, y: 0)  // left half of 京
        expectLines(g, [" ab"])
        #expect(!g[3, 0].isContinuation)
    }

    @Test func controlCharactersNeverReachTheGrid() {
        var g = Grid(width: 8, height: 1)
        g.put("\u{1b}[31m", x: 0, y: 0)
        expectLines(g, ["?[31m"])
    }

    @Test func fillAndLinesTrimTrailingSpaces() {
        var g = Grid(width: 5, height: 3)
        g.fill(Rect(x: 1, y: 1, width: 3, height: 5), with: "#")
        expectLines(g, ["", " ###", " ###"])
    }

    @Test func alignedPut() {
        var g = Grid(width: 8, height: 3)
        g.put("ab", x: 0, y: 0, width: 8, alignment: .right)
        g.put("ab", x: 0, y: 1, width: 8, alignment: .center)
        g.put("abcdefghij", x: 0, y: 2, width: 8, alignment: .left)
        expectLines(g, ["      ab", "   ab", "abcdefg…"])
    }

    @Test func diffListsOnlyChangedCells() {
        var a = Grid(width: 4, height: 2)
        a.put("abcd", x: 0, y: 0)
        var b = a
        b.put("X", x: 2, y: 0)
        b.put("Y", x: 0, y: 1, style: .title)
        #expect(b.diff(from: a) == [
            CellChange(x: 2, y: 0, cell: Cell("X")),
            CellChange(x: 0, y: 1, cell: Cell("Y", style: .title)),
        ])
        #expect(a.diff(from: a).isEmpty)
    }

    @Test func diffOfStyleOnlyChange() {
        var a = Grid(width: 3, height: 1)
        a.put("abc", x: 0, y: 0)
        var b = a
        b.modifyStyle(in: Rect(x: 1, y: 0, width: 1, height: 1)) { $0.reverse = true }
        #expect(b.diff(from: a) == [CellChange(x: 1, y: 0, cell: Cell("b", style: .selected.with(fg: .normal)))])
    }

    @Test func diffWithWideCharactersSkipsContinuations() {
        var a = Grid(width: 4, height: 1)
        a.put("abcd", x: 0, y: 0)
        var b = a
        b.put("東", x: 1, y: 0)
        #expect(b.diff(from: a) == [CellChange(x: 1, y: 0, cell: Cell("東"))])
        // back to narrow characters: both cells are written
        #expect(a.diff(from: b) == [CellChange(x: 1, y: 0, cell: Cell("b")), CellChange(x: 2, y: 0, cell: Cell("c"))])
    }

    @Test func diffAgainstAnotherSizeIsEverything() {
        let a = Grid(width: 2, height: 1)
        let b = Grid(width: 3, height: 1)
        #expect(b.diff(from: a).count == 3)
    }
}

extension Style {
    func with(fg: ColorRole) -> Style { var s = self; s.fg = fg; return s }
}

@Suite struct RectTests {
    @Test func rowsAndColumnsSplit() {
        let r = Rect(x: 0, y: 0, width: 10, height: 10)
        #expect(r.rows([.fixed(2), .fill, .fixed(3)]).map(\.height) == [2, 5, 3])
        #expect(r.columns([.percent(30), .fill(1), .fill(2)]).map(\.width) == [3, 3, 4])
        #expect(r.columns([.percent(30), .fill(1), .fill(2)]).map(\.x) == [0, 3, 6])
        #expect(r.columns([.fixed(4), .fixed(4)], gap: 2).map(\.x) == [0, 6])
        // overflow is cut from the end
        #expect(r.rows([.fixed(8), .fixed(8)]).map(\.height) == [8, 2])
    }

    @Test func insetAndCenter() {
        let r = Rect(x: 2, y: 3, width: 10, height: 6)
        #expect(r.inset(1) == Rect(x: 3, y: 4, width: 8, height: 4))
        #expect(r.inset(10).isEmpty)
        #expect(r.centered(width: 4, height: 2) == Rect(x: 5, y: 5, width: 4, height: 2))
    }
}

@Suite struct CellTextTests {
    /// Text round-trips through the inline bytes, code points included; equal texts are equal cells and hash alike;
    /// text longer than a cell holds becomes the replacement character.
    @Test func roundTrips() {
        let texts = ["", " ", "a", "~", "é", "e\u{301}", "─", "█", "\u{28FF}", "東", "\u{1F468}", "1\u{20E3}",
                     "\u{1F44D}\u{1F3FD}", "a\u{301}\u{302}\u{303}\u{304}", String(repeating: "\u{1F600}", count: 5)]
        for text in texts {
            let cell = CellText(text)
            #expect(cell.string == text)
            #expect(Int(cell.count) == text.utf8.count)
            var scalars: [UInt32] = []
            cell.appendScalars(to: &scalars)
            #expect(scalars == text.unicodeScalars.map(\.value), "\(text.debugDescription)")
            #expect(CellText(text) == cell && CellText(text).hashValue == cell.hashValue)
            #expect(cell.isByte(0x20) == (text == " "))
        }
        #expect(CellText("a") != CellText("b") && CellText("ab") != CellText("a") && CellText("") != CellText(" "))
        #expect(CellText(String(repeating: "\u{1F600}", count: 6)).string == "\u{FFFD}")  // 24 bytes: one too many
        #expect(CellText("a\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}\u{307}\u{308}\u{309}\u{30A}").count == 21)
        #expect(MemoryLayout<Cell>.stride <= 56)
        #expect(Cell("x").text == "x" && Cell.blank.glyph == CellText(" "))
    }
}
