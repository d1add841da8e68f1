import Foundation
import Testing

@testable import DashboardModel

/// A Wednesday, 15:00 in New York (19:00 UTC, EDT).
private let demoNow = Date(timeIntervalSince1970: 1_789_844_400)  // 2026-09-16T19:00:00Z

private struct DemoHistory {
    var queues: [Queue] = []
    var configurations: [Configuration] = []
    var deliveries: [Delivery] = []
    var conversations: [Conversation] = []
    var order: [ImportRecord] = []

    init(_ generator: DemoGenerator, keepOrder: Bool = false) {
        generator.generate { record in
            if keepOrder { order.append(record) }
            switch record {
            case .queue(let q): queues.append(q)
            case .configuration(let c): configurations.append(c)
            case .delivery(let d): deliveries.append(d)
            case .conversation(let c): conversations.append(c)
            case .deletion: Issue.record("the demo generator deletes nothing")
            }
        }
    }
}

private let standardHistory = DemoHistory(DemoGenerator(now: demoNow), keepOrder: true)

@Test func demoIsDeterministic() {
    let again = DemoHistory(DemoGenerator(now: demoNow), keepOrder: true)
    #expect(again.order == standardHistory.order)
    let other = DemoHistory(DemoGenerator(seed: 7, now: demoNow))
    #expect(other.deliveries.count == standardHistory.deliveries.count)
    #expect(other.deliveries != standardHistory.deliveries)
    #expect(Set(other.deliveries.map(\.deliveryId)).isDisjoint(with: standardHistory.deliveries.map(\.deliveryId)))
}

