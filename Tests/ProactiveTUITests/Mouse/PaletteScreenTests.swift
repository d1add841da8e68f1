import DashboardModel
import Testing
@testable import ProactiveTUI
@testable import TerminalUI

/// Whole screens at 120x35 per palette: the fixture with thresholds (`ThresholdScreenTests`), colour on. The text is
/// the same in every palette; the colours of the live line (a figure in alert, one in warn), the status chart's
/// legend, the result donut's legend and ring and a marked table row are written out as runs `text[fg/bg]` (curses
/// colour numbers at 256 colours, `-` for the terminal's own), and colorblind's at 8 colours.
@Suite struct PaletteScreenTests {
    func frame(state: UIState = UIState()) -> Grid {
        var context = ScreenContext(theme: .unicode(colors: true))
        context.thresholds = ThresholdScreenTests.thresholds
        return ScreenComposer.compose(data: AppFixture.data, state: state, context: context, width: 120, height: 35).grid
    }

    /// Line `y` from column `x` for `width` cells as runs of one colour pair.
    static func runs(_ grid: Grid, y: Int, x: Int = 0, width: Int? = nil, palette: ColorPalette) -> String {
        var out = ""
        var current: String?
        var text = ""
        let end = min(grid.width, x + (width ?? grid.width))
        for cx in x..<end {
            let cell = grid[cx, y]
            if cell.isContinuation { continue }
            let fg = palette.color(cell.style.fg), bg = cell.style.bg.map(palette.color) ?? -1
            let key = "[\(fg == -1 ? "-" : String(fg))/\(bg == -1 ? "-" : String(bg))]"
            if key != current {
                if let current { out += text + current }
                current = key
                text = ""
            }
            text += cell.text
        }
        if let current { out += text + current }
        return out
    }

    func colours(_ palette: PaletteName, count: Int = 256) -> [String] {
        let grid = frame()
        let p = ColorPalette(palette, colorCount: count)
        return [
            Self.runs(grid, y: 2, x: 49, width: 71, palette: p),   // the live line: Abandoned !! and Connect !
            Self.runs(grid, y: 3, x: 29, width: 50, palette: p),   // frames: the sidebar's, the focused chart's
            Self.runs(grid, y: 14, x: 31, width: 43, palette: p),  // status legend, 1st line
            Self.runs(grid, y: 15, x: 31, width: 43, palette: p),  // status legend, 2nd line
            Self.runs(grid, y: 12, x: 76, width: 20, palette: p),  // result legend: LiveAnswer
            Self.runs(grid, y: 8, x: 76, width: 20, palette: p),   // the result ring across its hole
            Self.runs(grid, y: 21, x: 31, width: 50, palette: p),  // configuration row: Processed marked
        ]
    }

