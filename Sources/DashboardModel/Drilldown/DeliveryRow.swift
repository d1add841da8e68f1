import Foundation

/// One delivery as the drill-down list and `export` show it: the newest version's values as stored, the names of
/// its configuration and queue from the catalog (empty when unknown), its conversation's direction.
public struct DeliveryRow: Hashable, Sendable {
    /// The store's key of the row (with `createdOn`, the keyset cursor's position).
    public var key: Int64
    public var deliveryId: String
    /// `msdyn_proactive_deliveryid`: the row id when it differs from the delivery id, else the delivery id.
    public var rowId: String
    public var createdOn: Int64
    public var modifiedOn: Int64
    public var status: String
    public var result: String
    public var dialMode: String
    public var configId: String
    public var configName: String
    public var queueId: String
    public var queueName: String
    public var channel: String
    public var engagementType: String
    public var direction: Direction
    public var conversationId: String
    public var details: DeliveryDetails

    public var cursor: DeliveryCursor { DeliveryCursor(created: createdOn, key: key) }
}

/// A position in created order (`createdon`, then the store's key): the page after it starts past this row.
public struct DeliveryCursor: Hashable, Sendable {
    public var created: Int64
    public var key: Int64
    public init(created: Int64, key: Int64) {
        self.created = created
        self.key = key
    }
}

/// A page of rows in created order, with the cursor of the page after it (nil at the end).
public struct DeliveryPage: Sendable {
    public var rows: [DeliveryRow]
    public var next: DeliveryCursor?
}
