import Foundation
import Testing
@testable import DashboardModel

@Suite struct SyncPageTests {
    static let started = MX.instant("2026-11-10T11:00:00Z")
    static let now = MX.instant(MX.defaultNow)

    /// Made anew on each use (a dictionary of `Any` is not `Sendable`, so it cannot be a shared constant).
    static var rows: [[String: Any]] { [
        SyncPages.delivery(row: "a0000000-0000-4000-8000-000000000001", id: "d0000000-0000-4000-8000-000000000001",
                           created: "2026-11-05T10:00:00Z", status: "Complete", result: "CallEnded", dial: "Progressive",
                           config: "c1", queue: "q1", conversation: "cc000000-0000-4000-8000-000000000001"),
        SyncPages.delivery(row: "a0000000-0000-4000-8000-000000000002", id: "d0000000-0000-4000-8000-000000000002",
                           created: "2026-11-06T10:00:00Z", config: "c1", queue: "q1"),
        SyncPages.delivery(row: "a0000000-0000-4000-8000-000000000003", id: "d0000000-0000-4000-8000-000000000003",
                           created: "2026-11-07T10:00:00Z", status: "Expired", config: "c1", queue: "q1"),
    ] }

    @Test func aPageIsAppliedWithItsCursorInOneTransaction() throws {
        let s = try MXStore()
        #expect(try s.store.syncCursor(for: .deliveries) == nil)
        let cursor = SyncCursor.fullRead(nextLink: SyncPages.org + "msdyn_proactive_deliveries?$skiptoken=%3Ccookie%20pagenumber=%222%22/%3E",
                                         startedAt: Self.started)
        let outcome = try s.store.applySyncPage(SyncPages.page(.deliveries, Self.rows), table: .deliveries,
                                                source: "msdyn_proactive_deliveries page 1", cursor: cursor, now: Self.now)
        #expect(outcome.rows == 3)
        #expect(outcome.summary.deliveries.inserted == 3)
        #expect(outcome.deleted == 0 && !outcome.endedFullRead)
        #expect(try s.store.syncCursor(for: .deliveries) == cursor)
        let data = try s.compute()
        #expect(data.totalDeliveries == 3 && data.processed == 1)
        #expect(data.mxDates == ["2026-11-05 1/1", "2026-11-06 1/0", "2026-11-07 1/0"])
        // The same page again (a retried request) changes nothing.
        let again = try s.store.applySyncPage(SyncPages.page(.deliveries, Self.rows), table: .deliveries,
                                              source: "page 1 again", cursor: cursor, now: Self.now)
        #expect(again.summary.deliveries.skipped == 3 && again.summary.deliveries.inserted == 0)
        #expect(try s.compute() == data)
    }

    @Test func aDeletedEntityDeletesTheDeliveryByItsRowIdAndUnknownIdsAreCounted() throws {
        let s = try MXStore()
        try s.store.applySyncPage(SyncPages.page(.deliveries, Self.rows, delta: SyncPages.org + "msdyn_proactive_deliveries?$deltatoken=1"),
                                  table: .deliveries, source: "full", cursor: .delta(deltaLink: SyncPages.org + "x?$deltatoken=1"),
                                  now: Self.now)
        let generation = try s.store.generation()
        // Row ids, not delivery ids; one in upper case and braces (GUIDs compare without either); one unknown.
        let changes = SyncPages.page(.deliveries, [
            SyncPages.deleted(.deliveries, "{A0000000-0000-4000-8000-000000000001}"),
            SyncPages.deleted(.deliveries, "d0000000-0000-4000-8000-000000000002"),  // a delivery id: not a row id
            SyncPages.deleted(.deliveries, "a0000000-0000-4000-8000-000000000099"),
        ], delta: SyncPages.org + "x?$deltatoken=2")
        let outcome = try s.store.applySyncPage(changes, table: .deliveries, source: "delta",
                                                cursor: .delta(deltaLink: SyncPages.org + "x?$deltatoken=2"), now: Self.now)
        #expect(outcome.deleted == 1)
        #expect(outcome.summary.unknownDeletions == 2)
        #expect(try s.store.generation() > generation)
        let data = try s.compute()
        #expect(data.totalDeliveries == 2 && data.processed == 0)
        #expect(data.mxDates == ["2026-11-06 1/0", "2026-11-07 1/0"])
        #expect(try s.store.syncStatus()?.rowsByTable[.deliveries] == 2)
    }

    @Test func aStoreNeverSyncedHasNoStatusAndASyncedOneReadsItReadOnly() throws {
        let s = try MXStore()
        try s.write(deliveries: [MX.d("x", "2026-11-05T10:00:00Z")])
        #expect(try s.store.syncStatus() == nil)
        try s.store.setSyncOrganization("https://user:secret@contoso.crm.dynamics.com/?access_token=abc")
        try s.store.applySyncPage(SyncPages.page(.deliveries, Self.rows), table: .deliveries, source: "p1",
                                  cursor: .fullRead(nextLink: SyncPages.org + "n?$skiptoken=1", startedAt: Self.started), now: Self.now)
        try s.store.recordSyncFailure(at: MX.instant("2026-11-10T12:01:00Z"), message: "401 Unauthorized (Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.sig)")
        try s.store.recordSyncFailure(at: MX.instant("2026-11-10T12:02:00Z"), message: "503 from https://x/?code=abc&client_secret=s3cr3t")
        let reader = try DeliveryStore.openForReading(path: s.store.path)
        let failing = try #require(try reader.syncStatus())
        #expect(failing.org == "https://contoso.crm.dynamics.com/")
        #expect(failing.failingSince == MX.instant("2026-11-10T12:01:00Z"))
        #expect(failing.lastAttempt == MX.instant("2026-11-10T12:02:00Z"))
        #expect(failing.lastError == "503 from https://x/?code=[redacted]&client_secret=[redacted]")
        #expect(failing.lastSuccess == nil)
        #expect(failing.rowsByTable[.deliveries] == 4)
        #expect(failing.cursorKindByTable == [.deliveries: "fullRead"])
        #expect(failing.fullReadUnderWay == [.deliveries])
        try s.store.recordSyncSuccess(at: MX.instant("2026-11-10T12:03:00Z"), serverTime: MX.instant("2026-11-10T12:02:58Z"))
        let ok = try #require(try reader.syncStatus())
        #expect(ok.lastSuccess == MX.instant("2026-11-10T12:03:00Z") && ok.failingSince == nil && ok.lastError == nil)
        // The newest modifiedon applied is 2026-11-07T10:00:00Z.
        #expect(ok.lagSeconds == MX.instant("2026-11-10T12:02:58Z").timeIntervalSince(MX.instant("2026-11-07T10:00:00Z")))
    }
}
