/// Concrete terminal colours for the semantic roles: the palette's xterm-256 colour for each role, degraded to the
/// nearest colour the terminal has (`ColorDepth`). Pure: palette × colour count → colour numbers.
struct ColorPalette: Hashable, Sendable {
    var name: PaletteName = .dark
    let colorCount: Int

    init(_ name: PaletteName = .dark, colorCount: Int) {
        self.name = name
        self.colorCount = colorCount
    }

    /// The curses colour number of a role (-1 = the terminal's default; every role in `mono`).
    func color(_ role: ColorRole) -> Int {
        guard let rich = PaletteColors.xterm256(role, in: name) else { return -1 }
        return ColorDepth.nearest(rich, colorCount: colorCount)
    }
}

/// Each palette's colours as xterm-256 numbers (what a 256-colour terminal shows as they are).
enum PaletteColors {
    /// The colour of `role` in `palette`; nil for the terminal's own colour (`normal`, and everything in `mono`).
    static func xterm256(_ role: ColorRole, in palette: PaletteName) -> Int? {
        switch palette {
        case .mono: return nil
        case .dark: return dark(role)
        case .light: return light(role)
        case .colorblind: return colorblind(role)
        }
    }

    /// Series colours by slot. Status slots: Pending 0, InProcess 1, Complete 2, Expired 3, Cancelled 4, Error 5.
    static let darkSeries = [75, 214, 114, 246, 176, 203, 180, 80]
    /// Darker, saturated colours that read on a white or cream background.
    static let lightSeries = [19, 166, 28, 242, 91, 160, 94, 30]
    /// Okabe-Ito (sky blue, orange, blue, grey, reddish purple, vermillion, yellow, bluish green) as the nearest
    /// xterm-256 colours (blue and purple taken where their hue stays blue and magenta on 8-colour terminals):
    /// Complete (blue) and Error (vermillion) differ in hue and lightness for every common colour-vision deficiency.
    static let colorblindSeries = [74, 214, 68, 246, 176, 166, 227, 36]

    static func series(_ list: [Int], _ i: Int) -> Int { list[((i % list.count) + list.count) % list.count] }

    static func dark(_ role: ColorRole) -> Int? {
        switch role {
        case .normal: nil
        case .muted: 245
        case .accent: 38
        case .title: 231
        case .selected: 38
        case .focus: 220
        case .warning: 203
        case .good: 114
        case .caution: 214
        case .alert: 196
        case .series(let i): series(darkSeries, i)
        }
    }

    static func light(_ role: ColorRole) -> Int? {
        switch role {
        case .normal: nil
        case .muted: 241
        case .accent: 25
        case .title: 16
        case .selected: 25
        case .focus: 130
        case .warning: 160
        case .good: 28
        case .caution: 172
        case .alert: 160
        case .series(let i): series(lightSeries, i)
        }
    }

    /// Threshold levels: yellow for warn, vermillion for alert (apart by lightness as much as by hue); good is
    /// sky blue, never green.
    static func colorblind(_ role: ColorRole) -> Int? {
        switch role {
        case .normal: nil
        case .muted: 245
        case .accent: 74
        case .title: 231
        case .selected: 74
        case .focus: 227
        case .warning: 166
        case .good: 74
        case .caution: 227
        case .alert: 166
        case .series(let i): series(colorblindSeries, i)
        }
    }
}

/// What a terminal with fewer colours shows for an xterm-256 colour: the nearest of its 16 or 8. Nearest by hue
/// first (a pale green stays green rather than turning white), greys by lightness; with 16 colours a light
/// colour takes the bright variant.
enum ColorDepth {
    /// The colour number to use for xterm-256 colour `index` on a terminal of `colorCount` colours (-1: none).
    static func nearest(_ index: Int, colorCount: Int) -> Int {
        if colorCount >= 256 { return index }
        guard colorCount >= 8 else { return -1 }
        let bright = colorCount >= 16
        if index < 16 { return bright ? index : index % 8 }
        let (r, g, b) = rgb(index)
        let maxC = max(r, g, b), minC = min(r, g, b)
        let value = Double(maxC) / 255
        let saturation = maxC == 0 ? 0 : Double(maxC - minC) / Double(maxC)
        if saturation < 0.2 {
            if bright {
                return value < 0.3 ? 0 : value < 0.6 ? 8 : value < 0.85 ? 7 : 15
            }
            return value < 0.5 ? 0 : 7
        }
        // The six hues of the basic colours, in their numbers' order: red 1, green 2, yellow 3, blue 4, magenta 5,
        // cyan 6 (a tie goes to the lower number).
        let hue = hueDegrees(r, g, b)
        let hues: [(Int, Double)] = [(1, 0), (2, 120), (3, 60), (4, 240), (5, 300), (6, 180)]
        var best = 1
        var bestDistance = Double.infinity
        for (number, h) in hues {
            let d = min(abs(hue - h), 360 - abs(hue - h))
            if d < bestDistance - 1e-9 { best = number; bestDistance = d }
        }
        return bright && value > 0.9 && saturation < 0.75 ? best + 8 : best
    }

    /// The RGB of an xterm-256 colour 16-255 (the 6×6×6 cube, then the grey ramp).
    static func rgb(_ index: Int) -> (Int, Int, Int) {
        if index >= 232 {
            let v = 8 + (index - 232) * 10
            return (v, v, v)
        }
        let levels = [0, 95, 135, 175, 215, 255]
        let i = index - 16
        return (levels[i / 36], levels[(i / 6) % 6], levels[i % 6])
    }

    static func hueDegrees(_ r: Int, _ g: Int, _ b: Int) -> Double {
        let maxC = max(r, g, b), minC = min(r, g, b)
        let d = Double(maxC - minC)
        guard d > 0 else { return 0 }
        var h: Double
        if maxC == r {
            h = Double(g - b) / d
        } else if maxC == g {
            h = 2 + Double(b - r) / d
        } else {
            h = 4 + Double(r - g) / d
        }
        h *= 60
        if h < 0 { h += 360 }
        return h
    }
}
