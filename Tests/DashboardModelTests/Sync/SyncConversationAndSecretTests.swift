import Foundation
import Testing
@testable import DashboardModel

@Suite struct SyncWantedConversationTests {
    static let now = MX.instant(MX.defaultNow)

    static func delivery(_ k: Int, conversation: String?) -> [String: Any] {
        SyncPages.delivery(row: SyncPages.guid(k, prefix: 0xa0), id: "dlv-\(k)", created: "2026-11-05T10:00:00Z",
                           status: "Complete", result: "CallEnded", conversation: conversation)
    }

    @Test func syncedDeliveriesWantTheConversationsTheStoreHasNotRead() throws {
        let s = try MXStore()
        let known = "cc000000-0000-4000-8000-000000000001"
        try s.write(conversations: [Conversation(id: known, isOutbound: false)])
        // Deliveries imported from a file want nothing: only the sync fetches conversations.
        try s.write(deliveries: [MX.d("file-1", "2026-11-05T10:00:00Z", conversation: "cc000000-0000-4000-8000-0000000000ff")])
        #expect(try s.store.wantedConversationIds(limit: 10).isEmpty)
        let page = SyncPages.page(.deliveries, [
            Self.delivery(1, conversation: known), Self.delivery(2, conversation: "cc000000-0000-4000-8000-000000000002"),
            Self.delivery(3, conversation: "{CC000000-0000-4000-8000-000000000003}"),
            Self.delivery(4, conversation: "cc000000-0000-4000-8000-000000000002"), Self.delivery(5, conversation: nil),
        ])
        try s.store.applySyncPage(page, table: .deliveries, source: "p1", cursor: nil, now: Self.now)
        let wanted = try s.store.wantedConversationIds(limit: 10)
        #expect(Set(wanted) == ["cc000000-0000-4000-8000-000000000002", "cc000000-0000-4000-8000-000000000003"])
        #expect(try s.store.wantedConversationIds(limit: 1).count == 1)
        let outgoing = MX.filters(.all, tz: "UTC", [.direction: ["Outgoing"]])
        #expect(try s.compute(outgoing).totalDeliveries == 5)  // all but dlv-1 (incoming): no direction yet passes

        // The client fetches them by id: the service returns one; its deliveries take its direction.
        let answer = SyncPages.page(.conversations, [[
            "msdyn_ocliveworkitemid": "cc000000-0000-4000-8000-000000000002", "msdyn_isoutbound": false,
        ]])
        let outcome = try s.store.applySyncPage(answer, table: .conversations, source: "conversations by id", cursor: nil, now: Self.now)
        #expect(outcome.summary.conversations.inserted == 1 && outcome.summary.relinkedDeliveries == 2)
        #expect(try s.store.wantedConversationIds(limit: 10) == ["cc000000-0000-4000-8000-000000000003"])
        #expect(try s.compute(outgoing).totalDeliveries == 3)
        // The id the service did not return is dropped.
        try s.store.forgetWantedConversations(["CC000000-0000-4000-8000-000000000003"])
        #expect(try s.store.wantedConversationIds(limit: 10).isEmpty)
        #expect(try s.store.syncCursor(for: .conversations) == nil)
    }

    @Test func aConversationReadInTheSamePageAfterItsDeliveryIsNotWanted() throws {
        let s = try MXStore()
        let page = SyncPages.page(.deliveries, [
            Self.delivery(1, conversation: "cc000000-0000-4000-8000-000000000007"),
            ["msdyn_ocliveworkitemid": "cc000000-0000-4000-8000-000000000007", "msdyn_isoutbound": true],
        ])
        try s.store.applySyncPage(page, table: .deliveries, source: "p1", cursor: nil, now: Self.now)
        #expect(try s.store.wantedConversationIds(limit: 10).isEmpty)
        #expect(try s.compute(MX.filters(.all, tz: "UTC", [.direction: ["Incoming"]])).totalDeliveries == 0)
        #expect(try s.compute(MX.filters(.all, tz: "UTC", [.direction: ["Outgoing"]])).totalDeliveries == 1)
    }
}

