import DashboardModel
import Foundation
import Testing
@testable import ProactiveTUI
@testable import TerminalUI

/// The sync's state in the dashboard header and in wall mode's header, as literal lines.
@Suite struct SyncHeaderWidgetTests {
    let zone = "America/New_York"

    func data() -> DashboardData {
        var d = DashboardData.empty(filters: DashboardFilters(range: .lastDays(30), timeZone: zone, selections: [:]))
        d.totalDeliveries = 1234
        d.processed = 967
        d.readAt = at(19, 3, 22)
        return d
    }

    /// 2026-11-28 at the given UTC time (New York is UTC-5 that day).
    func at(_ h: Int, _ m: Int, _ s: Int) -> Date {
        let day = LocalDate(year: 2026, month: 11, day: 28).dayNumber
        return Date(timeIntervalSince1970: TimeInterval(day * 86_400 + h * 3600 + m * 60 + s))
    }

    var failing: SyncIndicator {
        .failing(since: at(18, 58, 10), message: "401 Unauthorized (GET https://contoso.crm.dynamics.com/api/data/v9.2/msdyn_proactive_deliveries)")
    }

    @Test func syncedShowsTheTimeBesideTheUpdateTime() {
        let header = HeaderBar(data: data(), sync: .synced(at: at(19, 1, 5)))
        let g = rendered(100, 2) { g, r in header.render(into: &g, area: r, theme: .unicode()) }
        expectLines(g, [
            "Proactive Outbound · Total 1,234 · Processed 967 (78.4%)              Synced 14:01  Updated 14:03:22",
            "Last 30 days · America/New_York",
        ])
        #expect(!g[70, 0].style.bold)
    }

    @Test func failingShowsSinceWhenAndWhyAsAWarningAndTheTitleGivesWay() {
        let header = HeaderBar(data: data(), sync: failing)
        let g = rendered(100, 2) { g, r in header.render(into: &g, area: r, theme: .ascii()) }
        expectLines(g, [
            "Total 1,234 | Processed 967 (78.4%) sync failing since 13:58: 401 Unauthorized (G~  Updated 14:03:22",
            "Last 30 days | America/New_York",
        ])
        #expect(g[36, 0].style == Style.warning)
        #expect(g[34, 0].style == Style.title)
    }

    @Test func wallModeShowsAFailingSyncPlainlyInReverseVideo() {
        let g = rendered(120, 1) { g, r in WallHeader(data: data(), stale: false, sync: failing).render(into: &g, area: r, theme: .unicode()) }
        expectLines(g, [
            "Proactive Outbound · Last 30 days · Ameri  Sync failing since 13:58: 401 Unauthorized (GET https://co…  Updated 14:03:22",
        ])
        #expect(g[43, 0].style.reverse)
        #expect(!g[20, 0].style.reverse)
    }

    @Test func anIndicatorComesFromTheStoresStatusAndNothingForAStoreNeverSynced() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sync-indicator-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try DeliveryStore.openForWriting(path: folder.appendingPathComponent("s.sqlite").path)
        #expect(SyncIndicator(status: try store.syncStatus()) == nil)
        let source = SyncStatusSource(store: store)
        #expect(source.refresh() == false)
        try store.recordSyncSuccess(at: at(19, 1, 0), serverTime: nil)
        #expect(source.refresh())
        #expect(source.indicator == .synced(at: at(19, 1, 0)))
        #expect(source.refresh() == false, "nothing changed: nothing read again")
        try store.recordSyncFailure(at: at(18, 58, 0), message: "503 Service Unavailable")
        #expect(source.refresh())
        #expect(source.indicator?.text(in: TimeZone(identifier: zone)!) == "sync failing since 13:58: 503 Service Unavailable")
    }
}
