import Foundation
import Testing

@testable import DashboardModel

private let simulationStart = Date(timeIntervalSince1970: 1_789_844_400)

/// Steps every `every` seconds for `duration` seconds and returns everything emitted.
private func simulate(seed: UInt64 = 1, rate: Double = 30, every: Double = 5, duration: Double = 7_200)
    -> [ImportRecord]
{
    var simulator = LiveSimulator(seed: seed, center: .standard, ratePerMinute: rate)
    var records: [ImportRecord] = []
    var t = 0.0
    while t <= duration {
        records += simulator.step(now: simulationStart.addingTimeInterval(t))
        t += every
    }
    return records
}

private func rank(_ status: String) -> Int {
    switch status {
    case "Pending": 0
    case "InProcess": 1
    default: 2
    }
}

@Test func liveSimulatorLifeCycle() {
    let records = simulate()
    var versions: [String: [Delivery]] = [:]
    var conversations: [String: Conversation] = [:]
    for record in records {
        switch record {
        case .delivery(let d): versions[d.deliveryId, default: []].append(d)
        case .conversation(let c): conversations[c.id] = c
        default: Issue.record("the live feed only emits deliveries and conversations")
        }
    }
    // About 30 a minute for two hours.
    #expect(versions.count > 3_000 && versions.count < 4_200)
    let end = Int64(simulationStart.timeIntervalSince1970) + 7_200
    var finals: Set<String> = []
    for (_, list) in versions {
        #expect(list.first?.status == "Pending")
        for (a, b) in zip(list, list.dropFirst()) {
            #expect((a.modifiedOn ?? 0) < (b.modifiedOn ?? 0))
            #expect(rank(a.status) < rank(b.status))
            #expect(a.createdOn == b.createdOn)
        }
        let last = list.last!
        finals.insert(last.status)
        if last.createdOn < end - DemoTiming.liveMaximumLifetime { #expect(rank(last.status) == 2) }
        if last.status == "Complete" {
            #expect(conversations[last.conversationId] != nil)
        }
        if let inProcess = list.first(where: { $0.status == "InProcess" }) {
            #expect(!inProcess.conversationId.isEmpty)
        }
    }
    #expect(finals.isSuperset(of: ["Complete", "Expired", "Cancelled", "Error", "Pending", "InProcess"]))
    let configs = DemoCenter.standard.configurations
    let active = Set(configs.filter { $0.status == "Active" }.map(\.id))
    #expect(versions.values.allSatisfy { active.contains($0[0].configId) })
}

@Test func liveSimulatorRecordsComeInTimeOrder() {
    let stamps = simulate(duration: 1_800).compactMap { record -> Int64? in
        if case .delivery(let d) = record { return d.modifiedOn } else { return nil }
    }
    #expect(!stamps.isEmpty)
    // Within a step the versions are sorted, and steps follow each other.
    #expect(zip(stamps, stamps.dropFirst()).allSatisfy { $0 <= $1 })
}

@Test func liveSimulatorIsDeterministic() {
    #expect(simulate(duration: 1_200) == simulate(duration: 1_200))
    #expect(simulate(duration: 1_200) != simulate(seed: 2, duration: 1_200))
    // How often the clock is stepped changes how records are grouped, not which versions exist.
    let coarse = simulate(every: 60, duration: 1_200)
    let fine = simulate(every: 1, duration: 1_200)
    #expect(!coarse.isEmpty)
    #expect(Set(coarse) == Set(fine))
    #expect(coarse.count == fine.count)
}

@Test func liveSimulatorFirstStepAndStandingStill() {
    var simulator = LiveSimulator(seed: 1, center: .standard, ratePerMinute: 60)
    #expect(simulator.step(now: simulationStart).isEmpty)
    #expect(simulator.step(now: simulationStart).isEmpty)
    #expect(simulator.step(now: simulationStart.addingTimeInterval(-10)).isEmpty)
    #expect(!simulator.step(now: simulationStart.addingTimeInterval(600)).isEmpty)
    var idle = LiveSimulator(seed: 1, center: .standard, ratePerMinute: 0)
    _ = idle.step(now: simulationStart)
    #expect(idle.step(now: simulationStart.addingTimeInterval(3_600)).isEmpty)
}

@Test func liveSimulatorContinuesTheHistory() {
    let generator = DemoGenerator(deliveries: 5_000, days: 30, now: simulationStart)
    var stored: [String: Delivery] = [:]
    generator.generate { if case .delivery(let d) = $0 { stored[d.deliveryId] = d } }
    let open = stored.values.filter { $0.status == "Pending" || $0.status == "InProcess" }
    #expect(!open.isEmpty)

    var simulator = LiveSimulator(seed: 5, center: .standard, ratePerMinute: 0)
    simulator.adoptOpenDeliveries(of: generator)
    #expect(simulator.inFlightCount == open.count)
    // Two days later every adopted delivery has reached a final status, each version newer than the stored one.
    _ = simulator.step(now: simulationStart)
    var t = 0.0
    while t < 2 * 86_400 + 7_200 {
        t += 600
        for record in simulator.step(now: simulationStart.addingTimeInterval(t)) {
            guard case .delivery(let d) = record else { continue }
            let before = stored[d.deliveryId]
            #expect(before != nil)
            #expect((d.modifiedOn ?? 0) > (before?.modifiedOn ?? .max))
            #expect(rank(d.status) > rank(before?.status ?? "Complete"))
            stored[d.deliveryId] = d
        }
    }
    #expect(simulator.inFlightCount == 0)
    #expect(stored.values.allSatisfy { rank($0.status) == 2 })
}
