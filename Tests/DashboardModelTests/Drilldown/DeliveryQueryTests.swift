import Foundation
import Testing
@testable import DashboardModel

/// The deliveries behind every kind of number: `DeliveryQuery.count` (and the rows it lists) equal the dashboard's
/// figure for the selection, in zones with whole-hour, 45-minute and daylight-saving offsets; rows come in created
/// order, and paging by offset or by cursor gives the same rows.
@Suite struct DeliveryQueryTests {
    static let now = "2026-11-10T12:00:00Z"

    /// About 600 deliveries over 12 days up to now (some in the last hour), mixed values, a few conversations of
    /// each direction, deterministic.
    static func store() throws -> MXStore {
        let s = try MXStore()
        var seed: UInt64 = 0x5eed
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        let statuses = ["Pending", "InProcess", "Complete", "Complete", "Complete", "Expired", "Cancelled", "Error"]
        let results = ["CallEnded", "NoAnswer", "Abandoned", "", "LiveAnswer"]
        let dials = ["Copilot", "Progressive", "Preview", "Predictive", ""]
        let end = MX.utc(now)
        var deliveries: [Delivery] = []
        var conversations: [Conversation] = []
        for k in 0..<600 {
            // The first 40 in the last half hour (the live figures have rows), the rest over 12 days before.
            let created = k < 40 ? end - Int64(next(1800)) : end - 3600 - Int64(next(12 * 86_400))
            let status = statuses[next(statuses.count)]
            // Modified up to 2 hours after creation, never after now: some completions fall in the last hour.
            let modified = min(end, created + Int64(next(7200)))
            var conversation = ""
            if status == "Complete", next(3) > 0 {
                conversation = "conv-\(k)"
                conversations.append(Conversation(id: conversation, isOutbound: next(4) > 0))
            }
            deliveries.append(Delivery(
                deliveryId: "d-\(k)", createdOn: created, modifiedOn: modified, status: status,
                result: status == "Complete" ? results[next(results.count)] : "", dialMode: dials[next(dials.count)],
                configId: "cfg-\(next(4))", queueId: "q-\(next(3))", channel: next(5) == 0 ? "SMS" : "Voice",
                conversationId: conversation, details: DeliveryDetails(toAddress: "+1425555\(1000 + k)")))
        }
        try s.write(now: now, deliveries: deliveries, conversations: conversations)
        return s
    }

    /// Every figure of the dashboard with the selection that lists it.
    static func figures(_ data: DashboardData) -> [(DeliverySelection, Int)] {
        var list: [(DeliverySelection, Int)] = [(.all, data.totalDeliveries), (.processed, data.processed)]
        list += data.deliveriesByStatus.map { (.status($0.label), $0.count) }
        for day in data.statusByDate { list += day.counts.map { (.statusOnDay($0.label, day.date), $0.count) } }
        list += data.processedByResult.map { (.result($0.label), $0.count) }
        list += data.processedByDialMode.map { (.dialMode($0.label), $0.count) }
        for row in data.byConfiguration {
            list += [(.configuration(id: row.id, processedOnly: false), row.total), (.configuration(id: row.id, processedOnly: true), row.processed)]
        }
        for row in data.byQueue {
            list += [(.queue(id: row.id, processedOnly: false), row.total), (.queue(id: row.id, processedOnly: true), row.processed)]
        }
        for row in data.byDate { list += [(.day(row.date, processedOnly: false), row.total), (.day(row.date, processedOnly: true), row.processed)] }
        if let live = data.live {
            list += [(.pending, live.pending), (.inProgress, live.inProgress), (.processedLastHour, live.throughputPerHour)]
        }
        return list
    }

    @Test(arguments: ["Asia/Kathmandu", "America/New_York"])
    func everyFigureCountsTheRowsBehindIt(zone: String) throws {
        let s = try Self.store()
        let index = try s.index()
        let states: [DashboardFilters] = [
            MX.filters(.lastDays(7), tz: zone),
            MX.filters(.between(MX.day("2026-11-02"), MX.day("2026-11-06")), tz: zone, [.channel: ["Voice"], .direction: ["Outgoing"]]),
            MX.filters(.all, tz: zone, [.status: ["Complete", "Pending"], .configuration: ["cfg-1", "cfg-2"]]),
        ]
        for filters in states {
            let data = MetricsEngine.compute(index: index, filters: filters, now: MX.instant(Self.now))
            let figures = Self.figures(data)
            #expect(figures.count > 20)
            #expect((data.live?.throughputPerHour ?? 0) > 0)
            #expect((data.live?.pending ?? 0) > 0 || filters.selections[.status] != nil)
            for (selection, expected) in figures {
                let query = DeliveryQuery(filters: filters, selection: selection, now: MX.instant(Self.now))
                let count = try query.count(index: index, store: s.store)
                #expect(count == expected, "\(selection) in \(zone) \(filters.range)")
                let rows = try query.page(index: index, store: s.store, limit: 10_000).rows
                #expect(rows.count == expected, "\(selection) rows")
            }
        }
    }

    @Test func aSelectionOfNothingAndADayOutsideTheRangeListNothing() throws {
        let s = try Self.store()
        let index = try s.index()
        let filters = MX.filters(.lastDays(3), tz: "UTC")
        for selection: DeliverySelection in [.status("NoSuchStatus"), .day(MX.day("2026-11-01"), processedOnly: false),
                                             .configuration(id: "cfg-unknown", processedOnly: false)] {
            let query = DeliveryQuery(filters: filters, selection: selection, now: MX.instant(Self.now))
            #expect(try query.count(index: index, store: s.store) == 0)
            #expect(try query.page(index: index, store: s.store, limit: 10).rows.isEmpty)
        }
    }

    @Test func rowsComeInCreatedOrderAndBothKindsOfPagingAgree() throws {
        let s = try Self.store()
        let index = try s.index()
        let query = DeliveryQuery(filters: MX.filters(.all, tz: "UTC"), now: MX.instant(Self.now))
        let all = try query.page(index: index, store: s.store, limit: 10_000).rows
        #expect(all.count == 600)
        #expect(all.map(\.createdOn) == all.map(\.createdOn).sorted())
        #expect(zip(all, all.dropFirst()).allSatisfy { ($0.createdOn, $0.key) < ($1.createdOn, $1.key) })
        var byCursor: [DeliveryRow] = []
        var cursor: DeliveryCursor?
        repeat {
            let page = try query.page(index: index, store: s.store, after: cursor, limit: 77)
            byCursor += page.rows
            cursor = page.next
        } while cursor != nil
        #expect(byCursor == all)
        var byOffset: [DeliveryRow] = []
        for offset in stride(from: 0, to: 600, by: 50) {
            byOffset += try query.page(index: index, store: s.store, offset: offset, limit: 50).rows
        }
        #expect(byOffset == all)
        // Names from the catalog, values from the combination.
        #expect(all.allSatisfy { $0.configName.isEmpty && $0.configId.hasPrefix("cfg-") && $0.details.toAddress.hasPrefix("+1425555") })
    }
}
