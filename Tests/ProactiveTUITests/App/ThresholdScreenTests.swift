import DashboardModel
import Testing
@testable import ProactiveTUI
@testable import TerminalUI

/// Figures over their levels on the fixture's screen (`AppFixture`): abandoned 10.8% over an alert at 10%, connect
/// 64.9% under a warn at 70%, processed 86.3% under a warn at 90% (alert at 85%), pending 400 under its warn at 500.
/// Rows: configurations 2,700/3,100 = 87.1% (warn), 1,750/2,030 = 86.2% (warn), 1,100/1,300 = 84.6% (alert); queues
/// 3,500/4,000 = 87.5% (warn), 2,050/2,430 = 84.4% (alert).
@Suite struct ThresholdScreenTests {
    static var thresholds: Thresholds {
        var t = Thresholds()
        t[.abandonedRate] = ThresholdRule(.above, warn: 0.05, alert: 0.10)
        t[.connectRate] = ThresholdRule(.below, warn: 0.70, alert: 0.50)
        t[.processedRate] = ThresholdRule(.below, warn: 0.90, alert: 0.85)
        t[.pending] = ThresholdRule(.above, warn: 500)
        return t
    }

    func screen(_ width: Int, _ height: Int, unicode: Bool = true, wall: Bool = false, colors: Bool = false) -> Grid {
        var context = ScreenContext(theme: unicode ? .unicode(colors: colors) : .ascii(colors: colors))
        context.thresholds = Self.thresholds
        return ScreenComposer.compose(data: AppFixture.data, state: UIState(wall: wall), context: context,
                                      width: width, height: height).grid
    }

    /// The style of the cell where `text` starts on line `y`.
    func style(of text: String, line y: Int, in grid: Grid) -> Style? {
        let line = grid.lines()[y]
        guard let range = line.range(of: text) else { return nil }
        let x = DisplayWidth.of(String(line[..<range.lowerBound]))
        return grid[x, y].style
    }

    @Test func headerMarksAndColours() {
        let grid = screen(120, 35)
        let lines = grid.lines()
        #expect(lines[0] == "Proactive Outbound · Total 6,430 · Processed 5,550 (86.3%) !                                            Updated 16:45:30")
        #expect(lines[2] == "Pending 400 · In progress 160 · Throughput 240/h · Clear in 1h 40m · Abandoned/attempted 10.8% !! · Connect 64.9% !")
        #expect(style(of: "Abandoned/attempted 10.8% !!", line: 2, in: grid) == .alert)
        #expect(style(of: "Connect 64.9% !", line: 2, in: grid) == .caution)
        #expect(style(of: "Pending 400", line: 2, in: grid) == .normal)
        #expect(style(of: "Processed 5,550", line: 0, in: grid) == .caution)
        #expect(Style.alert.fg == .alert && Style.caution.fg == .caution)
        // Without colour the two levels still differ in attributes, and the markers say which.
        #expect(Style.alert.underline && !Style.caution.underline)
    }

    @Test func tableCellsMarked() {
        let grid = screen(120, 35)
        let lines = grid.lines()
        #expect(lines[19].contains("Relance clients –… Active High     3,100   2,700 !"))
        #expect(lines[20].contains("年末キャンペーン   Active Normal   2,030   1,750 !"))
        #expect(lines[21].contains("Win-back survey    -      -        1,300  1,100 !!"))
        #expect(lines[19].contains("Collections Q        4,000   3,500 !"))
        #expect(lines[20].contains("Renewals Q           2,430  2,050 !!"))
        #expect(style(of: "1,100 !!", line: 21, in: grid) == .alert)
        #expect(style(of: "2,700 !", line: 19, in: grid) == .caution)
        #expect(style(of: "3,100", line: 19, in: grid) == .normal)
    }

    /// ASCII and no colour (`--no-color`, `--ascii`): the markers are plain `!` and `!!`.
    @Test func asciiMarkers() {
        let lines = screen(120, 35, unicode: false).lines()
        #expect(lines[0].hasPrefix("Proactive Outbound | Total 6,430 | Processed 5,550 (86.3%) !"))
        #expect(lines[2].hasPrefix("Pending 400 | In progress 160 | Throughput 240/h | Clear in 1h 40m | Abandoned/attempted 10.8% !! | Connect 64.9% !"))
        #expect(lines[21].contains("1,100 !!"))
    }

    @Test func wallTilesMarked() {
        let grid = screen(160, 40, wall: true)
        let lines = grid.lines()
        let captions = lines[7]
        #expect(captions.contains("Abandoned/attempted !!"))
        #expect(captions.contains("Connect rate !"))
        #expect(captions.contains("Processed !"))
        #expect(captions.contains("Pending") && !captions.contains("Pending !"))
        #expect(style(of: "Abandoned/attempted !!", line: 7, in: grid) == .alert)
        #expect(style(of: "Connect rate !", line: 7, in: grid) == .caution)
    }

    /// The compliance figure (`AppFixture.withComparison`): the worst rate 3.16% and the rows against
    /// `compliance-rate` above warn 2.5%, alert 3%: Genève 3.16% alert, 年末 15 / 500 = 3.00% exactly at the alert
    /// level (reaching it counts), Win-back 0.50% normal.
    @Test func complianceRateMarked() throws {
        var t = Thresholds()
        t[.complianceRate] = ThresholdRule(.above, warn: 0.025, alert: 0.03)
        let data = AppFixture.withComparison
        #expect(t.level(.complianceRate, in: data) == .alert)
        var context = ScreenContext(theme: .unicode(colors: false))
        context.thresholds = t
        var state = UIState()
        state.zoomed = .compliance
        state.visiblePanel = .compliance
        state.focus = .panel(.compliance)
        let grid = ScreenComposer.compose(data: data, state: state, context: context, width: 120, height: 35).grid
        let lines = grid.lines()
        #expect(lines[2].contains("!!"), "the header's compliance item: \(lines[2])")
        let geneve = try #require(lines.firstIndex { $0.contains("Genève") })
        let cjk = try #require(lines.firstIndex { $0.contains("年末") })
        let winback = try #require(lines.firstIndex { $0.contains("Win-back") })
        #expect(lines[geneve].contains("3.16% !!"))
        #expect(lines[cjk].contains("3.00% !!"))
        #expect(lines[winback].contains("0.50%") && !lines[winback].contains("!"))
        #expect(style(of: "3.00% !!", line: cjk, in: grid) == .alert)
    }

    /// No thresholds: the screen is the one the other goldens freeze.
    @Test func noThresholdsNoMarks() {
        let plain = ScreenComposer.compose(data: AppFixture.data, state: UIState(), context: ScreenContext(theme: .unicode(colors: false)),
                                           width: 120, height: 35).grid.lines()
        #expect(!plain.joined().contains("!"))
    }
}