    @Test func oneGridForEveryPalette() {
        let lines = frame().lines()
        #expect(lines.count == 35)
        #expect(lines[2].contains("Abandoned/attempted 10.8% !!"))
        // Palettes change colour numbers only: the grid (text and style roles) is one for all; mono draws it all
        // in the terminal's own colours.
        let mono = ColorPalette(.mono, colorCount: 256)
        let grid = frame()
        for y in 0..<grid.height { for x in 0..<grid.width { #expect(mono.color(grid[x, y].style.fg) == -1) } }
    }

    @Test func dark() {
        expectRuns(colours(.dark), [
            "· Clear in 1h 40m[-/-] · Abandoned/attempted 10.8% !![196/-] · Connect 64.9% ![214/-]     [-/-]",
            "┐[245/-]┌[220/-] 1 Total deliveries by status [231/-]─────────────┐[220/-]┌[245/-] 2 [231/-]",
            "█[75/-] Pending 400  [-/-]▓[214/-] InProcess 160             [-/-]",
            "▒[114/-] Complete 5,550  [-/-]░[246/-] Expired 290  [-/-]▞[203/-] Error 30[-/-]",
            "▚[176/-] LiveAnswer   54.1%[-/-]",
            "  [-/-]⣿⣿⣿⣧[246/-]  [-/-]5.5k[231/-]  [-/-]⣼⣿⣿⣿[176/-]  [-/-]",
            "Win-back survey    -      -        1,300  [-/-]1,100 !![196/-]",
        ])
    }

    @Test func light() {
        expectRuns(colours(.light), [
            "· Clear in 1h 40m[-/-] · Abandoned/attempted 10.8% !![160/-] · Connect 64.9% ![172/-]     [-/-]",
            "┐[241/-]┌[130/-] 1 Total deliveries by status [16/-]─────────────┐[130/-]┌[241/-] 2 [16/-]",
            "█[19/-] Pending 400  [-/-]▓[166/-] InProcess 160             [-/-]",
            "▒[28/-] Complete 5,550  [-/-]░[242/-] Expired 290  [-/-]▞[160/-] Error 30[-/-]",
            "▚[91/-] LiveAnswer   54.1%[-/-]",
            "  [-/-]⣿⣿⣿⣧[242/-]  [-/-]5.5k[16/-]  [-/-]⣼⣿⣿⣿[91/-]  [-/-]",
            "Win-back survey    -      -        1,300  [-/-]1,100 !![160/-]",
        ])
    }

    @Test func colorblind() {
        expectRuns(colours(.colorblind), [
            "· Clear in 1h 40m[-/-] · Abandoned/attempted 10.8% !![166/-] · Connect 64.9% ![227/-]     [-/-]",
            "┐[245/-]┌[227/-] 1 Total deliveries by status [231/-]─────────────┐[227/-]┌[245/-] 2 [231/-]",
            "█[74/-] Pending 400  [-/-]▓[214/-] InProcess 160             [-/-]",
            "▒[68/-] Complete 5,550  [-/-]░[246/-] Expired 290  [-/-]▞[166/-] Error 30[-/-]",
            "▚[176/-] LiveAnswer   54.1%[-/-]",
            "  [-/-]⣿⣿⣿⣧[246/-]  [-/-]5.5k[231/-]  [-/-]⣼⣿⣿⣿[176/-]  [-/-]",
            "Win-back survey    -      -        1,300  [-/-]1,100 !![166/-]",
        ])
    }

    @Test func colorblindAtEightColours() {
        expectRuns(colours(.colorblind, count: 8), [
            "· Clear in 1h 40m[-/-] · Abandoned/attempted 10.8% !![1/-] · Connect 64.9% ![3/-]     [-/-]",
            "┐[7/-]┌[3/-] 1 Total deliveries by status [7/-]─────────────┐[3/-]┌ 2 [7/-]",
            "█[6/-] Pending 400  [-/-]▓[3/-] InProcess 160             [-/-]",
            "▒[4/-] Complete 5,550  [-/-]░[7/-] Expired 290  [-/-]▞[1/-] Error 30[-/-]",
            "▚[5/-] LiveAnswer   54.1%[-/-]",
            "  [-/-]⣿⣿⣿⣧[7/-]  [-/-]5.5k[7/-]  [-/-]⣼⣿⣿⣿[5/-]  [-/-]",
            "Win-back survey    -      -        1,300  [-/-]1,100 !![1/-]",
        ])
    }

    /// `mono` is `--no-color`: the theme without colour, whose donuts draw fill characters (braille needs colour
    /// to tell slices apart); every cell in the terminal's own colours.
    @Test func mono() {
        var context = ScreenContext(theme: .unicode(colors: false))
        context.thresholds = ThresholdScreenTests.thresholds
        let grid = ScreenComposer.compose(data: AppFixture.data, state: UIState(), context: context, width: 120, height: 35).grid
        let p = ColorPalette(.mono, colorCount: 256)
        expectRuns([Self.runs(grid, y: 8, x: 76, width: 20, palette: p), Self.runs(grid, y: 21, x: 31, width: 50, palette: p)], [
            "  ░░░░  5.5k  ▚▚▚▚  [-/-]",
            "Win-back survey    -      -        1,300  1,100 !![-/-]",
        ])
        #expect(grid[50, 2].style == Style.normal)
        #expect(grid.lines()[2].hasSuffix("Abandoned/attempted 10.8% !! · Connect 64.9% !"))
    }
}

/// Compares colour runs line by line; a failure shows both.
func expectRuns(_ actual: [String], _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(actual == expected, "\nactual:\n\(actual.joined(separator: "\n"))\nexpected:\n\(expected.joined(separator: "\n"))",
            sourceLocation: sourceLocation)
}
