/// One configuration's abandoned calls over its live-answered calls in the compliance window.
public struct ComplianceRow: Hashable, Sendable {
    public var id: String
    public var name: String
    /// Processed deliveries whose result means a person answered: `ComplianceFigures.liveAnsweredResults`.
    public var liveAnswered: Int
    /// Processed deliveries whose result is `Abandoned`.
    public var abandoned: Int

    public init(id: String, name: String, liveAnswered: Int, abandoned: Int) {
        self.id = id
        self.name = name
        self.liveAnswered = liveAnswered
        self.abandoned = abandoned
    }

    /// Abandoned / live-answered, 0...1; nil when nothing was live-answered.
    public var rate: Double? { liveAnswered > 0 ? Double(abandoned) / Double(liveAnswered) : nil }

    /// Over the limit: abandoned / live-answered > percent / 100, in integers (`100 * abandoned > 3 * live`), so
    /// 3 of 100 is at the limit, not over it, whatever a Double would round to.
    public func isOver(limitPercent: Int = ComplianceFigures.limitPercent) -> Bool {
        100 * abandoned > limitPercent * liveAnswered
    }

    /// How many more abandoned calls the configuration can take before it crosses the limit.
    public func abandonsToLimit(limitPercent: Int = ComplianceFigures.limitPercent) -> Int {
        ComplianceRow.abandonsToLimit(abandoned: abandoned, liveAnswered: liveAnswered, limitPercent: limitPercent)
    }

    /// The largest k >= 0 with (a + k) / (l + k) <= p / 100, i.e. 100 (a + k) <= p (l + k): an abandoned call is a
    /// live-answered one too, so each adds to both. k = floor((p l - 100 a) / (100 - p)); 0 when already over (or
    /// when nothing was answered: a first abandoned call would be 100%).
    public static func abandonsToLimit(abandoned a: Int, liveAnswered l: Int, limitPercent p: Int) -> Int {
        guard p < 100 else { return Int.max }
        let slack = p * l - 100 * a
        return slack > 0 ? slack / (100 - p) : 0
    }
}
