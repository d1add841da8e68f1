/// `snapshot --format json`: exactly the schema of CONTRACT.md, plus `previous`, `compliance` and `live` objects.
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
        if let previous = data.previous {
            pairs.append(("previous", .object([
                ("from", .string(previous.from.iso)),
                ("to", .string(previous.to.iso)),
                ("totals", .object([("deliveries", .int(previous.totalDeliveries)), ("processed", .int(previous.processed))])),
                ("deliveriesByStatus", counts(previous.deliveriesByStatus)),
            ])))
        }
        if let compliance = data.compliance {
            pairs.append(("compliance", complianceValue(compliance)))
        }
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

    /// `"compliance": {"rule", "from", "to", "limit", "byConfiguration": [...]}`; `rate` is null when nothing was
    /// live-answered.
    static func complianceValue(_ compliance: ComplianceFigures) -> JSONValue {
        .object([
            ("rule", .string(compliance.rule.rawValue)),
            ("from", .string(compliance.from.iso)),
            ("to", .string(compliance.to.iso)),
            ("limit", .double(compliance.limit)),
            ("byConfiguration", .array(compliance.rows.map { row in
                .object([
                    ("id", .string(row.id)), ("name", .string(row.name)), ("liveAnswered", .int(row.liveAnswered)),
                    ("abandoned", .int(row.abandoned)), ("rate", row.rate.map { .double($0) } ?? .null),
                    ("abandonsToLimit", .int(row.abandonsToLimit())),
                ])
            })),
        ])
    }
}
