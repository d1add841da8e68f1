import DashboardModel
import TerminalUI

/// The dashboard's two tables of rows as `DataTable`s.
extension DataTable {
    /// "Delivery metrics by Proactive Engagement Configuration". A null status or priority shows as `-`.
    static func configurations(_ rows: [ConfigurationRow], selectedRow: Int? = nil,
                                      scrollOffset: Int = 0) -> DataTable {
        DataTable(
            columns: [.name("Configuration"), TableColumn("Status"), TableColumn("Priority"), .number("Total"),
                      .number("Processed")],
            rows: rows.map {
                [$0.name, $0.status ?? "-", $0.priority ?? "-", NumberFormat.grouped($0.total),
                 NumberFormat.grouped($0.processed)]
            },
            selectedRow: selectedRow, scrollOffset: scrollOffset)
    }

    /// "Delivery metrics by queue".
    static func queues(_ rows: [QueueRow], selectedRow: Int? = nil, scrollOffset: Int = 0) -> DataTable {
        DataTable(
            columns: [.name("Queue"), .number("Total"), .number("Processed")],
            rows: rows.map { [$0.name, NumberFormat.grouped($0.total), NumberFormat.grouped($0.processed)] },
            selectedRow: selectedRow, scrollOffset: scrollOffset)
    }
}
