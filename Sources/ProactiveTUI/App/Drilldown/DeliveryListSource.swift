import DashboardModel

/// Where the list reads its rows: the store (through `DeliveryQuery`), or rows in memory in the state's tests.
protocol DeliveryListSource {
    func count(_ query: DeliveryQuery) throws -> Int
    /// `limit` rows from `offset`, in the query's order.
    func rows(_ query: DeliveryQuery, offset: Int, limit: Int) throws -> [DeliveryRow]
}

/// The store behind the dashboard, with the index its figures come from (so the counts agree).
struct StoreListSource: DeliveryListSource {
    let index: AggregateIndex
    let store: DeliveryStore

    func count(_ query: DeliveryQuery) throws -> Int { try query.count(index: index, store: store) }

    func rows(_ query: DeliveryQuery, offset: Int, limit: Int) throws -> [DeliveryRow] {
        try query.page(index: index, store: store, offset: offset, limit: limit).rows
    }
}
