import DashboardModel
import DataverseStandIn
import Foundation
import Testing
@testable import DataverseSync

/// The sync engine against the stand-in organization over loopback: what a round reads and what the store holds
/// after it, compared with an import of the organization's own rows.
@Suite(.serialized) struct SyncRoundTests {
    @Test func aFirstRoundReadsEveryTableInPagesAndEqualsAnImportOfTheSameRows() async throws {
        let h = try await SyncHarness.start(deliveries: 230)
        let report = await h.engine(pageSize: 50).round()
        #expect(report.failure == nil)
        let deliveries = try #require(report.tables.first { $0.table == .deliveries })
        #expect(deliveries.kind == .fullRead)
        #expect(deliveries.pages == 5)
        #expect(deliveries.rows == 230)
        #expect(try h.store.syncCursor(for: .deliveries).map { if case .delta = $0 { true } else { false } } == true)
        #expect(try h.matchesImport())
        // The list's columns came too: numbers, calling windows, disposition codes (the export shows them all).
        let exported = try SyncHarness.exported(h.store)
        let header = try #require(exported.split(separator: "\r\n").first).split(separator: ",")
        let firstRow = try #require(exported.split(separator: "\r\n").dropFirst().first)
        #expect(header.contains("msdyn_to_address") && header.contains("msdyn_window_start_date"))
        #expect(firstRow.contains("+1") && firstRow.contains("55501"))
        #expect(exported.contains("PromiseToPay"))
        let status = try #require(try h.store.syncStatus())
        #expect(status.lastSuccess != nil && status.failingSince == nil)
        #expect(status.rowsByTable[.deliveries] == 230)
        // Every page asked for change tracking and the page size; conversations only by id, never the whole table.
        for request in h.dataRequests(StandInOrg.deliveriesSet) {
            #expect(request.prefer?.contains("odata.track-changes") == true)
            #expect(request.prefer?.contains("odata.maxpagesize=50") == true)
        }
        let conversations = h.dataRequests(StandInOrg.conversationsSet)
        #expect(!conversations.isEmpty)
        // About 115 conversations in GETs of 40 ids: several GETs, all inside $batch requests.
        #expect(conversations.count >= 3 && conversations.allSatisfy(\.inBatch))
        for request in conversations {
            #expect(request.value("$filter") == "Microsoft.Dynamics.CRM.In(PropertyName=@p1,PropertyValues=@p2)")
            #expect(request.value("@p1") == "'msdyn_ocliveworkitemid'")
            #expect(request.value("$select")?.contains("msdyn_isoutbound") == true)
        }
        #expect(try h.store.wantedConversationIds(limit: 10).isEmpty)
        // The conversations came with the delivery pages (each page's in one $batch while the next page was read),
        // not in a pass after the last page: one $batch request per page of deliveries that links any, none after.
        let log = h.org.requests
        let lastDeliveryPage = try #require(log.lastIndex { $0.path.hasSuffix(StandInOrg.deliveriesSet) })
        let firstConversations = try #require(log.firstIndex { $0.path.hasSuffix(StandInOrg.conversationsSet) })
        #expect(firstConversations < lastDeliveryPage)
        // One GET of at most 40 ids per page of 50 deliveries (about 25 linked): five pages, five GETs.
        #expect(conversations.count == 5)
        let read = try #require(report.tables.first { $0.table == .conversations })
        #expect(read.rows > 100 && read.rows == status.rowsByTable[.conversations])
        await h.stop()
    }

