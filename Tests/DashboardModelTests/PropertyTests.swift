import Foundation
import Testing
@testable import DashboardModel

/// Random data sets and filter states; `MetricsEngine` must agree with a plain computation over the final
/// deliveries (newest version per id, local dates by Foundation's `Calendar`) done here, in the test.
@Suite struct PropertyTests {
    static let datasets = 20
    static let filtersPerDataset = 10

    @Test func engineAgreesWithAPlainComputation() throws {
        var rng = SplitMix64(seed: 0x5EED_2026)
        var cases = 0
        for dataset in 0..<Self.datasets {
            let world = RandomWorld(rng: &rng)
            let s = try MXStore(preferRAM: true)
            let index = AggregateIndex(store: s.store)
            for batch in world.batches {
                try s.store.write(now: world.now) { w in
                    for record in batch {
                        switch record {
                        case .delivery(let d): try w.upsert(d)
                        case .conversation(let c): try w.upsert(c)
                        case .configuration(let c): try w.upsert(c)
                        case .queue(let q): try w.upsert(q)
                        }
                    }
                }
                try index.refresh()  // incremental after the first batch
            }
            let fresh = try s.index()
            // The slot rows alone (the index above sums block rows, kept through its incremental refreshes).
            let slotsOnly = AggregateIndex(store: s.store)
            slotsOnly.usesBlockRows = false
            try slotsOnly.refresh()
            #expect(index.readyBlockRows() != nil)
            let oracle = Oracle(world: world)
            for k in 0..<Self.filtersPerDataset {
                let filters = world.randomFilters(rng: &rng)
                let data = MetricsEngine.compute(index: index, filters: filters, now: world.now)
                let context = "dataset \(dataset) filter \(k): \(filters)"
                oracle.check(data, filters: filters, context: context)
                if k < 2 {
                    #expect(MetricsEngine.compute(index: fresh, filters: filters, now: world.now) == data,
                            "incremental vs fresh index, \(context)")
                }
                // The slot scan, on one thread and split over two (large stores, even cut mid-day), gives the same.
                #expect(MetricsEngine.compute(index: slotsOnly, filters: filters, now: world.now) == data,
                        "slot rows vs block rows, \(context)")
                #expect(MetricsEngine.compute(index: slotsOnly, filters: filters, now: world.now, parallelFrom: 2) == data,
                        "two threads vs one, \(context)")
                cases += 1
            }
        }
        #expect(cases == Self.datasets * Self.filtersPerDataset)
    }
}

// MARK: - Random data

struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum WorldRecord {
    case delivery(Delivery), conversation(Conversation), configuration(Configuration), queue(Queue)
}

struct RandomWorld {
    static let zones = ["UTC", "Asia/Kathmandu", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata",
                        "America/Santiago"]
    /// Windows around DST changes (New York spring and fall, Lord Howe, Santiago's skipped midnight).
    static let anchors = ["2026-11-01T06:00:00Z", "2026-03-08T07:00:00Z", "2026-10-03T15:30:00Z", "2026-09-06T04:00:00Z"]
    static let statuses = ["Pending", "InProcess", "Complete", "Complete", "Complete", "Expired", "Cancelled", "Error", "OnHold"]
    static let results = ["", "CallEnded", "NoAnswer", "LiveAnswer", "Abandoned", "CallFailed", "Busy"]
    static let dialModes = ["", "Copilot", "Progressive", "Preview", "Predictive"]
    static let channels = ["Voice", "Voice", "SMS"]
    static let types = ["", "AI agent", "Representative"]
    static let configurations = [
        Configuration(id: "C1", name: "Payment Reminder", status: "Active", priority: "Normal"),
        Configuration(id: "C2", name: "Fraud Callback", status: "Inactive", priority: "Critical"),
        Configuration(id: "C3", name: "Renewal", status: nil, priority: "High"),
        Configuration(id: "C4", name: "Appointment", status: "Active", priority: nil),
    ]
    static let configIds = ["C1", "C2", "C3", "C4", "C5-unknown"]
    static let queues = [Queue(id: "Q1", name: "Collections"), Queue(id: "Q2", name: "Fraud Desk"), Queue(id: "Q3", name: "Retention")]
    static let queueIds = ["Q1", "Q2", "Q3", "Q4-unknown"]

