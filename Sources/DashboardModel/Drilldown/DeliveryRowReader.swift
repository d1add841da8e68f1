import GRDB

/// Turns a `deliveries` row (the columns `columns` names) into a `DeliveryRow`, checking what it reads: the store
/// is a file anyone may have written.
struct DeliveryRowReader {
    static let columnNames = ["id", "delivery_id", "created", "modified", "combo", "row_id", "to_address", "from_address",
                              "result_date", "start_date", "end_date", "window_start_date", "window_end_date",
                              "disposition_codes", "contact_id", "seq_no", "conversation_id"]

    /// The select list: a column the store lacks (a store not yet upgraded by a writer, which `openForReading`
    /// never does) reads NULL, that is empty.
    static func columns(_ db: Database) throws -> String {
        let present = Set(try db.columns(in: "deliveries").map(\.name))
        return columnNames.map { present.contains($0) ? $0 : "NULL" }.joined(separator: ", ")
    }

    let combos: [Int64: ComboKey]
    private let catalog: Catalog

    init(_ db: Database, catalog: Catalog) throws {
        self.catalog = catalog
        var combos: [Int64: ComboKey] = [:]
        let rows = try RawStatement(db, """
            SELECT id, channel, queue_id, config_id, status, result, dial_mode, engagement_type, direction FROM combos
            """)
        while try rows.step() {
            func text(_ column: Int32) -> String { rows.string(column) ?? "" }
            let id = try StoredInteger.read(rows, 0, "combos.id", in: StoredInteger.comboId)
            let direction = Direction(rawValue: Int(try StoredInteger.read(rows, 8, "combos.direction", in: 0...2))) ?? .none
            combos[id] = ComboKey(channel: text(1), queueId: text(2), configId: text(3), status: text(4), result: text(5),
                                  dialMode: text(6), engagementType: text(7), direction: direction)
        }
        self.combos = combos
    }

    /// The combination of the statement's row, checked.
    func combo(_ s: RawStatement) throws -> (id: Int64, key: ComboKey) {
        let comboId = try StoredInteger.read(s, 4, "deliveries.combo", in: StoredInteger.comboId)
        guard let combo = combos[comboId] else {
            throw StoreError("delivery \(s.int64(0)) names combination \(comboId), which the store lacks")
        }
        return (comboId, combo)
    }

    func row(_ s: RawStatement) throws -> DeliveryRow {
        let key = s.int64(0)
        let combo = try combo(s).key
        let deliveryId = RowIdText.of(s, 1) ?? ""
        func time(_ c: Int32, _ name: String) throws -> Int64? {
            try StoredInteger.readOptional(s, c, "deliveries.\(name)", in: Int64.min...Int64.max)
        }
        let details = DeliveryDetails(
            toAddress: s.string(6) ?? "", fromAddress: s.string(7) ?? "",
            resultDate: try time(8, "result_date"), startDate: try time(9, "start_date"), endDate: try time(10, "end_date"),
            windowStartDate: try time(11, "window_start_date"), windowEndDate: try time(12, "window_end_date"),
            dispositionCodes: s.string(13) ?? "", contactId: s.string(14) ?? "",
            seqNo: try StoredInteger.readOptional(s, 15, "deliveries.seq_no", in: Int64.min...Int64.max))
        return DeliveryRow(
            key: key, deliveryId: deliveryId, rowId: RowIdText.of(s, 5) ?? deliveryId,
            createdOn: try StoredInteger.read(s, 2, "deliveries.created", in: Int64.min...Int64.max),
            modifiedOn: try StoredInteger.read(s, 3, "deliveries.modified", in: Int64.min...Int64.max),
            status: combo.status, result: combo.result, dialMode: combo.dialMode,
            configId: combo.configId, configName: catalog.configurations[combo.configId]?.name ?? "",
            queueId: combo.queueId, queueName: catalog.queues[combo.queueId] ?? "",
            channel: combo.channel, engagementType: combo.engagementType, direction: combo.direction,
            conversationId: RowIdText.of(s, 16) ?? "", details: details)
    }
}
