/// One combination of the values a delivery can be filtered by. Deliveries are counted per combination and
/// 15-minute slot; the dashboard's every number is a sum over combinations.
public struct ComboKey: Hashable, Sendable {
    public var channel: String
    public var queueId: String
    public var configId: String
    public var status: String
    public var result: String
    public var dialMode: String
    public var engagementType: String
    public var direction: Direction

    public init(channel: String, queueId: String, configId: String, status: String, result: String,
                dialMode: String, engagementType: String, direction: Direction) {
        self.channel = channel
        self.queueId = queueId
        self.configId = configId
        self.status = status
        self.result = result
        self.dialMode = dialMode
        self.engagementType = engagementType
        self.direction = direction
    }

    init(_ delivery: Delivery, direction: Direction) {
        self.init(channel: delivery.channel, queueId: delivery.queueId, configId: delivery.configId,
                  status: delivery.status, result: delivery.result, dialMode: delivery.dialMode,
                  engagementType: delivery.engagementType, direction: direction)
    }

    public var isProcessed: Bool { status == DeliveryStatus.complete.label }
}
