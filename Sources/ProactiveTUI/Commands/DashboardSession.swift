import ArgumentParser
import CommandSupport
import DashboardModel

/// A store opened for reading with its in-memory index loaded: what every reading command starts from.
struct DashboardSession {
    let store: DeliveryStore
    let index: AggregateIndex

    /// - Parameter purpose: what the index is loaded for (a one-off snapshot needs less of it than the dashboard).
    static func open(path: String, purpose: AggregateIndex.Purpose = .dashboard) throws -> DashboardSession {
        do {
            let store = try DeliveryStore.openForReading(path: path)
            let index = AggregateIndex(store: store, purpose: purpose)
            try index.refresh()
            return DashboardSession(store: store, index: index)
        } catch {
            Console.error(ErrorText.describe(error))
            throw ExitCode(1)
        }
    }
}
