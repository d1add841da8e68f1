import DashboardModel

/// Opens the dashboard (being written).
struct DashboardRunner {
    let path: String
    let filterOptions: FilterOptions
    let display: DisplayOptions

    func run() throws {
        let session = try DashboardSession.open(path: path)
        _ = try filterOptions.filters(for: session.index)
        print("dashboard: not yet")
    }
}
