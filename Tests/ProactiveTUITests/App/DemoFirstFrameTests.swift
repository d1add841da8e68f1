import DashboardModel
import Foundation
import Testing
@testable import ProactiveTUI

/// The demo store's history runs up to the moment it is built, so its first frame already has a last hour of
/// activity: a throughput and a time to clear, not `Throughput 0/h · Clear in -`.
@Suite struct DemoFirstFrameTests {
    @Test func theFirstFrameHasLastHourActivity() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("demo-first-frame-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("demo.sqlite").path
        let now = Date(timeIntervalSince1970: 1_789_844_400)  // 2026-09-16T19:00:00Z, a Wednesday afternoon
        // The demo command's defaults: 40,000 deliveries over 90 days.
        try DemoStoreBuilder.build(path: path, deliveries: 40_000, days: 90, seed: 42, now: now, log: { _ in })
        let store = try DeliveryStore.openForReading(path: path)
        let index = AggregateIndex(store: store)
        try index.refresh()
        let data = MetricsEngine.compute(index: index, filters: DashboardFilters(timeZone: "UTC"), now: now)
        let live = try #require(data.live)
        #expect(live.throughputPerHour > 0)
        #expect(live.secondsToClear != nil)
        #expect(live.pending > 0)
    }
}
