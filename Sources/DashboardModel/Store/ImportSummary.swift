/// What an import did, per table, and which values it met for the first time.
public struct ImportSummary: Sendable, Hashable {
    public struct Counts: Sendable, Hashable {
        public var inserted = 0
        public var updated = 0
        /// Older than, or identical to, the stored version.
        public var skipped = 0
        /// Removed by a deletion (a `$deletedEntity` entry, or a full read that did not see the row).
        public var deleted = 0
        public var total: Int { inserted + updated + skipped + deleted }
        public init() {}
    }

    public var deliveries = Counts()
    public var configurations = Counts()
    public var queues = Counts()
    public var conversations = Counts()
    /// Statuses, results and dial modes the program does not know, e.g. `status "OnHold"`.
    public var unseenValues: Set<String> = []
    /// Deliveries whose combination changed because their conversation's direction arrived later.
    public var relinkedDeliveries = 0
    /// Deletions of rows the store does not hold (nothing to do).
    public var unknownDeletions = 0

    public init() {}

    public mutating func add(_ other: ImportSummary) {
        for path in [\ImportSummary.deliveries, \.configurations, \.queues, \.conversations] {
            self[keyPath: path].inserted += other[keyPath: path].inserted
            self[keyPath: path].updated += other[keyPath: path].updated
            self[keyPath: path].skipped += other[keyPath: path].skipped
            self[keyPath: path].deleted += other[keyPath: path].deleted
        }
        unknownDeletions += other.unknownDeletions
        unseenValues.formUnion(other.unseenValues)
        relinkedDeliveries += other.relinkedDeliveries
    }

    /// The most values never seen before that `lines` names.
    public static let unseenListed = 50

    /// Human-readable lines for the terminal.
    public var lines: [String] {
        var out: [String] = []
        func line(_ name: String, _ c: Counts) {
            guard c.total > 0 else { return }
            var text = "\(name): \(c.inserted) inserted, \(c.updated) updated, \(c.skipped) skipped as older or identical"
            if c.deleted > 0 { text += ", \(c.deleted) deleted" }
            out.append(text)
        }
        line("deliveries", deliveries)
        line("configurations", configurations)
        line("queues", queues)
        line("conversations", conversations)
        if unknownDeletions > 0 { out.append("\(unknownDeletions) deletions of rows the store does not hold (nothing to do)") }
        if out.isEmpty { out.append("no records") }
        if relinkedDeliveries > 0 { out.append("\(relinkedDeliveries) deliveries took the direction of a conversation imported now") }
        if !unseenValues.isEmpty {
            // One value a line (each quoted and cut to `TextSafety.valueLimit`), and not more than a screenful.
            out.append("values never seen before (kept as they are):")
            let sorted = unseenValues.sorted()
            for value in sorted.prefix(Self.unseenListed) { out.append("  " + value) }
            if sorted.count > Self.unseenListed { out.append("  ... and \(sorted.count - Self.unseenListed) more") }
        }
        return out
    }
}
