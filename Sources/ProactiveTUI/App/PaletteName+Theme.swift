import TerminalUI
import DashboardModel

extension PaletteName {
    /// The palette of a `--theme` / `theme` setting.
    init(theme: ThemeName) {
        switch theme {
        case .dark: self = .dark
        case .light: self = .light
        case .colorblind: self = .colorblind
        case .mono: self = .mono
        }
    }
}
