/// The dashboard's palettes (`--theme`, `theme` in the settings file). `mono` draws no colour (as `--no-color`).
public enum ThemeName: String, CaseIterable, Hashable, Sendable {
    /// For dark terminal backgrounds (the default).
    case dark
    /// For light terminal backgrounds: dark, saturated colours.
    case light
    /// Okabe-Ito colours: statuses, results, dial modes and threshold levels apart without telling red from green.
    case colorblind
    /// No colour: attributes and fill characters only.
    case mono

    public static let names = allCases.map(\.rawValue)
}
