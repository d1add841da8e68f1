import Testing
@testable import TerminalUI

/// Grapheme clusters are one unit where widths are measured and where cells are written and diffed, and each
/// is written in a form that ncurses and every terminal give the same columns (`TerminalGlyph`), so a panel's
/// right border stays in its column.
@Suite struct GraphemeGridTests {
    static let flag = "\u{1F1FA}\u{1F1F8}"  // 🇺🇸
    static let heart = "\u{2764}\u{FE0F}"  // ❤️
    static let keycap = "1\u{FE0F}\u{20E3}"  // 1️⃣
    static let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}"  // 👨‍👩‍👧

    @Test func eachClusterIsOneCharacterOfWidthTwo() {
        for cluster in [Self.flag, Self.heart, Self.keycap, Self.family] {
            #expect(cluster.count == 1, "\(cluster.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(DisplayWidth.of(cluster) == 2, "\(cluster)")
        }
    }

    /// `|name|` in a 10-column box: the border after the cluster stays in column 9.
    func boxed(_ name: String) -> Grid {
        var g = Grid(width: 10, height: 1)
        g.put("|", x: 0, y: 0)
        g.put(name, x: 1, y: 0, width: 8, alignment: .left)
        g.put("|", x: 9, y: 0)
        return g
    }

    @Test func aFlagIsWrittenAsItsTwoLetters() {
        let g = boxed("a" + Self.flag + "b")
        expectLines(g, ["|aUSb    |"])
        #expect(!g[3, 0].isContinuation, "the second letter is a cell of its own")
    }

    @Test func aVariationSelectorEmojiIsNarrowWithABlankAfterIt() {
        expectLines(boxed("a" + Self.heart + "b"), ["|a\u{2764} b    |"])
        expectLines(boxed("a" + Self.keycap + "b"), ["|a1\u{20E3} b    |"])
        let g = boxed(Self.heart)
        #expect(g[1, 0].text == "\u{2764}", "the selector is dropped: ncurses would measure ❤️ as one column")
        #expect(g[2, 0] == Cell(" "))
    }

    @Test func aZWJSequenceKeepsItsFirstEmojiWide() {
        let g = boxed("a" + Self.family + "b")
        expectLines(g, ["|a\u{1F468}b    |"])
        #expect(g[2, 0].text == "\u{1F468}", "no joiner is left to join the next cell on the terminal")
        #expect(g[3, 0].isContinuation)
    }

    @Test func everyClusterLeavesTheBorderInPlace() {
        for cluster in [Self.flag, Self.heart, Self.keycap, Self.family, "\u{1F44D}\u{1F3FD}", "e\u{301}"] {
            let g = boxed(cluster + cluster + cluster + cluster + cluster)
            #expect(g[9, 0].text == "|", "\(cluster)")
            // The columns the cells take add up to the grid's width (continuations are part of their cluster).
            let columns = g.cells.reduce(0) { $0 + ($1.isContinuation ? 0 : max(1, DisplayWidth.of($1.text))) }
            #expect(columns == 10, "\(cluster): \(g.lines())")
        }
    }

    @Test func aClusterLongerThanACellDegradesToAReplacementOfTheSameWidth() {
        let zalgo = "a" + String(repeating: "\u{301}", count: 7)  // 8 code points: more than CCHARW_MAX
        #expect(zalgo.count == 1)
        expectLines(boxed("x" + zalgo + "y"), ["|x\u{FFFD}y     |"])
        // A wide base with many marks: the wide replacement keeps both columns.
        let wide = "\u{6771}" + String(repeating: "\u{301}", count: 6)
        let g = boxed("x" + wide + "y")
        expectLines(g, ["|x\u{FF1F}y    |"])
        #expect(g[3, 0].isContinuation)
        for cell in g.cells { #expect(cell.text.unicodeScalars.count <= TerminalGlyph.maxScalars) }
    }

    @Test func theDiffRewritesAWholeClusterAndLeavesNoStaleCell() {
        var before = Grid(width: 6, height: 1)
        before.put(Self.family + "abcd", x: 0, y: 0)
        var after = Grid(width: 6, height: 1)
        after.put("x" + Self.flag + "abc", x: 0, y: 0)
        let changes = after.diff(from: before)
        // Applying the changes to the old screen gives the new one: nothing of the family is left.
        var screen = before
        for change in changes { screen.setCell(x: change.x, y: change.y, change.cell) }
        for x in 0..<6 where after[x, 0].isContinuation { screen.setCell(x: x, y: 0, after[x, 0]) }
        expectLines(screen, after.lines())
        #expect(changes.map(\.x) == [0, 1, 2, 3, 4, 5])
        // And back: the wide cluster is one change, its continuation none.
        let back = before.diff(from: after)
        #expect(back.first?.cell.text == "\u{1F468}")
        #expect(!back.contains { $0.x == 1 })
    }
}
