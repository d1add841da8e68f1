import Testing
@testable import TerminalUI

/// Palettes × colour counts → colour numbers (pure), and what each palette keeps apart.
@Suite struct PaletteTests {
    let statusRoles = (0..<6).map { ColorRole.series($0) }  // Pending, InProcess, Complete, Expired, Cancelled, Error

    @Test func richColoursPassThroughAndFewerDegradeToTheNearest() {
        #expect(ColorDepth.nearest(203, colorCount: 256) == 203)
        // Greys by lightness, colours by hue; bright variants only with 16.
        #expect(ColorDepth.nearest(231, colorCount: 8) == 7)
        #expect(ColorDepth.nearest(231, colorCount: 16) == 15)
        #expect(ColorDepth.nearest(16, colorCount: 16) == 0)
        #expect(ColorDepth.nearest(240, colorCount: 16) == 8)
        #expect(ColorDepth.nearest(196, colorCount: 8) == 1)   // red
        #expect(ColorDepth.nearest(114, colorCount: 8) == 2)   // a pale green stays green, not white
        #expect(ColorDepth.nearest(114, colorCount: 16) == 2)
        #expect(ColorDepth.nearest(227, colorCount: 16) == 11) // light yellow: bright yellow
        #expect(ColorDepth.nearest(68, colorCount: 8) == 4)    // blue
        #expect(ColorDepth.nearest(166, colorCount: 8) == 1)   // vermillion: red
        #expect(ColorDepth.nearest(214, colorCount: 8) == 3)   // orange: yellow
        #expect(ColorDepth.nearest(12, colorCount: 8) == 4)    // a bright basic colour on 8: its dark twin
        #expect(ColorDepth.nearest(75, colorCount: 2) == -1)
        // The cube and the grey ramp.
        #expect(ColorDepth.rgb(196) == (255, 0, 0) && ColorDepth.rgb(232) == (8, 8, 8) && ColorDepth.rgb(231) == (255, 255, 255))
    }

    @Test func darkAtEightColoursIsThePaletteOfBefore() {
        // The hand-picked 8-colour numbers the dashboard used before palettes existed.
        let p = ColorPalette(.dark, colorCount: 8)
        let before: [(ColorRole, Int)] = [(.muted, 7), (.accent, 6), (.title, 7), (.selected, 6), (.focus, 3), (.warning, 1),
                                          (.good, 2), (.caution, 3), (.alert, 1), (.series(0), 4), (.series(1), 3),
                                          (.series(2), 2), (.series(3), 7), (.series(4), 5), (.series(5), 1)]
        for (role, color) in before { #expect(p.color(role) == color, "\(role)") }
        #expect(ColorPalette(.dark, colorCount: 256).color(.series(2)) == 114)
    }

    @Test func monoHasNoColours() {
        for count in [0, 8, 16, 256] {
            let p = ColorPalette(.mono, colorCount: count)
            for role in statusRoles + [.alert, .caution, .title, .muted, .accent] { #expect(p.color(role) == -1) }
        }
    }

    /// Hue in degrees of a palette colour at 256 colours.
    func hue(_ palette: PaletteName, _ role: ColorRole) -> Double {
        let (r, g, b) = ColorDepth.rgb(ColorPalette(palette, colorCount: 256).color(role))
        return ColorDepth.hueDegrees(r, g, b)
    }

    @Test func colorblindHasNoRedGreenPairAndKeepsLevelsApart() {
        // No colour of the status, level or good roles is green (hue 75-165°) in colorblind: nothing leans on
        // telling red from green.
        for role in statusRoles + [.good, .caution, .alert] {
            let h = hue(.colorblind, role)
            let (r, g, b) = ColorDepth.rgb(ColorPalette(.colorblind, colorCount: 256).color(role))
            let grey = max(r, g, b) - min(r, g, b) < 30
            #expect(grey || !(75...165).contains(h), "\(role) hue \(h)")
        }
        // Complete and Error, warn and alert, good and alert differ at every depth.
        for count in [8, 16, 256] {
            let p = ColorPalette(.colorblind, colorCount: count)
            #expect(p.color(.series(2)) != p.color(.series(5)), "Complete / Error at \(count)")
            #expect(p.color(.caution) != p.color(.alert), "warn / alert at \(count)")
            #expect(p.color(.good) != p.color(.alert), "good / alert at \(count)")
            #expect(Set(statusRoles.map(p.color)).count >= (count >= 16 ? 5 : 4), "statuses at \(count)")
        }
        // The dark palette's Complete (green) and Error (red) are the pair colorblind replaces.
        #expect((75...165).contains(hue(.dark, .series(2))))
    }

    @Test func lightUsesDarkColoursForText() {
        let p = ColorPalette(.light, colorCount: 256)
        for role in [ColorRole.title, .accent, .focus, .warning, .good, .alert] + statusRoles where role != .series(3) {
            let (r, g, b) = ColorDepth.rgb(p.color(role))
            #expect(max(r, g, b) <= 215, "\(role) is dark enough for a light background")
        }
        #expect(ColorPalette(.light, colorCount: 8).color(.title) == 0)
        #expect(ColorPalette(.dark, colorCount: 8).color(.title) == 7)
    }
}