@Suite struct SyncSecretTests {
    static let now = MX.instant(MX.defaultNow)
    static let base = "https://contoso.crm.dynamics.com/api/data/v9.2/msdyn_proactive_deliveries"

    @Test func changeTrackingAndPagingTokensMayBeStoredCredentialsMayNot() {
        #expect(SyncSecrets.credentialProblem(inLink: Self.base + "?$deltatoken=919042%2108%2f22%2f2026%2008%3a10%3a44") == nil)
        #expect(SyncSecrets.credentialProblem(inLink: Self.base + "?$skiptoken=%3Ccookie%20pagenumber=%222%22%20/%3E") == nil)
        #expect(SyncSecrets.credentialProblem(inLink: Self.base + "?$select=msdyn_status&$filter=statecode%20eq%200") == nil)
        for bad in [Self.base + "?$deltatoken=1&access_token=abc", Self.base + "?code=0.AXkA", Self.base + "?Client_Secret=x",
                    Self.base + "?%61ccess_token=abc", "https://me:pw@contoso.crm.dynamics.com/api/data/v9.2/queues",
                    Self.base + "?$skiptoken=eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2ln", "Bearer abc.def"] {
            #expect(SyncSecrets.credentialProblem(inLink: bad) != nil, "\(bad)")
        }
    }

    @Test func theRedactionRuleIsBuiltWhole() {
        #expect(SyncSecrets.ruleIsComplete)
        #expect(SyncSecrets.redact("plain words") == "plain words")
    }

    @Test func messagesLoseAnythingThatLooksLikeACredential() {
        #expect(SyncSecrets.redact("401 Unauthorized: Authorization: Bearer abc.DEF-123") == "401 Unauthorized: Authorization: Bearer [redacted]")
        #expect(SyncSecrets.redact("token endpoint said {\"access_token\":\"xyz\",\"refresh_token\": \"r1\"}")
                == "token endpoint said {\"access_token\":\"[redacted]\",\"refresh_token\": \"[redacted]\"}")
        #expect(SyncSecrets.redact("GET https://h/p?$deltatoken=5&code=abc failed") == "GET https://h/p?$deltatoken=5&code=[redacted] failed")
        #expect(SyncSecrets.redact("client_secret=s3cr3t&grant_type=client_credentials")
                == "client_secret=[redacted]&grant_type=client_credentials")
        #expect(SyncSecrets.redact("jwt eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl here") == "jwt [redacted] here")
        #expect(SyncSecrets.redact("https://user:pw@host/x") == "https://[redacted]@host/x")
        #expect(SyncSecrets.redact("503 Service Unavailable from msdyn_proactive_deliveries") == "503 Service Unavailable from msdyn_proactive_deliveries")
    }

    @Test func aCursorWithACredentialIsRefusedAndNothingOfItReachesTheStore() throws {
        let s = try MXStore()
        let page = SyncPages.page(.deliveries, [SyncPages.delivery(row: SyncPages.guid(1), id: "d1", created: "2026-11-05T10:00:00Z")])
        let secret = "s3cr3tTOKENvalue"
        #expect(throws: StoreError.self) {
            try s.store.applySyncPage(page, table: .deliveries, source: Self.base + "?access_token=" + secret,
                                      cursor: .delta(deltaLink: Self.base + "?$deltatoken=1&access_token=" + secret), now: Self.now)
        }
        do {
            try s.store.applySyncPage(page, table: .deliveries, source: "p", cursor: .delta(deltaLink: Self.base + "?access_token=" + secret),
                                      now: Self.now)
        } catch {
            #expect(!"\(error)".contains(secret))
        }
        #expect(try s.store.syncCursor(for: .deliveries) == nil)
        #expect(try s.compute().totalDeliveries == 0)
        try s.store.recordSyncFailure(at: Self.now, message: "401 from " + Self.base + "?access_token=" + secret + " (Bearer " + secret + ")")
        try s.store.setSyncOrganization("https://x:" + secret + "@contoso.crm.dynamics.com/?token=" + secret)
        #expect(try s.store.syncStatus()?.lastError?.contains(secret) == false)
        // Not in any byte of the store's files either.
        for file in [s.store.path, s.store.path + "-wal"] where FileManager.default.fileExists(atPath: file) {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
            #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(file)")
        }
    }
}

