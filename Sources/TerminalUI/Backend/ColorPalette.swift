/// Concrete terminal colours for the semantic roles, for 256-colour and 8-colour terminals.
struct ColorPalette {
    let colorCount: Int

    /// The curses colour number of a role (-1 = the terminal's default).
    func color(_ role: ColorRole) -> Int {
        let rich = colorCount >= 256
        switch role {
        case .normal: return -1
        case .muted: return rich ? 245 : 7
        case .accent: return rich ? 38 : 6
        case .title: return rich ? 231 : 7
        case .selected: return rich ? 38 : 6
        case .focus: return rich ? 220 : 3
        case .warning: return rich ? 203 : 1
        case .good: return rich ? 114 : 2
        case .caution: return rich ? 214 : 3
        case .alert: return rich ? 196 : 1
        case .series(let i):
            let richSeries = [75, 214, 114, 246, 176, 203, 180, 80]
            let basicSeries = [4, 3, 2, 7, 5, 1, 6, 2]
            let list = rich ? richSeries : basicSeries
            return list[((i % list.count) + list.count) % list.count]
        }
    }
}
