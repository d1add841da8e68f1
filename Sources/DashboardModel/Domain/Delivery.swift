/// One version of a proactive delivery (`msdyn_proactive_delivery`), reduced to what the dashboard uses.
/// Timestamps are seconds since 1970 UTC.
public struct Delivery: Hashable, Sendable {
    public var deliveryId: String
    public var createdOn: Int64
    public var modifiedOn: Int64?
    public var status: String
    public var result: String
    public var dialMode: String
    public var configId: String
    public var queueId: String
    public var channel: String
    public var conversationId: String
    public var engagementType: String
    /// The row's primary key (`msdyn_proactive_deliveryid`) when known; in a real organization it differs from
    /// `deliveryId`. Deletions (`$deletedEntity`) name a delivery by it. Empty when unknown or equal to `deliveryId`.
    public var rowId: String
    /// The list's columns (addresses, dates, disposition codes, ...): not filters, kept for the newest version.
    public var details: DeliveryDetails

    public init(
        deliveryId: String, createdOn: Int64, modifiedOn: Int64? = nil, status: String, result: String = "",
        dialMode: String = "", configId: String = "", queueId: String = "", channel: String = "Voice",
        conversationId: String = "", engagementType: String = "", rowId: String = "",
        details: DeliveryDetails = .none
    ) {
        self.deliveryId = deliveryId
        self.createdOn = createdOn
        self.modifiedOn = modifiedOn
        self.status = status
        self.result = result
        self.dialMode = dialMode
        self.configId = configId
        self.queueId = queueId
        self.channel = channel
        self.conversationId = conversationId
        self.engagementType = engagementType
        self.rowId = rowId
        self.details = details
    }

    /// The version stamp that decides which version wins: `modifiedon`, else `createdon`.
    public var versionStamp: Int64 { modifiedOn ?? createdOn }
}
