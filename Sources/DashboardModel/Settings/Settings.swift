/// What the settings file holds (`settings.toml`): saved views in file order, thresholds, the abandon rule, the
/// palette and whether the mouse is on.
public struct Settings: Hashable, Sendable {
    public var views: [SavedView]
    public var thresholds: Thresholds
    /// `abandon-rule`: `us-30d` or `uk-24h` (the compliance window), when the file sets it; `--abandon-rule` wins.
    public var abandonRule: AbandonRule?
    /// `theme`: the palette, when the file sets it; `--theme` wins (and `--no-color` over both).
    public var theme: ThemeName?
    /// `mouse`: false turns mouse reporting off, as `--no-mouse` does.
    public var mouse: Bool?

    public init(views: [SavedView] = [], thresholds: Thresholds = Thresholds(), abandonRule: AbandonRule? = nil,
                theme: ThemeName? = nil, mouse: Bool? = nil) {
        self.views = views
        self.thresholds = thresholds
        self.abandonRule = abandonRule
        self.theme = theme
        self.mouse = mouse
    }

    public static let empty = Settings()

    /// The rules `abandon-rule` accepts.
    public static let abandonRules = AbandonRule.allCases.map(\.rawValue)

    public func view(named name: String) -> SavedView? { views.first { $0.name == name } }
    public var viewNames: [String] { views.map(\.name) }
}