    let now: Date
    let nowSeconds: Int64
    let windowStart: Int64
    let windowEnd: Int64
    /// Every version written, and the batches they were written in.
    var versions: [Delivery] = []
    var batches: [[WorldRecord]] = []
    /// The final state of each conversation (the last one written wins).
    var conversationDirection: [String: Bool?] = [:]

    init(rng: inout SplitMix64) {
        let anchor = MX.utc(Self.anchors.randomElement(using: &rng)!)
        windowStart = anchor - 5 * 86_400
        windowEnd = anchor + 5 * 86_400
        // now: a whole minute, 12 h before the end of the window.
        nowSeconds = (windowEnd - 12 * 3600) / 60 * 60
        now = Date(timeIntervalSince1970: TimeInterval(nowSeconds))

        var records: [WorldRecord] = []
        let conversationIds = (1...20).map { "cv\($0)" }
        let idCount = Int.random(in: 150...300, using: &rng)
        for i in 0..<idCount {
            let id = "d\(i)"
            var created: Int64
            var edge = false
            switch Int.random(in: 0..<10, using: &rng) {
            case 0..<2:
                // Right at a local midnight of some zone, a second either side.
                let zone = TimeZone(identifier: Self.zones.randomElement(using: &rng)!)!
                let day = LocalDate.containing(epochSeconds: Int64.random(in: windowStart...nowSeconds, using: &rng), in: zone)
                var calendar = Calendar(identifier: .gregorian)
                calendar.timeZone = zone
                let noon = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 12))!
                created = Int64(calendar.startOfDay(for: noon).timeIntervalSince1970) + Int64.random(in: -1...1, using: &rng)
            case 2:
                // In the last two hours before now.
                created = nowSeconds - Int64.random(in: 0...7200, using: &rng)
            case 3:
                // Around the start of the throughput hour (one version: its stamp is its creation).
                created = nowSeconds - 3600 + Int64.random(in: -120...120, using: &rng)
                edge = true
            default:
                created = Int64.random(in: windowStart..<nowSeconds, using: &rng)
            }
            created = min(created, nowSeconds)
            let versionCount = edge ? 1 : Int.random(in: 1...4, using: &rng)
            var stamp = created
            for v in 0..<versionCount {
                if v > 0 { stamp += Int64.random(in: 1...5400, using: &rng) }
                if v > 0, Int.random(in: 0..<20, using: &rng) == 0 {
                    created += Int64.random(in: -86_400...86_400, using: &rng)  // a version that moves the day
                }
                let conversation = Int.random(in: 0..<3, using: &rng) == 0 ? ""
                    : (Int.random(in: 0..<8, using: &rng) == 0 ? "cv-missing" : conversationIds.randomElement(using: &rng)!)
                let d = Delivery(
                    deliveryId: id, createdOn: min(created, nowSeconds),
                    modifiedOn: v == 0 && Bool.random(using: &rng) ? nil : min(stamp, nowSeconds),
                    status: Self.statuses.randomElement(using: &rng)!, result: Self.results.randomElement(using: &rng)!,
                    dialMode: Self.dialModes.randomElement(using: &rng)!, configId: Self.configIds.randomElement(using: &rng)!,
                    queueId: Self.queueIds.randomElement(using: &rng)!, channel: Self.channels.randomElement(using: &rng)!,
                    conversationId: conversation, engagementType: Self.types.randomElement(using: &rng)!)
                versions.append(d)
                records.append(.delivery(d))
            }
        }
        // Conversations: each written one to three times with possibly different directions.
        for cv in conversationIds {
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let outbound: Bool? = [true, true, false, nil].randomElement(using: &rng)!
                records.append(.conversation(Conversation(id: cv, isOutbound: outbound)))
            }
        }
        records.shuffle(using: &rng)
        // Versions of a delivery with equal stamps (clamped at now) would make the winner order-dependent:
        // keep only the first of each (id, stamp).
        var seenStamps = Set<String>()
        records = records.filter {
            guard case .delivery(let d) = $0 else { return true }
            return seenStamps.insert("\(d.deliveryId)@\(d.versionStamp)").inserted
        }
        versions = records.compactMap { if case .delivery(let d) = $0 { d } else { nil } }
        for record in records { if case .conversation(let c) = record { conversationDirection[c.id] = c.isOutbound } }
        // Catalog in the first batch; then 3 more batches.
        let catalog = Self.configurations.map(WorldRecord.configuration) + Self.queues.map(WorldRecord.queue)
        let cut1 = records.count / 3, cut2 = 2 * records.count / 3
        batches = [catalog + records[..<cut1], Array(records[cut1..<cut2]), Array(records[cut2...])]
    }

    func randomFilters(rng: inout SplitMix64) -> DashboardFilters {
        let zone = Self.zones.randomElement(using: &rng)!
        let range: DateRange
        switch Int.random(in: 0..<3, using: &rng) {
        case 0: range = .all
        case 1: range = .lastDays(Int.random(in: 1...12, using: &rng))
        default:
            let utcZone = TimeZone(identifier: "UTC")!
            let a = LocalDate.containing(epochSeconds: windowStart, in: utcZone).adding(days: Int.random(in: -2...10, using: &rng))
            range = .between(a, a.adding(days: Int.random(in: 0...5, using: &rng)))
        }
        func pick(_ pool: [String]) -> Set<String> {
            var chosen = Set<String>()
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                var v = pool.randomElement(using: &rng)!
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: v = v.lowercased()
                case 1: v = v.uppercased()
                default: break
                }
                chosen.insert(v)
            }
            return chosen
        }
        var selections: [FilterDimension: Set<String>] = [:]
        let p = 30
        if Int.random(in: 0..<100, using: &rng) < p { selections[.status] = pick(Self.statuses + ["Unheard"]) }
        if Int.random(in: 0..<100, using: &rng) < p { selections[.result] = pick(Self.results.map { $0.isEmpty ? "(Blank)" : $0 }) }
        if Int.random(in: 0..<100, using: &rng) < p { selections[.dialMode] = pick(Self.dialModes.map { $0.isEmpty ? "(Blank)" : $0 }) }
        if Int.random(in: 0..<100, using: &rng) < p { selections[.channel] = pick(["Voice", "SMS"]) }
        if Int.random(in: 0..<100, using: &rng) < p {
            selections[.conversationType] = pick(Self.types.map { $0.isEmpty ? "Unspecified" : $0 })
        }
        if Int.random(in: 0..<100, using: &rng) < p {
            selections[.queue] = pick(Self.queueIds + Self.queues.map(\.name))
        }
        if Int.random(in: 0..<100, using: &rng) < p {
            selections[.configuration] = pick(Self.configIds + Self.configurations.map(\.name))
        }
        if Int.random(in: 0..<100, using: &rng) < 50 { selections[.direction] = pick(["Outgoing", "Incoming"]) }
        return DashboardFilters(range: range, timeZone: zone, selections: selections)
    }
}

