/// Names and attributes of configurations and queues, to turn ids into what a supervisor reads.
public struct Catalog: Sendable, Hashable {
    public struct ConfigurationInfo: Sendable, Hashable {
        public var name: String
        public var status: String?
        public var priority: String?
    }

    public var configurations: [String: ConfigurationInfo] = [:]
    public var queues: [String: String] = [:]

    public init() {}

    public func configurationName(_ id: String) -> String { configurations[id]?.name ?? (id.isEmpty ? "(Blank)" : id) }
    public func queueName(_ id: String) -> String { queues[id] ?? (id.isEmpty ? "(Blank)" : id) }
}
