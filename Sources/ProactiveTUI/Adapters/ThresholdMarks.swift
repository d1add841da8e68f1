import DashboardModel
import TerminalUI

/// How a figure over a threshold level is drawn: amber (`!`) or red (`!!`), the marker after the figure so it reads
/// without colour, in ASCII too.
enum ThresholdMarks {
    static func style(_ level: ThresholdLevel) -> Style? {
        switch level {
        case .normal: nil
        case .warn: .caution
        case .alert: .alert
        }
    }

    /// `10.8%` as `10.8% !!` at alert.
    static func marked(_ text: String, _ level: ThresholdLevel) -> String {
        level == .normal ? text : text + " " + level.marker
    }
}