    @Test func laterRoundsReadTheDeltaLinkWithChangesAndDeletions() async throws {
        let h = try await SyncHarness.start(deliveries: 120)
        let engine = h.engine(pageSize: 40)
        #expect(await engine.round().failure == nil)
        h.org.clearRequests()
        let changed = h.org.changeDeliveries(count: 15)
        let deleted = h.org.deleteDeliveries(count: 4)
        h.org.addDeliveries(count: 3)
        h.org.renameConfiguration(2, to: "Renamed campaign")
        let report = await engine.round()
        #expect(report.failure == nil)
        let deliveries = try #require(report.tables.first { $0.table == .deliveries })
        #expect(deliveries.kind == .delta)
        #expect(deliveries.deleted == deleted.count)
        #expect(deliveries.rows == changed.count + deleted.count + 3)
        for request in h.dataRequests(StandInOrg.deliveriesSet) { #expect(request.value("$deltatoken") != nil) }
        #expect(try h.matchesImport())
        #expect(try SyncHarness.snapshot(h.store).contains("Renamed campaign"))
        // A round with nothing new reads one small page per table.
        h.org.clearRequests()
        let quiet = await engine.round()
        #expect(quiet.failure == nil && quiet.rows == 0)
        #expect(h.dataRequests(StandInOrg.deliveriesSet).count == 1)
        await h.stop()
    }

    @Test func aRefusedDeltaTokenStartsAFullReadThatConvergesDeletionsIncluded() async throws {
        let h = try await SyncHarness.start(deliveries: 90)
        let engine = h.engine(pageSize: 30)
        #expect(await engine.round().failure == nil)
        h.org.deleteDeliveries(count: 7)
        h.org.changeDeliveries(count: 5)
        h.org.deleteConfiguration(11)
        h.org.expireDeltaTokens()
        let report = await engine.round()
        #expect(report.failure == nil)
        let deliveries = try #require(report.tables.first { $0.table == .deliveries })
        #expect(deliveries.restarted)
        #expect(deliveries.kind == .fullRead)
        #expect(try h.matchesImport())
        #expect(try h.store.syncStatus()?.rowsByTable[.deliveries] == 83)
        await h.stop()
    }

    @Test func throttlingWaitsExactlyRetryAfterAndServerErrorsBackOff() async throws {
        let h = try await SyncHarness.start(deliveries: 60)
        h.org.enqueue(.throttle(retryAfter: 2), entitySet: StandInOrg.deliveriesSet)
        h.org.enqueue(.unavailable(retryAfter: 3), entitySet: StandInOrg.queuesSet)
        h.org.enqueue(.serverError, entitySet: StandInOrg.configurationsSet)
        let report = await h.engine(pageSize: 25).round()
        #expect(report.failure == nil)
        let sleeps = h.clock.sleeps
        #expect(sleeps.contains(2))
        #expect(sleeps.contains(3))
        // The 500 backs off by the first step (1 s, jittered into [0.5, 1]; the test's jitter is 0.5 -> 0.75 s).
        #expect(sleeps.contains(0.75))
        #expect(h.logged.all.contains { $0.contains("429 Too Many Requests") && $0.contains("waiting 2 s (Retry-After)") })
        #expect(try h.matchesImport())
        await h.stop()
    }

    @Test func anHTMLPageOrATruncatedPageFailsTheRoundWithItsURLAndWritesNothing() async throws {
        let h = try await SyncHarness.start(deliveries: 50)
        let engine = h.engine(pageSize: 20)
        #expect(await engine.round().failure == nil)
        let before = try SyncHarness.snapshot(h.store)
        h.org.changeDeliveries(count: 10)
        for fault in [StandInFault.htmlErrorPage, .truncatedPage] {
            h.org.enqueue(fault, entitySet: StandInOrg.deliveriesSet)
            if fault == .htmlErrorPage {
                // A 502 is retried like other 5xx: make every try of the round meet the page.
                for _ in 0..<5 { h.org.enqueue(fault, entitySet: StandInOrg.deliveriesSet) }
            }
            let failed = await engine.round()
            let message = try #require(failed.failure)
            #expect(message.contains("msdyn_proactive_deliveries"))
            #expect(message.contains(fault == .htmlErrorPage ? "HTML" : "malformed"))
            #expect(!message.contains("sti."))
            #expect(!message.contains("\n"))
            #expect(try SyncHarness.snapshot(h.store) == before)
            let status = try #require(try h.store.syncStatus())
            #expect(status.failingSince != nil)
            #expect(status.lastError == SyncSecrets.redact(message))
        }
        #expect(await engine.round().failure == nil)
        #expect(try h.store.syncStatus()?.failingSince == nil)
        #expect(try h.matchesImport())
        await h.stop()
    }

    @Test func aRevokedTokenIsRenewedOnceAndAWrongSecretNeverShowsTheSecret() async throws {
        let h = try await SyncHarness.start(deliveries: 20)
        let engine = h.engine()
        #expect(await engine.round().failure == nil)
        h.org.revokeAccessTokens()
        h.org.changeDeliveries(count: 3)
        h.org.clearRequests()
        #expect(await engine.round().failure == nil)
        let tokenRequests = h.org.requests.filter { $0.path.hasSuffix("/oauth2/v2.0/token") }
        #expect(tokenRequests.count == 1)
        #expect(h.org.requests.filter { $0.status == 401 }.count == 1)
        #expect(try h.matchesImport())

        let wrong = "wrong-secret-0123456789"
        let refused = await h.engine(tokens: h.clientCredentials(secret: wrong)).round()
        let message = try #require(refused.failure)
        #expect(message.contains("invalid_client"))
        #expect(!message.contains(wrong))
        await h.stop()
    }

    @Test func aTableWithoutChangeTrackingIsPolledByModifiedOnAndSaysDeletionsCannotBeSeen() async throws {
        let h = try await SyncHarness.start(deliveries: 100)
        h.org.setChangeTracking(StandInOrg.configurationsSet, false)
        let engine = h.engine()
        let first = await engine.round()
        #expect(first.failure == nil)
        #expect(first.tables.first { $0.table == .configurations }?.deletionsInvisible == true)
        guard case .polling? = try h.store.syncCursor(for: .configurations) else {
            Issue.record("configurations should be polled")
            return
        }
        h.org.renameConfiguration(0, to: "Polled rename")
        h.org.clearRequests()
        #expect(await engine.round().failure == nil)
        let polls = h.dataRequests(StandInOrg.configurationsSet)
        #expect(polls.count == 1)
        #expect(polls.first?.value("$filter")?.hasPrefix("modifiedon ge ") == true)
        #expect(try SyncHarness.snapshot(h.store).contains("Polled rename"))
        #expect(try h.store.syncStatus()?.deletionsVisible[.configurations] == false)
        await h.stop()
    }
}
