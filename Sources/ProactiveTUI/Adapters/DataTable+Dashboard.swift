import DashboardModel
import TerminalUI

/// The dashboard's tables of rows (configurations, queues, compliance) as `DataTable`s.
extension DataTable {
    /// "Delivery metrics by Proactive Engagement Configuration". A null status or priority shows as `-`.
    /// With `previous`, each count is followed by its change from the previous period (`▲ 12`); when narrow the
    /// processed change goes first, then status, then priority, so the name keeps room.
    static func configurations(_ rows: [ConfigurationRow], selectedRow: Int? = nil, scrollOffset: Int = 0,
                                      previous: [String: PeriodCounts]? = nil, ascii: Bool = false) -> DataTable {
        guard let previous else {
            return DataTable(
                columns: [.name("Configuration"), TableColumn("Status"), TableColumn("Priority"), .number("Total"),
                          .number("Processed")],
                rows: rows.map {
                    [$0.name, $0.status ?? "-", $0.priority ?? "-", NumberFormat.grouped($0.total),
                     NumberFormat.grouped($0.processed)]
                },
                selectedRow: selectedRow, scrollOffset: scrollOffset)
        }
        let change = changeTitle(ascii: ascii)
        var table = DataTable(
            columns: [.name("Configuration"), TableColumn("Status"), TableColumn("Priority"), .number("Total"),
                      .number(change), .number("Processed"), .number(change)],
            rows: rows.map {
                let before = previous[$0.id] ?? PeriodCounts(total: 0, processed: 0)
                return [$0.name, $0.status ?? "-", $0.priority ?? "-", NumberFormat.grouped($0.total),
                        ChangeFormat.count($0.total, from: before.total, ascii: ascii), NumberFormat.grouped($0.processed),
                        ChangeFormat.count($0.processed, from: before.processed, ascii: ascii)]
            },
            selectedRow: selectedRow, scrollOffset: scrollOffset)
        table.dropOrder = [6, 1, 2]
        return table
    }

    /// "Delivery metrics by queue"; with `previous`, the changes as in `configurations`.
    static func queues(_ rows: [QueueRow], selectedRow: Int? = nil, scrollOffset: Int = 0,
                              previous: [String: PeriodCounts]? = nil, ascii: Bool = false) -> DataTable {
        guard let previous else {
            return DataTable(
                columns: [.name("Queue"), .number("Total"), .number("Processed")],
                rows: rows.map { [$0.name, NumberFormat.grouped($0.total), NumberFormat.grouped($0.processed)] },
                selectedRow: selectedRow, scrollOffset: scrollOffset)
        }
        let change = changeTitle(ascii: ascii)
        var table = DataTable(
            columns: [.name("Queue"), .number("Total"), .number(change), .number("Processed"), .number(change)],
            rows: rows.map {
                let before = previous[$0.id] ?? PeriodCounts(total: 0, processed: 0)
                return [$0.name, NumberFormat.grouped($0.total), ChangeFormat.count($0.total, from: before.total, ascii: ascii),
                        NumberFormat.grouped($0.processed), ChangeFormat.count($0.processed, from: before.processed, ascii: ascii)]
            },
            selectedRow: selectedRow, scrollOffset: scrollOffset)
        table.dropOrder = [4]
        return table
    }

    /// The change columns' title: `Δ prev` (ASCII `vs prev`).
    static func changeTitle(ascii: Bool) -> String { ascii ? "vs prev" : "Δ prev" }

    /// The compliance panel: configuration, live-answered, abandoned, rate (two decimals), and how many more
    /// abandoned calls stay within the limit; a configuration over the limit reads `OVER` there (and is drawn in
    /// the warning style). Narrow, the titles read `Live Aband Rate Left`.
    static func compliance(_ figures: ComplianceFigures?, selectedRow: Int? = nil, scrollOffset: Int = 0) -> DataTable {
        let rows = figures?.rows ?? []
        let window = figures?.rule.windowLabel ?? AbandonRule.default.windowLabel
        var table = DataTable(
            columns: [.name("Configuration"), .number("Live"), .number("Abandoned"), .number("Rate " + window),
                      .number("To limit")],
            rows: rows.map {
                [$0.name, NumberFormat.grouped($0.liveAnswered), NumberFormat.grouped($0.abandoned),
                 $0.rate.map { NumberFormat.percent($0, decimals: 2) } ?? "-",
                 $0.isOver() ? "OVER" : NumberFormat.grouped($0.abandonsToLimit())]
            },
            selectedRow: selectedRow, scrollOffset: scrollOffset, emptyText: "No processed deliveries in the window")
        table.emphasized = Set(rows.indices.filter { rows[$0].isOver() })
        table.narrowTitles = ["Configuration", "Live", "Aband", "Rate", "Left"]
        return table
    }
}
