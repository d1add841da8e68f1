import ArgumentParser
import CommandSupport
import DashboardModel

/// A store opened for reading with its in-memory index loaded: what every reading command starts from.
struct DashboardSession {
    let store: DeliveryStore
    let index: AggregateIndex

    static func open(path: String) throws -> DashboardSession {
        do {
            let store = try DeliveryStore.openForReading(path: path)
            let index = AggregateIndex(store: store)
            try index.refresh()
            return DashboardSession(store: store, index: index)
        } catch {
            Console.error(ErrorText.describe(error))
            throw ExitCode(1)
        }
    }
}