/// The sample exports read by the sync and by `import` give the same dashboard (skipped without the samples).
@Suite struct SyncSampleTests {
    static let folder = ProcessInfo.processInfo.environment["PROACTIVE_SAMPLES"] ?? "/work/shared/samples"
    static var available: Bool { FileManager.default.fileExists(atPath: folder + "/msdyn_proactive_deliveries.json") }
    static let now = MX.instant("2026-11-29T12:00:00Z")

    static func entries(_ name: String) throws -> [[String: Any]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return try #require(object?["value"] as? [[String: Any]])
    }

    @Test(.enabled(if: available)) func syncingTheSamplesEqualsImportingThem() throws {
        let imported = try MXStore()
        for name in ["msdyn_proactive_engagement_configs.json", "queues.json", "msdyn_ocliveworkitems.json", "msdyn_proactive_deliveries.json"] {
            #expect(FileImporter.importFile(Self.folder + "/" + name, into: imported.store, now: Self.now).error == nil)
        }
        let synced = try MXStore()
        let started = Self.now
        try synced.store.applySyncPage(Array(try Data(contentsOf: URL(fileURLWithPath: Self.folder + "/msdyn_proactive_engagement_configs.json"))),
                                       table: .configurations, source: "configs", cursor: .delta(deltaLink: SyncPages.org + "c?$deltatoken=1"), now: Self.now)
        try synced.store.applySyncPage(Array(try Data(contentsOf: URL(fileURLWithPath: Self.folder + "/queues.json"))),
                                       table: .queues, source: "queues", cursor: .polling(since: started), now: Self.now)
        // The deliveries in three pages of a full read.
        let deliveries = try Self.entries("msdyn_proactive_deliveries.json")
        let pages = stride(from: 0, to: deliveries.count, by: 100).map { Array(deliveries[$0..<min($0 + 100, deliveries.count)]) }
        for (i, page) in pages.enumerated() {
            let last = i == pages.count - 1
            try synced.store.applySyncPage(SyncPages.page(.deliveries, page), table: .deliveries, source: "deliveries \(i + 1)",
                                           cursor: last ? .delta(deltaLink: SyncPages.org + "d?$deltatoken=1")
                                               : .fullRead(nextLink: SyncPages.org + "d?$skiptoken=\(i + 1)", startedAt: started),
                                           now: Self.now)
        }
        // The conversations the deliveries link to, fetched by id in batches of 50 as the client does.
        let conversations = try Self.entries("msdyn_ocliveworkitems.json")
        var asked = 0
        while true {
            let wanted = try synced.store.wantedConversationIds(limit: 50)
            if wanted.isEmpty { break }
            asked += wanted.count
            let answer = conversations.filter { wanted.contains(($0["msdyn_ocliveworkitemid"] as? String) ?? "") }
            try synced.store.applySyncPage(SyncPages.page(.conversations, answer), table: .conversations,
                                           source: "conversations by id", cursor: nil, now: Self.now)
            let returned = Set(answer.compactMap { $0["msdyn_ocliveworkitemid"] as? String })
            try synced.store.forgetWantedConversations(wanted.filter { !returned.contains($0) })
        }
        #expect(asked > 0)
        let filters = [DashboardFilters(range: .all, timeZone: "UTC"), DashboardFilters(range: .lastDays(30), timeZone: "America/New_York"),
                       MX.filters(.lastDays(7), tz: "Asia/Kathmandu"), MX.filters(.all, tz: "Europe/London", [.direction: ["Incoming"]])]
        for f in filters {
            let a = SnapshotJSON.value(of: try imported.compute(f, now: "2026-11-29T12:00:00Z")).serialized()
            let b = SnapshotJSON.value(of: try synced.compute(f, now: "2026-11-29T12:00:00Z")).serialized()
            #expect(a == b, "\(f.timeZone)")
        }
        #expect(try imported.compute().totalDeliveries == 300)
    }
}
