import DashboardModel
import DataverseSync
import Foundation
import Testing
@testable import ProactiveTUISync

/// What `sync` prints: the progress line, a round's summary, `--status`, and the one output function's cleaning.
@Suite struct SyncCommandTextTests {
    @Test func theProgressLineShowsRowsPagesRateAndABarWhenTheTotalIsKnown() {
        let known = SyncProgress(table: .configurations, kind: .fullRead, pages: 1, rows: 6, total: 12, seconds: 0.5)
        #expect(SyncProgressLine.text(known) == "configurations: [############------------] 6 of 12 rows, 1 pages, 12 rows/s")
        let unknown = SyncProgress(table: .deliveries, kind: .fullRead, pages: 24, rows: 120_000, total: nil, seconds: 1.25)
        #expect(SyncProgressLine.text(unknown) == "deliveries: 120,000 rows, 24 pages, 96,000 rows/s")
    }

    @Test func onANarrowTerminalTheProgressLineDropsTheBarThenDetailsAndNeverFillsTheWidth() {
        let known = SyncProgress(table: .configurations, kind: .fullRead, pages: 1, rows: 6, total: 12, seconds: 0.5)
        #expect(SyncProgressLine.text(known, width: 120) == SyncProgressLine.text(known))
        #expect(SyncProgressLine.text(known, width: 60) == "configurations: 6 of 12 rows (50%), 12 rows/s")
        #expect(SyncProgressLine.text(known, width: 40) == "configurations: 6 of 12 (50%)")
        #expect(SyncProgressLine.text(known, width: 20) == "configurations 50%")
        #expect(SyncProgressLine.text(known, width: 10) == "configura")
        let unknown = SyncProgress(table: .deliveries, kind: .fullRead, pages: 24, rows: 120_000, total: nil, seconds: 1.25)
        #expect(SyncProgressLine.text(unknown, width: 40) == "deliveries: 120,000 rows, 96,000 rows/s")
        for width in 1...130 {
            #expect(SyncProgressLine.text(known, width: width).count < max(width, 2))
            #expect(SyncProgressLine.text(unknown, width: width).count < max(width, 2))
        }
    }

    @Test func aRoundSummaryNamesWhatChangedPerTable() {
        var report = RoundReport()
        var deliveries = TableRoundReport(table: .deliveries, kind: .delta)
        deliveries.rows = 1_005
        deliveries.deleted = 5
        var configurations = TableRoundReport(table: .configurations, kind: .polling)
        configurations.rows = 1
        configurations.deletionsInvisible = true
        report.tables = [configurations, TableRoundReport(table: .queues, kind: .delta), deliveries]
        report.seconds = 0.5
        #expect(SyncCommand.summary(report) == "synced: configurations 1 rows (no change tracking: deletions cannot be seen), deliveries 1,005 rows (5 deleted) in 0.5 s, 2,012 rows/s")
        #expect(SyncCommand.summary(RoundReport(tables: [], failure: nil, seconds: 0.04)) == "synced: no changes in 0.0 s")
    }

    @Test func outputLinesLoseControlCharactersAndTokens() {
        #expect(SyncOutput.clean("a\u{1b}]0;title\u{07}b") == "a\u{FFFD}]0;title\u{FFFD}b")
        #expect(!SyncOutput.clean("Authorization: Bearer abc.def.ghi").contains("abc.def.ghi"))
    }

    @Test func statusLinesForAStoreNeverSyncedAndForAFailingOne() throws {
        #expect(SyncStatusLines.lines(nil, now: Date()) == ["never synced: run proactive-tui sync --org URL"])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sync-status-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try DeliveryStore.openForWriting(path: folder.appendingPathComponent("s.sqlite").path)
        try store.setSyncOrganization("https://contoso.crm.dynamics.com")
        let failed = Date(timeIntervalSince1970: 1_800_000_000)
        try store.recordSyncFailure(at: failed, message: "429 Too Many Requests (GET https://contoso.crm.dynamics.com/api/data/v9.2/queues)")
        let lines = SyncStatusLines.lines(try store.syncStatus(), now: failed.addingTimeInterval(90))
        #expect(lines.contains("organization:  https://contoso.crm.dynamics.com"))
        #expect(lines.contains("failing since: 2027-01-15T08:00:00Z (90 s ago): 429 Too Many Requests (GET https://contoso.crm.dynamics.com/api/data/v9.2/queues)"))
        #expect(lines.contains("  deliveries               - rows, not read yet"))
        #expect(!lines.contains { $0.hasPrefix("what to do:") }, "a 429 is waited out: no advice")
        try store.recordSyncFailure(at: failed, message: "401 Unauthorized (GET https://contoso.crm.dynamics.com/api/data/v9.2/queues)")
        let refused = SyncStatusLines.lines(try store.syncStatus(), now: failed.addingTimeInterval(90))
        #expect(refused.contains { $0.hasPrefix("what to do:    the service refused the token: check --tenant") })
    }

    @Test func adviceNamesWhatToCheckForTheFailuresASupervisorCanFix() {
        #expect(SyncAdvice.hint(for: "403 Forbidden: 0x80040220 Principal user is missing prvReadmsdyn_proactive_delivery (GET https://o/x)")?.contains("security role") == true)
        #expect(SyncAdvice.hint(for: "host name not found (DNS) (https://o/x)")?.contains("--org") == true)
        #expect(SyncAdvice.hint(for: "authentication failed: the sign-in code expired before it was used; run again")?.contains("--device-login") == true)
        #expect(SyncAdvice.hint(for: "503 Service Unavailable (GET https://o/x)") == nil)
    }
}
