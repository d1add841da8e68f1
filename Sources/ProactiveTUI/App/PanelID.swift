/// The six panels of the dashboard, numbered as the zoom keys `1`-`6` are.
enum PanelID: Int, CaseIterable, Hashable {
    case statusChart = 1, resultDonut, dialModeDonut, configurationTable, queueTable, dateTable

    var title: String {
        switch self {
        case .statusChart: "Total deliveries by status"
        case .resultDonut: "Processed deliveries by result"
        case .dialModeDonut: "Processed deliveries by dial mode"
        case .configurationTable: "Delivery metrics by configuration"
        case .queueTable: "Delivery metrics by queue"
        case .dateTable: "Delivery metrics by date"
        }
    }

    /// For panels too narrow for the full title.
    var mediumTitle: String {
        switch self {
        case .statusChart: "Deliveries by status"
        case .resultDonut: "Processed by result"
        case .dialModeDonut: "Processed by dial mode"
        case .configurationTable: "By configuration"
        case .queueTable: "By queue"
        case .dateTable: "By date"
        }
    }

    var shortTitle: String {
        switch self {
        case .statusChart: "Status"
        case .resultDonut: "Result"
        case .dialModeDonut: "Dial mode"
        case .configurationTable: "Configurations"
        case .queueTable: "Queues"
        case .dateTable: "Dates"
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
