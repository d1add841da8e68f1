/// The order of the drill-down list (and of an export made from it): one column, ascending or descending, then
/// created order (`createdon`, then the store's key) to break ties, in the same direction. Applied in SQL: a column of
/// `deliveries` is ordered as it is stored; a value of the row's combination (status, result, dial mode,
/// configuration, queue, channel) by its rank among that column's values, looked up in a blob bound to the statement.
public struct DeliverySort: Hashable, Sendable {
    /// The columns, named on the command line (`export --sort`) by their raw values.
    public enum Column: String, CaseIterable, Sendable {
        case created, deliveryId = "delivery-id", status, result, dialMode = "dial-mode", configuration, queue, channel
        case toAddress = "to-address", resultDate = "result-date", dispositionCodes = "disposition-codes", modified
        case conversationId = "conversation-id"
    }

    public var column: Column
    public var descending: Bool

    public init(_ column: Column, descending: Bool = false) {
        self.column = column
        self.descending = descending
    }

    /// Created order, oldest first: the order of `export` and of the list as it opens.
    public static let created = DeliverySort(.created)

    /// The same order, the other way round (every tie broken the other way too: an exact mirror).
    public var reversed: DeliverySort { DeliverySort(column, descending: !descending) }

    /// The `deliveries` column the sort reads directly, if it is one.
    var storedColumn: String? {
        switch column {
        case .created: "created"
        case .deliveryId: "delivery_id"
        case .toAddress: "to_address"
        case .resultDate: "result_date"
        case .dispositionCodes: "disposition_codes"
        case .modified: "modified"
        case .conversationId: "conversation_id"
        case .status, .result, .dialMode, .configuration, .queue, .channel: nil
        }
    }

    /// The ORDER BY clause for a store whose `deliveries` has the columns `present`, and the blob of ranks it binds
    /// (nil when it binds none).
    func orderBy(index: AggregateIndex, present: Set<String>) -> (sql: String, ranks: [UInt8]?) {
        let direction = descending ? " DESC" : ""
        let tail = "created\(direction), id\(direction)"
        if column == .created { return ("ORDER BY \(tail)", nil) }
        if let stored = storedColumn {
            // A store not yet upgraded lacks the detail columns: they read empty, so the order is created order.
            guard present.contains(stored) else { return ("ORDER BY \(tail)", nil) }
            return ("ORDER BY \(stored)\(direction), \(tail)", nil)
        }
        return ("ORDER BY substr(?, combo * 4 + 1, 4)\(direction), \(tail)", ranks(index))
    }

    /// Four bytes per combination id (big-endian, so the blobs compare as the numbers do): the rank of the
    /// combination's value for the column among every combination's, case-insensitively (then exactly).
    func ranks(_ index: AggregateIndex) -> [UInt8] {
        let combos = index.combos
        var values = [String](repeating: "", count: combos.count)
        let channelSlot = AggregateIndex.slotOf(.channel)
        let configSlot = AggregateIndex.slotOf(.configuration), queueSlot = AggregateIndex.slotOf(.queue)
        for (id, combo) in combos.enumerated() {
            guard let combo else { continue }
            switch column {
            case .status: values[id] = index.value(.status, combo.statusIndex)
            case .result: values[id] = index.value(.result, combo.resultIndex)
            case .dialMode: values[id] = index.value(.dialMode, combo.dialModeIndex)
            case .channel: values[id] = index.value(.channel, combo.dims[channelSlot])
            case .configuration: values[id] = index.catalog.configurationName(index.value(.configuration, combo.dims[configSlot]))
            case .queue: values[id] = index.catalog.queueName(index.value(.queue, combo.dims[queueSlot]))
            default: break
            }
        }
        let distinct = Set(values).sorted { a, b in
            let (la, lb) = (a.lowercased(), b.lowercased())
            return la != lb ? la < lb : a < b
        }
        var rank: [String: UInt32] = [:]
        for (i, value) in distinct.enumerated() { rank[value] = UInt32(i) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(combos.count * 4)
        for value in values {
            let r = rank[value] ?? 0
            bytes += [UInt8(r >> 24), UInt8((r >> 16) & 0xFF), UInt8((r >> 8) & 0xFF), UInt8(r & 0xFF)]
        }
        return bytes
    }
}
