import DashboardModel
import TerminalUI

/// The compliance figure in words, told apart from Microsoft's abandoned rate (over attempted) everywhere it shows:
/// the worst configuration's abandoned / live-answered calls in the rule's window, and how many configurations
/// are over the 3% limit (`Abandoned/live 30d max 4.76%, 1 over 3%`; shorter `Aband/live 30d 4.76%`, `Aband/live 4.76%`).
struct ComplianceText {
    let figures: ComplianceFigures

    init(_ figures: ComplianceFigures) { self.figures = figures }

    /// The worst rate to two decimals (`4.76%`), or `-` when nothing was live-answered.
    var worst: String { figures.worstRate.map { NumberFormat.percent($0, decimals: 2) } ?? "-" }
    var over: Int { figures.overLimitCount }
    var window: String { figures.rule.windowLabel }

    /// The header's long form.
    var long: String {
        "Abandoned/live \(window) max \(worst), \(over) over \(ComplianceFigures.limitPercent)%"
    }

    /// The header's shorter forms: the window while there is room for it, then the rate alone.
    var medium: String { "Aband/live \(window) \(worst)" }
    var short: String { "Aband/live \(worst)" }

    /// The wall tile's caption: `Abandoned/live 30d, 1 over` (its value is `worst`).
    var caption: String { "Abandoned/live \(window), \(over) over" }
}
