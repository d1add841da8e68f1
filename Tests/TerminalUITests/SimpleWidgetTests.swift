import Testing
@testable import TerminalUI

@Suite struct PanelWidgetTests {
    @Test func unicodeWithFooter() {
        let g = rendered(12, 4) { g, r in Panel(title: "Queues", footer: "3/8").render(into: &g, area: r, theme: .unicode()) }
        expectLines(g, [
            "┌ Queues ──┐",
            "│          │",
            "│          │",
            "└───── 3/8 ┘",
        ])
    }

    @Test func asciiReturnsInnerRect() {
        var g = Grid(width: 12, height: 4)
        let inner = Panel(title: "Queues", focused: true).draw(into: &g, area: g.bounds, theme: .ascii())
        #expect(inner == Rect(x: 1, y: 1, width: 10, height: 2))
        expectLines(g, [
            "+ Queues --+",
            "|          |",
            "|          |",
            "+----------+",
        ])
        #expect(g[2, 0].style.reverse)  // focused title reads without colour
    }

    @Test func longTitleIsTruncated() {
        let g = rendered(10, 3) { g, r in Panel(title: "Delivery metrics").render(into: &g, area: r, theme: .unicode()) }
        expectLines(g, [
            "┌ Deliv… ┐",
            "│        │",
            "└────────┘",
        ])
    }
}

@Suite struct TooSmallMessageWidgetTests {
    @Test func wrapsAndCentres() {
        let m = TooSmallMessage(needWidth: 80, needHeight: 24, haveWidth: 30, haveHeight: 10)
        let g = rendered(20, 4) { g, r in m.render(into: &g, area: r, theme: .ascii()) }
        expectLines(g, [
            "Terminal too small:",
            "need at least 80x24,",
            "     have 30x10",
            "",
        ])
        #expect(m.text(theme: .unicode()) == "Terminal too small: need at least 80×24, have 30×10")
    }

    /// At 50 columns the whole message needs 51: the break falls between phrases, not inside "have 50x12".
    @Test func breaksBetweenPhrases() {
        let m = TooSmallMessage(needWidth: 80, needHeight: 24, haveWidth: 50, haveHeight: 12)
        let g = rendered(50, 3) { g, r in m.render(into: &g, area: r, theme: .ascii()) }
        expectLines(g, [
            "     Terminal too small: need at least 80x24,",
            "                    have 50x12",
            "",
        ])
        // Narrower than a phrase: that phrase alone wraps by words.
        #expect(TextWrap.wrap(phrases: ["Terminal too small:", "need at least 80x24,", "have 9x3"], width: 9)
                    == ["Terminal", "too", "small:", "need at", "least", "80x24,", "have 9x3"])
    }
}

@Suite struct BigDigitsWidgetTests {
    @Test func ascii() {
        #expect(BigDigits.width(of: "1,0") == 9)
        let g = rendered(9, 5) { g, r in BigDigits("1,0").render(into: &g, area: r, theme: .ascii()) }
        expectLines(g, [
            " #    ###",
            "##    # #",
            " #    # #",
            " #  # # #",
            "### , ###",
        ])
    }

    @Test func unicodeCentred() {
        let g = rendered(7, 6) { g, r in BigDigits("7").render(into: &g, area: r, theme: .unicode()) }
        expectLines(g, [
            "  ███",
            "    █",
            "    █",
            "    █",
            "    █",
            "",
        ])
    }
}

@Suite struct HelpOverlayWidgetTests {
    @Test func centredBox() {
        let help = HelpOverlay(entries: [.init("q", "quit"), .init("?", "help")], title: "Keys")
        let g = rendered(13, 6) { g, r in help.render(into: &g, area: r, theme: .unicode()) }
        expectLines(g, [
            "",
            " ┌ Keys ───┐",
            " │ q  quit │",
            " │ ?  help │",
            " └─────────┘",
            "",
        ])
    }
}
