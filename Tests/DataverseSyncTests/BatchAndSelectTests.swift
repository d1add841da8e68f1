import DataverseStandIn
import Foundation
import Testing
@testable import DataverseSync

/// Reading conversations by id: the `In` query function, `$select`, and `$batch` (the client's codec and the
/// stand-in's answers, over loopback).
@Suite(.serialized) struct BatchAndSelectTests {
    @Test func theConversationsURLOfGUIDsIsTheOneURLComponentsWrites() throws {
        let root = "https://contoso.crm.dynamics.com/api/data/v9.2/"
        let ids = ["0a1b2c3d-4e5f-6789-abcd-ef0123456789", "11111111-2222-3333-4444-555555555555", "FFFFFFFF-2222-3333-4444-555555555555"]
        let fast = try #require(WebAPITable.conversationsURL(root: root, ids: ids))
        let values = "[" + ids.map { "'\($0)'" }.joined(separator: ",") + "]"
        let slow = try #require(WebAPITable.url(root: root, .conversations, extra: [
            ("$filter", "Microsoft.Dynamics.CRM.In(PropertyName=@p1,PropertyValues=@p2)"), ("@p1", "'msdyn_ocliveworkitemid'"), ("@p2", values),
        ]))
        #expect(fast.absoluteString == slow.absoluteString)
        let items = try #require(URLComponents(url: fast, resolvingAgainstBaseURL: false)?.queryItems)
        #expect(items.first { $0.name == "@p2" }?.value == values)
        // Not GUIDs: the general way.
        #expect(WebAPITable.conversationsURL(root: root, ids: ["a b", "c+d"]) != nil)
    }

    @Test func theStandInHonoursSelectAndRefusesAColumnTheTableDoesNotHave() async throws {
        let h = try await SyncHarness.start(deliveries: 40)
        let client = h.engine().client
        let root = client.apiRoot
        let url = try #require(URL(string: root + "queues?$select=name"))
        let reply = try await client.get(url, prefer: [])
        let rows = try #require((try JSONSerialization.jsonObject(with: reply.body) as? [String: Any])?["value"] as? [[String: Any]])
        #expect(rows.count == 8)
        // The key and the annotations stay; modifiedon (not selected) goes.
        #expect(rows.allSatisfy { Set($0.keys) == ["name", "queueid"] })
        let bad = try #require(URL(string: root + "queues?$select=name,msdyn_nosuchcolumn"))
        await #expect(throws: SyncFailure.self) { _ = try await client.get(bad, prefer: []) }
        await h.stop()
    }

    @Test func theInFunctionFindsConversationsByIdAndABatchAnswersEachGETInOrder() async throws {
        let h = try await SyncHarness.start(deliveries: 200)
        let client = h.engine().client
        let all = try #require((try JSONSerialization.jsonObject(with: h.org.export(StandInOrg.conversationsSet)) as? [String: Any])?["value"] as? [[String: Any]])
        let ids = all.compactMap { $0["msdyn_ocliveworkitemid"] as? String }
        #expect(ids.count > 30)
        let first = Array(ids[0..<10]), second = Array(ids[10..<25]) + ["00000000-0000-0000-0000-000000000000"]
        let urls = try [first, second].map { try #require(WebAPITable.conversationsURL(root: client.apiRoot, ids: $0)) }
        let replies = try await client.batchGet(urls, prefer: ["odata.maxpagesize=5000"])
        #expect(replies.count == 2)
        func returned(_ reply: HTTPReply) throws -> Set<String> {
            let rows = (try JSONSerialization.jsonObject(with: reply.body) as? [String: Any])?["value"] as? [[String: Any]] ?? []
            return Set(rows.compactMap { ($0[WebAPITable.conversationKey] as? String)?.lowercased() })
        }
        #expect(try returned(replies[0]) == Set(first.map { $0.lowercased() }))
        #expect(try returned(replies[1]) == Set(second.dropLast().map { $0.lowercased() }), "an unknown id is not returned")
        let logged = h.dataRequests(StandInOrg.conversationsSet)
        #expect(logged.count == 2 && logged.allSatisfy(\.inBatch))
        #expect(logged.allSatisfy { $0.value("$select") == WebAPITable.select(.conversations) })
        await h.stop()
    }

    @Test func aThrottledBatchWaitsRetryAfterAndAFailedPartFailsLikeItsGET() async throws {
        let h = try await SyncHarness.start(deliveries: 60)
        let client = h.engine().client
        let url = try #require(WebAPITable.conversationsURL(root: client.apiRoot, ids: ["00000000-0000-0000-0000-000000000001"]))
        h.org.enqueue(.throttle(retryAfter: 3), entitySet: StandInOrg.conversationsSet)
        let replies = try await client.batchGet([url, url], prefer: [])
        #expect(replies.count == 2)
        #expect(h.clock.sleeps == [3])
        h.org.enqueue(.serverError, entitySet: StandInOrg.conversationsSet)
        // The first part fails with 500: the error names its status and the GET, not the batch.
        do {
            _ = try await client.batchGet([url, url], prefer: [])
            Issue.record("a failed part was accepted")
        } catch let failure as SyncFailure {
            #expect(failure.description.hasPrefix("500 Internal Server Error"))
            #expect(failure.description.contains("(GET "))
        }
        await h.stop()
    }

    @Test func theBatchCodecReadsAnswersWithCRLFOrLFAndRefusesOneWithoutABoundary() throws {
        let body = "--b1\r\nContent-Type: application/http\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{\"value\":[]}\r\n"
            + "--b1\nContent-Type: application/http\n\nHTTP/1.1 404 Not Found\nOData-Version: 4.0\n\n{\"error\":{}}\n--b1--\n"
        let parts = try ODataBatch.parse(Array(body.utf8), contentType: "multipart/mixed; boundary=\"b1\"")
        #expect(parts.map(\.status) == [200, 404])
        #expect(String(decoding: parts[0].body, as: UTF8.self) == "{\"value\":[]}")
        #expect(parts[1].headers["odata-version"] == "4.0")
        #expect(throws: ODataBatch.ParseError.self) { try ODataBatch.parse(Array(body.utf8), contentType: "application/json") }
        let request = String(decoding: ODataBatch.body(gets: [URL(string: "https://o.example/api/data/v9.2/queues?$select=name")!],
                                                      headers: [("Prefer", "odata.maxpagesize=10")], boundary: "batch_x"), as: UTF8.self)
        #expect(request.contains("\r\nGET https://o.example/api/data/v9.2/queues?$select=name HTTP/1.1\r\nPrefer: odata.maxpagesize=10\r\n"))
        #expect(request.hasSuffix("--batch_x--\r\n"))
    }
}
