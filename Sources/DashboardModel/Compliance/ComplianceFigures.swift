/// The abandoned-call compliance figure (issue 13): per configuration, abandoned calls over calls answered by a
/// live person, in the rule's window, against the 3% limit. Not Microsoft's "abandoned rate", which divides by
/// attempted deliveries (`LiveFigures.abandonedRate`).
public struct ComplianceFigures: Hashable, Sendable {
    /// The limit, in percent of live-answered calls (the FTC's and FCC's 3%).
    public static let limitPercent = 3
    /// Results that mean a person answered (the README's connected set).
    public static let liveAnsweredResults: Set<String> = DeliveryResult.connectedLabels
    /// Results that mean the person was not connected to a representative in time.
    public static let abandonedResults: Set<String> = DeliveryResult.abandonedLabels

    public var rule: AbandonRule
    /// The window: inclusive local days in the filters' zone.
    public var from: LocalDate
    public var to: LocalDate
    /// One row per configuration with a processed delivery in the window; the highest rate first (rows with
    /// nothing live-answered last), then the most live-answered, then name.
    public var rows: [ComplianceRow]

    public init(rule: AbandonRule, from: LocalDate, to: LocalDate, rows: [ComplianceRow]) {
        self.rule = rule
        self.from = from
        self.to = to
        self.rows = rows
    }

    /// The limit as a fraction: 0.03.
    public var limit: Double { Double(Self.limitPercent) / 100 }

    /// The configuration with the highest rate, if any was live-answered (what a threshold on the compliance rate
    /// and the wall tile look at).
    public var worst: ComplianceRow? { rows.first { $0.rate != nil } }
    /// The highest rate among the configurations; nil when none was live-answered.
    public var worstRate: Double? { worst?.rate }
    /// How many configurations are over the limit.
    public var overLimitCount: Int { rows.filter { $0.isOver() }.count }

    /// The order of `rows`.
    static func ordered(_ rows: [ComplianceRow]) -> [ComplianceRow] {
        rows.sorted { a, b in
            // Rates compared as fractions in integers: a.ab / a.live > b.ab / b.live.
            switch (a.liveAnswered > 0, b.liveAnswered > 0) {
            case (true, false): return true
            case (false, true): return false
            case (true, true):
                let left = a.abandoned * b.liveAnswered, right = b.abandoned * a.liveAnswered
                if left != right { return left > right }
            case (false, false): break
            }
            if a.liveAnswered != b.liveAnswered { return a.liveAnswered > b.liveAnswered }
            return (a.name, a.id) < (b.name, b.id)
        }
    }
}
