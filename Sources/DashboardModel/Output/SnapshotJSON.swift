/// `snapshot --format json`: exactly the schema of CONTRACT.md, plus a `live` object.
public enum SnapshotJSON {
    public static func value(of data: DashboardData) -> JSONValue {
        func counts(_ entries: [CountEntry]) -> JSONValue {
            .object(entries.filter { $0.count > 0 }.map { ($0.label, .int($0.count)) })
        }
        func optional(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
        var pairs: [(String, JSONValue)] = [
            ("timeZone", .string(data.filters.timeZone)),
            ("from", optional(data.from?.iso)),
            ("to", optional(data.to?.iso)),
            ("totals", .object([("deliveries", .int(data.totalDeliveries)), ("processed", .int(data.processed))])),
            ("deliveriesByStatus", counts(data.deliveriesByStatus)),
            ("statusByDate", .array(data.statusByDate.map {
                .object([("date", .string($0.date.iso)), ("counts", counts($0.counts))])
            })),
            ("processedByResult", counts(data.processedByResult)),
            ("processedByDialMode", counts(data.processedByDialMode)),
            ("byConfiguration", .array(data.byConfiguration.map {
                .object([("id", .string($0.id)), ("name", .string($0.name)), ("status", optional($0.status)),
                         ("priority", optional($0.priority)), ("total", .int($0.total)), ("processed", .int($0.processed))])
            })),
            ("byQueue", .array(data.byQueue.map {
                .object([("id", .string($0.id)), ("name", .string($0.name)), ("total", .int($0.total)),
                         ("processed", .int($0.processed))])
            })),
            ("byDate", .array(data.byDate.map {
                .object([("date", .string($0.date.iso)), ("total", .int($0.total)), ("processed", .int($0.processed))])
            })),
        ]
        if let live = data.live {
            func rate(_ r: Double?) -> JSONValue { r.map { .double($0) } ?? .null }
            pairs.append(("live", .object([
                ("pending", .int(live.pending)),
                ("inProgress", .int(live.inProgress)),
                ("throughputLastHour", .int(live.throughputPerHour)),
                ("secondsToClearPending", live.secondsToClear.map { .int($0) } ?? .null),
                ("processedRate", rate(live.processedRate)),
                ("abandonedRate", rate(live.abandonedRate)),
                ("connectRate", rate(live.connectRate)),
                ("dataChangedAt", data.dataChangedAt.map { .string(ISOTime.format($0)) } ?? .null),
                ("readAt", .string(ISOTime.format(data.readAt))),
            ])))
        }
        return .object(pairs)
    }
}
