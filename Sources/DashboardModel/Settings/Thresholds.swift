/// A figure the settings can set levels for (`[thresholds.NAME]`).
public enum ThresholdFigure: String, CaseIterable, Sendable, Hashable {
    case abandonedRate = "abandoned-rate"
    case connectRate = "connect-rate"
    case pending
    case timeToClear = "time-to-clear"
    case processedRate = "processed-rate"
    case errorShare = "error-share"
    case expiredShare = "expired-share"
    /// The TSR / Ofcom abandon rate over live-answered calls, the worst configuration's (the compliance figure).
    case complianceRate = "compliance-rate"

    /// Rates and shares are fractions from 0 to 1 (3% is 0.03); pending is a count; time to clear is in minutes.
    public var isFraction: Bool { self != .pending && self != .timeToClear }
}

/// Whether a figure is bad when it rises to its levels or when it falls to them.
public enum ThresholdDirection: String, CaseIterable, Sendable, Hashable {
    case above, below
}

/// How far over its levels a figure is. Reads without colour as a marker after the figure.
public enum ThresholdLevel: Int, Comparable, Sendable, Hashable, CaseIterable {
    case normal, warn, alert

    public static func < (a: ThresholdLevel, b: ThresholdLevel) -> Bool { a.rawValue < b.rawValue }

    /// `!` for warn, `!!` for alert, nothing when normal.
    public var marker: String {
        switch self {
        case .normal: ""
        case .warn: "!"
        case .alert: "!!"
        }
    }

    public var name: String {
        switch self {
        case .normal: "normal"
        case .warn: "warn"
        case .alert: "alert"
        }
    }
}

/// The levels of one figure. **Reaching a level counts as over it**: with `above` a value equal to `alert` is at
/// alert, with `below` a value equal to `warn` is at warn (a 3.0% abandon rate is at a 3% alert level: one more
/// abandon crosses the legal limit).
public struct ThresholdRule: Hashable, Sendable {
    public var direction: ThresholdDirection
    public var warn: Double?
    public var alert: Double?

    public init(_ direction: ThresholdDirection, warn: Double? = nil, alert: Double? = nil) {
        self.direction = direction
        self.warn = warn
        self.alert = alert
    }

    public func level(of value: Double) -> ThresholdLevel {
        guard !value.isNaN else { return .normal }
        func reached(_ level: Double?) -> Bool {
            guard let level else { return false }
            return direction == .above ? value >= level : value <= level
        }
        if reached(alert) { return .alert }
        if reached(warn) { return .warn }
        return .normal
    }

    /// The value of the level `level` (nil for normal or a level not set).
    public func value(at level: ThresholdLevel) -> Double? {
        switch level {
        case .normal: nil
        case .warn: warn
        case .alert: alert
        }
    }
}

/// Every figure's levels from the settings (figures without a rule are never marked).
public struct Thresholds: Hashable, Sendable {
    public var rules: [ThresholdFigure: ThresholdRule]

    public init(_ rules: [ThresholdFigure: ThresholdRule] = [:]) { self.rules = rules }

    public subscript(figure: ThresholdFigure) -> ThresholdRule? {
        get { rules[figure] }
        set { rules[figure] = newValue }
    }

    public var isEmpty: Bool { rules.isEmpty }

    /// The level of `value` for `figure`: normal when the figure has no rule or no value.
    public func level(_ figure: ThresholdFigure, _ value: Double?) -> ThresholdLevel {
        guard let value, let rule = rules[figure] else { return .normal }
        return rule.level(of: value)
    }
}
