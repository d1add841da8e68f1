import DashboardModel

/// The panels of the dashboard, numbered as the zoom keys `1`-`7` are.
enum PanelID: Int, CaseIterable, Hashable {
    case statusChart = 1, resultDonut, dialModeDonut, configurationTable, queueTable, dateTable
    /// Abandoned over live-answered calls per configuration in the abandon rule's window (issue 13).
    case compliance

    /// The zoom keys as the help, the footer and the README name them: `1-7`.
    static let zoomKeysLabel = "1-\(allCases.count)"

    /// The title in the report's wording.
    var title: String { titles[0] }

    /// The title in the report's wording, then shortened from the left for narrower panels: "Processed deliveries
    /// by result", "Processed by result", "By result" (never a bare "Result", which would not say what is counted).
    var titles: [String] {
        switch self {
        case .statusChart: ["Total deliveries by status", "Deliveries by status", "By status"]
        case .resultDonut: ["Processed deliveries by result", "Processed by result", "By result"]
        case .dialModeDonut: ["Processed deliveries by dial mode", "Processed by dial mode", "By dial mode"]
        case .configurationTable: ["Delivery metrics by configuration", "Metrics by configuration", "By configuration"]
        case .queueTable: ["Delivery metrics by queue", "Metrics by queue", "By queue"]
        case .dateTable: ["Delivery metrics by date", "Metrics by date", "By date"]
        // Not Microsoft's abandoned rate (over attempted): the title says what is divided by what.
        case .compliance: ["Compliance: abandoned / live-answered by configuration", "Abandoned / live-answered by configuration",
                           "Abandoned / live by configuration", "By abandoned / live"]
        }
    }

    /// The tab's name in the narrow layout.
    var shortTitle: String {
        switch self {
        case .statusChart: "Status"
        case .resultDonut: "Result"
        case .dialModeDonut: "Dial mode"
        case .configurationTable: "Configurations"
        case .queueTable: "Queues"
        case .dateTable: "Dates"
        case .compliance: "Compliance"
        }
    }

    /// How many selectable items the panel has for the data (the status chart: the columns the last frame drew).
    func itemCount(data: DashboardData, geometry: ViewGeometry? = nil) -> Int {
        switch self {
        case .statusChart: geometry?.chartBuckets.count ?? data.statusByDate.count
        case .resultDonut: data.processedByResult.count
        case .dialModeDonut: data.processedByDialMode.count
        case .configurationTable: data.byConfiguration.count
        case .queueTable: data.byQueue.count
        case .dateTable: data.byDate.count
        case .compliance: data.compliance?.rows.count ?? 0
        }
    }

    /// The filter that Enter on this panel adds (cross-filtering); the chart's column sets the date instead.
    var crossFilter: FilterDimensionOrDate {
        switch self {
        case .statusChart: .date
        case .resultDonut: .dimension(.result)
        case .dialModeDonut: .dimension(.dialMode)
        case .configurationTable: .dimension(.configuration)
        case .queueTable: .dimension(.queue)
        case .dateTable: .date
        case .compliance: .dimension(.configuration)
        }
    }
}

import DashboardModel

enum FilterDimensionOrDate: Equatable {
    case dimension(FilterDimension)
    case date
}

/// Where the keyboard is.
enum Focus: Hashable {
    case sidebar
    case panel(PanelID)
}