@Test func demoEmitsCenterFirstThenDeliveriesInCreatedOrder() {
    let order = standardHistory.order
    #expect(order.prefix(8).allSatisfy { if case .queue = $0 { true } else { false } })
    #expect(order.dropFirst(8).prefix(12).allSatisfy { if case .configuration = $0 { true } else { false } })
    let created = standardHistory.deliveries.map(\.createdOn)
    #expect(zip(created, created.dropFirst()).allSatisfy { $0 <= $1 })
    // Each conversation comes just before the delivery that links it (so the store links the direction on insert).
    var pending: Conversation?
    for record in order.dropFirst(20) {
        switch record {
        case .conversation(let c):
            #expect(pending == nil)
            pending = c
        case .delivery(let d):
            if let c = pending { #expect(d.conversationId == c.id) }
            pending = nil
        default: Issue.record("center record after the deliveries")
        }
    }
    #expect(pending == nil)
}

@Test func demoCountsAndWindow() {
    let end = Int64(demoNow.timeIntervalSince1970)
    #expect(standardHistory.deliveries.count == 40_000)
    #expect(Set(standardHistory.deliveries.map(\.deliveryId)).count == 40_000)
    for d in standardHistory.deliveries {
        #expect(d.createdOn > end - 90 * 86_400 && d.createdOn <= end)
        #expect((d.modifiedOn ?? 0) > d.createdOn && (d.modifiedOn ?? .max) <= end)
    }
    for (n, days) in [(1, 1), (1_234, 3), (5_000, 365)] {
        let h = DemoHistory(DemoGenerator(seed: 3, deliveries: n, days: days, now: demoNow))
        #expect(h.deliveries.count == n)
        #expect(h.deliveries.allSatisfy { $0.createdOn > end - Int64(days) * 86_400 && $0.createdOn <= end })
    }
    #expect(DemoHistory(DemoGenerator(deliveries: 0, now: demoNow)).deliveries.isEmpty)
}

@Test func demoIdsAreGUIDShaped() {
    let pattern = try! Regex("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
    let ids = standardHistory.deliveries.prefix(500).flatMap { [$0.deliveryId, $0.conversationId] }
        + standardHistory.queues.map(\.id) + standardHistory.configurations.map(\.id)
    for id in ids where !id.isEmpty { #expect(id.wholeMatch(of: pattern) != nil, "\(id)") }
}

@Test func demoCenterShape() {
    let center = DemoCenter.standard
    #expect(center.configurations.count == 12)
    #expect(center.queues.count == 8)
    #expect(Set(center.configurations.map(\.id)).count == 12)
    #expect(Set(center.queues.map(\.name)).count == 8)
    #expect(center.configurations.contains { $0.status == "Inactive" })
    #expect(center.configurations.contains { $0.status == "Active" })
    #expect(Set(center.configurations.compactMap(\.priority)) == ["Critical", "High", "Normal"])
    #expect(Set(center.configurations.compactMap(\.dialMode)) == ["Copilot", "Progressive", "Preview", "Predictive"])
    #expect(center.configurations.filter { $0.channel == "SMS" }.count == 1)
    let queueIds = Set(center.queues.map(\.id))
    #expect(center.configurations.allSatisfy { $0.queueId.map(queueIds.contains) ?? false })
    #expect(center.queues.filter { !$0.name.allSatisfy(\.isASCII) }.count >= 3)
    #expect(standardHistory.queues == center.queues)
    #expect(standardHistory.configurations == center.configurations)
    #expect(DemoGenerator(seed: 99, now: demoNow).center.configurations == center.configurations)
}

@Test func demoStatusesAndResults() {
    let deliveries = standardHistory.deliveries
    var byStatus: [String: Int] = [:]
    for d in deliveries { byStatus[d.status, default: 0] += 1 }
    for status in ["Pending", "InProcess", "Complete", "Expired", "Cancelled", "Error"] {
        #expect(byStatus[status, default: 0] > 0, "no \(status)")
    }
    #expect(Double(byStatus["Complete", default: 0]) > 0.75 * Double(deliveries.count))

    let complete = deliveries.filter { $0.status == "Complete" }
    let voice = complete.filter { $0.channel == "Voice" }
    var results: [String: Int] = [:]
    for d in voice { results[d.result, default: 0] += 1 }
    let callEnded = Double(results["CallEnded", default: 0]) / Double(voice.count)
    #expect(callEnded > 0.4 && callEnded < 0.6)
    for result in ["NoAnswer", "AnsweringMachine", "LiveAnswer", "CallFailed", "Abandoned", "Undetermined", "Busy"] {
        #expect(results[result, default: 0] > 0, "no \(result)")
    }
    #expect(Double(results["Busy", default: 0]) < 0.01 * Double(voice.count))
    let sms = complete.filter { $0.channel == "SMS" }
    #expect(!sms.isEmpty)
    #expect(Set(sms.map(\.result)).isSuperset(of: ["MessageSent", "MessageFailed"]))
    #expect(sms.allSatisfy { !$0.result.hasPrefix("Call") })
    #expect(Set(deliveries.map(\.engagementType)) == ["AI-led", "Representative-led", ""])
    #expect(Set(deliveries.map(\.dialMode)).isSuperset(of: ["Copilot", "Progressive", "Preview", "Predictive"]))
}

@Test func demoPendingOnlyRecent() {
    let end = Int64(demoNow.timeIntervalSince1970)
    let open = standardHistory.deliveries.filter { $0.status == "Pending" || $0.status == "InProcess" }
    #expect(!open.isEmpty)
    #expect(open.allSatisfy { $0.createdOn >= end - 2 * 86_400 })
    #expect(standardHistory.deliveries.filter { $0.status == "Pending" }.allSatisfy { $0.conversationId.isEmpty })
}

@Test func demoInactiveConfigurationsStopEarly() {
    let end = Int64(demoNow.timeIntervalSince1970)
    let inactive = Set(DemoCenter.standard.configurations.filter { $0.status == "Inactive" }.map(\.id))
    let theirs = standardHistory.deliveries.filter { inactive.contains($0.configId) }
    #expect(!theirs.isEmpty)
    #expect(theirs.allSatisfy { $0.createdOn < end - 10 * 86_400 })
}

@Test func demoUnknownReferences() {
    let center = DemoCenter.standard
    let configs = Set(center.configurations.map(\.id))
    let queues = Set(center.queues.map(\.id))
    let deliveries = standardHistory.deliveries
    let unknownConfig = deliveries.filter { !configs.contains($0.configId) }
    let unknownQueue = deliveries.filter { !queues.contains($0.queueId) }
    #expect(!unknownConfig.isEmpty && !unknownQueue.isEmpty)
    #expect(unknownConfig.count + unknownQueue.count < deliveries.count / 200)
    // A few deleted ids, not a new one per delivery.
    #expect(Set(unknownConfig.map(\.configId)).count <= 2)
}

@Test func demoConversations() {
    let conversations = Dictionary(uniqueKeysWithValues: standardHistory.conversations.map { ($0.id, $0) })
    #expect(conversations.count == standardHistory.conversations.count)
    for d in standardHistory.deliveries where d.status == "Complete" || d.status == "InProcess" {
        #expect(!d.conversationId.isEmpty)
        #expect(conversations[d.conversationId]?.queueId == d.queueId)
    }
    let linked = Set(standardHistory.deliveries.map(\.conversationId))
    #expect(conversations.keys.allSatisfy(linked.contains))
    #expect(standardHistory.conversations.allSatisfy { $0.isOutbound != nil })
    let incoming = standardHistory.conversations.filter { $0.isOutbound == false }.count
    #expect(incoming > 0 && incoming < standardHistory.conversations.count / 20)
}

@Test func demoTrafficFollowsBusinessHours() throws {
    let zone = try #require(TimeZone(identifier: "America/New_York"))
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    var business = 0
    var weekday = 0
    var weekend = 0
    for d in standardHistory.deliveries {
        let date = Date(timeIntervalSince1970: TimeInterval(d.createdOn))
        let hour = calendar.component(.hour, from: date)
        if hour >= 8 && hour < 20 { business += 1 }
        if calendar.isDateInWeekend(date) { weekend += 1 } else { weekday += 1 }
    }
    let n = Double(standardHistory.deliveries.count)
    #expect(Double(business) > 0.85 * n)
    // Per day, a weekday carries well over twice a weekend day.
    #expect(Double(weekday) / 5 > 2 * Double(weekend) / 2)
    // Slow growth: the last month carries more than the first.
    let end = Int64(demoNow.timeIntervalSince1970)
    let first = standardHistory.deliveries.filter { $0.createdOn < end - 60 * 86_400 }.count
    let last = standardHistory.deliveries.filter { $0.createdOn >= end - 30 * 86_400 }.count
    #expect(last > first)
}

/// The list columns (issue 12) read like an organization's: fictional 555-01xx numbers, a result date on completed
/// deliveries only, a start once the call was placed, disposition codes only on calls that reached someone.
@Test func demoListColumns() throws {
    let deliveries = standardHistory.deliveries
    let number = try Regex(#"^\+1[2-9][0-9]{2}55501[0-9]{2}$"#)
    #expect(deliveries.allSatisfy { $0.details.toAddress.wholeMatch(of: number) != nil })
    let tollFree = try Regex(#"^\+180055501[0-9]{2}$"#)
    #expect(deliveries.allSatisfy { $0.details.fromAddress.wholeMatch(of: tollFree) != nil })
    #expect(Set(deliveries.map(\.details.toAddress)).count > 100, "addresses vary")
    for d in deliveries {
        #expect((d.details.resultDate != nil) == (d.status == "Complete"), "\(d.status) \(d.details)")
        if let r = d.details.resultDate { #expect(r == d.modifiedOn && r >= d.createdOn) }
        if d.status == "Pending" { #expect(d.details.startDate == nil && d.details.endDate == nil) }
        if let start = d.details.startDate { #expect(start >= d.createdOn) }
        let reached = ["CallEnded", "LiveAnswer", "CSRCancelled"].contains(d.result)
        #expect(d.details.dispositionCodes.isEmpty != reached, "\(d.result) \(d.details.dispositionCodes)")
    }
    #expect(deliveries.contains { $0.details.dispositionCodes.contains(",") }, "some calls carry two codes")
}
