/// Why `x` opened nothing, worded for the footer.
enum DrilldownRefusal: Error, Equatable, CustomStringConvertible {
    case noPanel
    case noSelection

    var description: String {
        switch self {
        case .noPanel: "x examines a panel's selection: Tab to a panel, select with the arrows (or X for the header's figures)"
        case .noSelection: "select an item first (arrows), then x lists its deliveries"
        }
    }
}