// MARK: - The plain computation

struct Oracle {
    struct Final {
        var d: Delivery
        /// nil: no linked conversation with a known direction.
        var outbound: Bool?
        func value(_ dimension: FilterDimension) -> String? {
            switch dimension {
            case .channel: d.channel
            case .queue: d.queueId
            case .configuration: d.configId
            case .status: d.status
            case .result: d.result.isEmpty ? "(Blank)" : d.result
            case .dialMode: d.dialMode.isEmpty ? "(Blank)" : d.dialMode
            case .conversationType: d.engagementType.isEmpty ? "Unspecified" : d.engagementType
            case .direction: outbound.map { $0 ? "Outgoing" : "Incoming" }
            }
        }
        /// Per dimension (in `allCases` order): the lowercased value and catalog name a selection may use;
        /// nil for a delivery without direction.
        var keys: [[String]?] = []
    }

    let finals: [Final]
    let now: Date

    init(world: RandomWorld) {
        var newest: [String: Delivery] = [:]
        for v in world.versions where (newest[v.deliveryId]?.versionStamp ?? Int64.min) < v.versionStamp {
            newest[v.deliveryId] = v
        }
        finals = newest.values.map { d in
            let outbound: Bool? = d.conversationId.isEmpty ? nil : (world.conversationDirection[d.conversationId] ?? nil)
            var f = Final(d: d, outbound: outbound)
            f.keys = FilterDimension.allCases.map { dimension in
                f.value(dimension).map { v in ([v] + [Self.catalogName(dimension, v)].compactMap { $0 }).map { $0.lowercased() } }
            }
            return f
        }
        now = world.now
        // Local days of every delivery in every zone, by Foundation's Calendar.
        var days: [String: [String]] = [:]
        for zone in RandomWorld.zones {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: zone)!
            days[zone] = finals.map { Self.localDay($0.d.createdOn, calendar) }
        }
        localDays = days
    }

    let localDays: [String: [String]]

    /// (year, month, day) in the zone, by Foundation.
    static func localDay(_ seconds: Int64, _ calendar: Calendar) -> String {
        let c = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: TimeInterval(seconds)))
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    static func catalogName(_ dimension: FilterDimension, _ id: String) -> String? {
        switch dimension {
        case .queue: RandomWorld.queues.first { $0.id == id }?.name
        case .configuration: RandomWorld.configurations.first { $0.id == id }?.name
        default: nil
        }
    }

    /// `selection`: lowercased, per dimension in `allCases` order (empty = all).
    static func passes(_ f: Final, _ d: Int, _ selection: [Set<String>]) -> Bool {
        if selection[d].isEmpty { return true }
        guard let keys = f.keys[d] else { return true }  // no direction: never removed
        return keys.contains { selection[d].contains($0) }
    }

    func check(_ data: DashboardData, filters: DashboardFilters, context: String) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: filters.timeZone)!
        let today = Self.localDay(Int64(now.timeIntervalSince1970), calendar)
        let from: String?, to: String?
        switch filters.range {
        case .all: (from, to) = (nil, nil)
        case .between(let a, let b): (from, to) = (a.iso, b.iso)
        case .lastDays(let n):
            let noonToday = calendar.date(bySettingHour: 12, minute: 0, second: 0, of: now)!
            from = Self.localDay(Int64(calendar.date(byAdding: .day, value: -(n - 1), to: noonToday)!.timeIntervalSince1970), calendar)
            to = today
        }
        #expect(data.from?.iso == from && data.to?.iso == to, "range, \(context)")

        let dayOf = localDays[filters.timeZone]!
        let inRangeIndexes = finals.indices.filter { i in
            let day = dayOf[i]
            return (from.map { day >= $0 } ?? true) && (to.map { day <= $0 } ?? true)
        }
        let inRange = inRangeIndexes.map { finals[$0] }
        let selection = FilterDimension.allCases.map { Set(filters.selected($0).map { $0.lowercased() }) }
        func passesAll(_ f: Final, except: FilterDimension? = nil) -> Bool {
            let skip = except.flatMap { FilterDimension.allCases.firstIndex(of: $0) } ?? -1
            for d in 0..<selection.count where d != skip && !Self.passes(f, d, selection) { return false }
            return true
        }
        let scopeDays = inRangeIndexes.filter { passesAll(finals[$0]) }.map { dayOf[$0] }
        let scope = inRange.filter { passesAll($0) }
        let processed = scope.filter { $0.d.status == "Complete" }

        #expect(data.totalDeliveries == scope.count, "total, \(context)")
        #expect(data.processed == processed.count, "processed, \(context)")

        func counts(_ list: [Final], _ key: (Final) -> String) -> [String: Int] {
            list.reduce(into: [:]) { $0[key($1), default: 0] += 1 }
        }
        func statusOrder(_ a: String, _ b: String) -> Bool {
            let life = ["Pending", "InProcess", "Complete", "Expired", "Cancelled", "Error"]
            let (ra, rb) = (life.firstIndex(of: a) ?? 99, life.firstIndex(of: b) ?? 99)
            return ra != rb ? ra < rb : a < b
        }
        let byStatus = counts(scope) { $0.d.status }
        #expect(data.deliveriesByStatus.map { "\($0.label)=\($0.count)" }
                == byStatus.keys.sorted(by: statusOrder).map { "\($0)=\(byStatus[$0]!)" }, "by status, \(context)")
        #expect(data.mxResult == counts(processed) { $0.value(.result)! }, "by result, \(context)")
        #expect(data.mxDialMode == counts(processed) { $0.value(.dialMode)! }, "by dial mode, \(context)")

        // Per day.
        let days = Dictionary(grouping: zip(scope, scopeDays)) { $0.1 }.mapValues { $0.map(\.0) }
        let expectedDays = days.keys.sorted().map { day -> String in
            let list = days[day]!
            return "\(day) \(list.count)/\(list.filter { $0.d.status == "Complete" }.count)"
        }
        #expect(data.mxDates == expectedDays, "by date, \(context)")
        let expectedStatusDays = days.keys.sorted().map { day -> String in
            let c = counts(days[day]!) { $0.d.status }
            return ([day] + c.keys.sorted(by: statusOrder).map { "\($0)=\(c[$0]!)" }).joined(separator: " ")
        }
        #expect(data.mxStatusDates == expectedStatusDays, "status by date, \(context)")

        // Tables.
        struct Row { var id: String; var name: String; var total: Int; var processed: Int }
        func table(_ dimension: FilterDimension, _ describe: (String) -> String) -> [String] {
            let groups = Dictionary(grouping: scope) { $0.value(dimension)! }
            var rows: [Row] = []
            for (id, list) in groups {
                let done = list.filter { $0.d.status == "Complete" }.count
                rows.append(Row(id: id, name: Self.catalogName(dimension, id) ?? id, total: list.count, processed: done))
            }
            rows.sort { (a: Row, b: Row) -> Bool in
                if a.total != b.total { return a.total > b.total }
                if a.name != b.name { return a.name < b.name }
                return a.id < b.id
            }
            return rows.map { (r: Row) -> String in "\(r.name)|\(describe(r.id))|\(r.total)/\(r.processed)" }
        }
        let expectedConfigs = table(.configuration) { id in
            let c = RandomWorld.configurations.first { $0.id == id }
            return "\(c?.status ?? "nil")|\(c?.priority ?? "nil")"
        }
        #expect(data.byConfiguration.map { "\($0.name)|\($0.status ?? "nil")|\($0.priority ?? "nil")|\($0.total)/\($0.processed)" }
                == expectedConfigs, "by configuration, \(context)")
        #expect(data.byQueue.map { "\($0.name)|-|\($0.total)/\($0.processed)" } == table(.queue) { _ in "-" },
                "by queue, \(context)")

        // Sidebar counts: each value under every other filter.
        for dimension in FilterDimension.allCases {
            let entries = data.facets[dimension] ?? []
            let others = inRange.filter { passesAll($0, except: dimension) }
            let expected = counts(others.filter { $0.value(dimension) != nil }) { $0.value(dimension)! }
            let chosen = filters.selected(dimension)
            // Every shown value with its count and selection mark; every value with deliveries is shown.
            let shown = entries.map { "\($0.value)=\($0.count)\($0.selected ? "*" : "")" }
            let wanted = entries.map { e in
                "\(e.value)=\(expected[e.value] ?? 0)\(Self.matchesSelection(e.value, dimension, chosen) ? "*" : "")"
            }
            #expect(shown == wanted, "\(dimension) facets, \(context)")
            #expect(Set(entries.map(\.value)).count == entries.count, "duplicate \(dimension) entries, \(context)")
            let missing = expected.filter { v, n in n > 0 && !entries.contains { $0.value == v } }
            #expect(missing.isEmpty, "\(dimension) facets lack \(missing), \(context)")
            // Each selected value is shown by exactly one entry (a name in another case is the same value).
            let multiplicity = chosen.map { c in entries.filter { Self.matchesSelection($0.value, dimension, [c]) }.count }
            #expect(multiplicity.allSatisfy { $0 == 1 }, "\(dimension) selections \(chosen) shown \(multiplicity) times, \(context)")
        }

        // Live: every filter but the date range.
        let live = finals.filter { passesAll($0) }
        let nowSeconds = Int64(now.timeIntervalSince1970)
        #expect(data.live?.pending == live.filter { $0.d.status == "Pending" }.count, "pending, \(context)")
        #expect(data.live?.inProgress == live.filter { $0.d.status == "InProcess" }.count, "in progress, \(context)")
        let throughput = live.filter { $0.d.status == "Complete" && $0.d.versionStamp >= nowSeconds - 3600 && $0.d.versionStamp <= nowSeconds }.count
        #expect(data.live?.throughputPerHour == throughput, "throughput, \(context)")
    }

    static func matchesSelection(_ value: String, _ dimension: FilterDimension, _ selection: Set<String>) -> Bool {
        let names = [value] + [catalogName(dimension, value)].compactMap { $0 }
        return selection.contains { s in names.contains { $0.lowercased() == s.lowercased() } }
    }
}
