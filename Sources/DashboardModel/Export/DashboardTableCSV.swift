/// One table of the dashboard as CSV (`snapshot --format csv --table ...`), for spreadsheets: RFC 4180, CRLF line
/// ends, every text cell formula-safe (`CSVCell.formulaSafe`), rows in the dashboard's order.
public enum DashboardTableCSV {
    public enum Table: String, CaseIterable, Sendable {
        /// Configuration id, name, status, priority, total, processed.
        case configuration
        /// Queue id, name, total, processed.
        case queue
        /// Date, total, processed.
        case date
        /// Date, then one column per status (in the legend's order), the counts of that day.
        case status
    }

    public static func render(_ data: DashboardData, table: Table, clean: ((String) -> String)? = nil) -> [UInt8] {
        var out: [UInt8] = []
        func row(_ cells: [String]) {
            CSVCell.appendRow(cells.map { CSVCell.formulaSafe(clean?($0) ?? $0) }, to: &out)
        }
        switch table {
        case .configuration:
            row(["id", "name", "status", "priority", "total", "processed"])
            for r in data.byConfiguration {
                row([r.id, r.name, r.status ?? "", r.priority ?? "", String(r.total), String(r.processed)])
            }
        case .queue:
            row(["id", "name", "total", "processed"])
            for r in data.byQueue { row([r.id, r.name, String(r.total), String(r.processed)]) }
        case .date:
            row(["date", "total", "processed"])
            for r in data.byDate { row([r.date.iso, String(r.total), String(r.processed)]) }
        case .status:
            let statuses = data.deliveriesByStatus.map(\.label)
            row(["date"] + statuses)
            for day in data.statusByDate {
                let counts = Dictionary(day.counts.map { ($0.label, $0.count) }, uniquingKeysWith: +)
                row([day.date.iso] + statuses.map { String(counts[$0] ?? 0) })
            }
        }
        return out
    }
}
