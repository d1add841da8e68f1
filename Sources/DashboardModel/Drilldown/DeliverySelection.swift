/// What a number on the dashboard counts, beyond the filters: the drill-down and `export` list the deliveries behind
/// it. Each case names the figure whose count `DeliveryQuery.count` equals.
public enum DeliverySelection: Hashable, Sendable {
    /// Total deliveries (`totals.deliveries`).
    case all
    /// Processed deliveries (`totals.processed`).
    case processed
    /// A status over the range (`deliveriesByStatus`).
    case status(String)
    /// A status on one day (a segment of a column of `statusByDate`).
    case statusOnDay(String, LocalDate)
    /// Processed deliveries with a result (`processedByResult`; `(Blank)` for none).
    case result(String)
    /// Processed deliveries with a dial mode (`processedByDialMode`; `(Blank)` for none).
    case dialMode(String)
    /// A configuration's row (by id): its total, or its processed column.
    case configuration(id: String, processedOnly: Bool)
    /// A queue's row (by id): its total, or its processed column.
    case queue(id: String, processedOnly: Bool)
    /// A day's row of the date table: its total, or its processed column.
    case day(LocalDate, processedOnly: Bool)
    /// Live figures: pending and in progress over all dates (as the header shows them), and processed in the last
    /// hour (the throughput: completions whose modifiedon falls in the 60 minutes up to now, at minute resolution).
    case pending
    case inProgress
    case processedLastHour

    /// How a title names it.
    public var title: String {
        switch self {
        case .all: "all deliveries"
        case .processed: "processed"
        case .status(let s): "status \(s)"
        case .statusOnDay(let s, let d): "status \(s) on \(d)"
        case .result(let r): "result \(r)"
        case .dialMode(let m): "dial mode \(m)"
        case .configuration(let id, let p): "configuration \(id)\(p ? ", processed" : "")"
        case .queue(let id, let p): "queue \(id)\(p ? ", processed" : "")"
        case .day(let d, let p): "\(d)\(p ? ", processed" : "")"
        case .pending: "pending"
        case .inProgress: "in progress"
        case .processedLastHour: "processed in the last hour"
        }
    }
}
