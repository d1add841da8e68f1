import Foundation
import Testing
@testable import DataverseSync

@Suite struct RetryPolicyTests {
    let policy = RetryPolicy(maxAttempts: 4, baseDelay: 1, maxDelay: 8)
    let now = Date(timeIntervalSince1970: 1_700_000_000)

    @Test func throttlingWaitsExactlyRetryAfterInSecondsOrAsADate() {
        #expect(policy.decide(status: 429, retryAfter: "2", attempt: 1, now: now, random: 0) == .retry(after: 2))
        #expect(policy.decide(status: 503, retryAfter: "17", attempt: 1, now: now, random: 0.9) == .retry(after: 17))
        let date = HTTPDate.format(now.addingTimeInterval(30))
        #expect(policy.decide(status: 429, retryAfter: date, attempt: 2, now: now, random: 0) == .retry(after: 30))
        // Never less than the header says, and past the ceiling the round ends.
        #expect(policy.decide(status: 429, retryAfter: "1.2", attempt: 1, now: now, random: 0) == .retry(after: 2))
        #expect(RetryPolicy(maxRetryAfter: 60).decide(status: 429, retryAfter: "61", attempt: 1, now: now, random: 0) == .giveUp)
    }

    @Test func otherServerErrorsBackOffExponentiallyWithBoundedJitter() {
        for attempt in 1...3 {
            let ceiling = min(8, pow(2, Double(attempt - 1)))
            #expect(policy.decide(status: 500, retryAfter: nil, attempt: attempt, now: now, random: 0) == .retry(after: ceiling / 2))
            #expect(policy.decide(status: 502, retryAfter: nil, attempt: attempt, now: now, random: 1) == .retry(after: ceiling))
        }
        #expect(RetryPolicy(maxAttempts: 20, baseDelay: 1, maxDelay: 8).backoff(attempt: 12, random: 1) == 8)
        #expect(policy.decide(status: 500, retryAfter: nil, attempt: 4, now: now, random: 0) == .giveUp)
        #expect(policy.decide(status: 404, retryAfter: nil, attempt: 1, now: now, random: 0) == .giveUp)
        #expect(policy.decide(status: 400, retryAfter: "5", attempt: 1, now: now, random: 0) == .giveUp)
    }

    @Test func timeoutsAreRetriedButDNSAndTLSFailuresEndTheRound() {
        #expect(policy.decide(failure: .timedOut, attempt: 1, random: 0) == .retry(after: 0.5))
        #expect(policy.decide(failure: .cannotConnect("refused"), attempt: 2, random: 1) == .retry(after: 2))
        #expect(policy.decide(failure: .nameNotResolved, attempt: 1, random: 0) == .giveUp)
        #expect(policy.decide(failure: .secureConnection("x"), attempt: 1, random: 0) == .giveUp)
    }
}

@Suite struct HTTPDateTests {
    @Test func imfFixdatesAreReadAndAnythingElseIsNot() {
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT") == Date(timeIntervalSince1970: 784_111_777))
        #expect(HTTPDate.parse("Thu, 29 Feb 2024 23:59:59 GMT") == Date(timeIntervalSince1970: 1_709_251_199))
        #expect(HTTPDate.parse("Thu, 01 Jan 1970 00:00:00 GMT") == Date(timeIntervalSince1970: 0))
        for date in [Date(timeIntervalSince1970: 1_700_000_000), Date(timeIntervalSince1970: 4_102_444_799)] {
            #expect(HTTPDate.parse(HTTPDate.format(date)) == date)
        }
        for bad in ["", "Sun, 06 Nov 1994 08:49:37 UTC", "Sun, 6 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT",
                    "Sun Nov  6 08:49:37 1994", "Fri, 30 Feb 2024 00:00:00 GMT", "Sun, 06 Nov 1994 24:00:00 GMT",
                    "Sun, 06 Nov 1994 08:60:00 GMT", "Xyz, 06 Nov 1994 08:49:37 GMT", "Sun, 06 Nox 1994 08:49:37 GMT",
                    "Sun, 0a Nov 1994 08:49:37 GMT", "Sun, 00 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 08:49:37 GMT "] {
            #expect(HTTPDate.parse(bad) == nil, "\(bad)")
        }
    }
}

@Suite struct RateLimiterTests {
    @Test func theCeilingSpacesRequestsAtItsRate() async throws {
        let clock = RecordingClock()
        let limiter = RequestRateLimiter(requestsPerMinute: 60, clock: clock)
        for _ in 0..<4 { try await limiter.acquire() }
        // One token at the start, then one a second: three waits of (about) a second each.
        let waits = clock.sleeps
        #expect(waits.count == 3)
        #expect(waits.allSatisfy { $0 > 0.9 && $0 <= 1.0 })
    }
}

@Suite struct RoundConversationsTests {
    @Test func guidsAreReadInEitherCaseAndAnythingElseIsRefused() {
        #expect(RoundConversations().claim(["0A1B2C3D-4E5F-6789-ABCD-EF0123456789"]) == ["0a1b2c3d-4e5f-6789-abcd-ef0123456789"])
        #expect(RoundConversations().claim(["0a1b2c3d-4e5f-6789-abcd-ef012345678a"]) == ["0a1b2c3d-4e5f-6789-abcd-ef012345678a"])
        for bad in ["", "c1", "0a1b2c3d4e5f6789abcdef0123456789", "0a1b2c3d-4e5f-6789-abcd-ef01234567890",
                    "0a1b2c3d-4e5f-6789-abcd-ef012345678", "{0a1b2c3d-4e5f-6789-abcd-ef0123456789}",
                    "0a1b2c3d-4e5f-6789-abcd_ef0123456789", "0a1b2c3g-4e5f-6789-abcd-ef0123456789",
                    "0a1b2c3d-4e5f-6789-abcd-ef012345678\u{e9}", "0A1B2C3D-4E5F-6789-ABCD-EF012345678Z"] {
            #expect(RoundConversations().claim([bad]).isEmpty, "\(bad)")
        }
    }

    @Test func anIdIsClaimedOnceARoundInEitherCaseAndComesBackLowerCased() {
        let round = RoundConversations()
        let a = "0A1B2C3D-4E5F-6789-ABCD-EF0123456789", b = "11111111-2222-3333-4444-555555555555"
        #expect(round.claim([a, "not-a-guid", b, a.lowercased()]) == [a.lowercased(), b])
        #expect(round.claim([b, a]).isEmpty)
        #expect(round.wasAsked(a.lowercased()) && !round.wasAsked("22222222-2222-3333-4444-555555555555"))
    }
}

@Suite struct CommitPatienceTests {
    @Test func aYoungTransactionWaitsLongerForItsNextPageTheDearerTheLastCommitWas() {
        var patience = CommitPatience()
        // Nothing measured yet (or a small store's commits of milliseconds): the pause, as before.
        #expect(patience.wait(age: 0, pause: 0.05, maxSeconds: 8) == 0.05)
        patience.ended(seconds: 0.002)
        #expect(patience.wait(age: 0.001, pause: 0.05, maxSeconds: 8) == 0.05)
        // A commit of 0.7 s (a million deliveries): a transaction waits until it is 2.8 s old, then the pause.
        patience.ended(seconds: 0.7)
        #expect(abs(patience.wait(age: 0.3, pause: 0.05, maxSeconds: 8) - 2.5) < 1e-9)
        #expect(patience.wait(age: 2.79, pause: 0.05, maxSeconds: 8) == 0.05)
        #expect(patience.wait(age: 5, pause: 0.05, maxSeconds: 8) == 0.05)
        // Never beyond the policy's longest transaction.
        patience.ended(seconds: 10)
        #expect(patience.wait(age: 1, pause: 0.05, maxSeconds: 8) == 7)
        patience.ended(seconds: -1)
        #expect(patience.lastEndSeconds == 0)
    }
}

@Suite struct EndpointPolicyTests {
    @Test func httpsAnywhereAndHTTPOnlyToLoopback() throws {
        #expect(try EndpointPolicy.serviceURL("https://contoso.crm.dynamics.com/", flag: "--org").absoluteString == "https://contoso.crm.dynamics.com")
        #expect(throws: EndpointPolicy.Refusal.self) { try EndpointPolicy.serviceURL("http://contoso.crm.dynamics.com", flag: "--org") }
        for loopback in ["http://127.0.0.1:8080", "http://127.3.4.5", "http://localhost:9", "http://[::1]:80"] {
            #expect(throws: Never.self) { try EndpointPolicy.serviceURL(loopback, flag: "--org") }
        }
        for refused in ["http://128.0.0.1", "http://127.0.0.1.evil.com", "ftp://127.0.0.1", "https://user:pw@contoso.crm.dynamics.com",
                        "https://contoso.crm.dynamics.com?x=1", "contoso.crm.dynamics.com", "http://1270.0.0.1"] {
            #expect(throws: EndpointPolicy.Refusal.self) { try EndpointPolicy.serviceURL(refused, flag: "--org") }
        }
        let refusal = try? EndpointPolicy.serviceURL("http://example.com", flag: "--org")
        #expect(refusal == nil)
    }

    @Test func theOrganizationIsTheOriginOfTheURLGivenAndWhatWasLeftOutIsNamed() throws {
        let plain = try EndpointPolicy.organizationURL("https://contoso.crm.dynamics.com/")
        #expect(plain.url.absoluteString == "https://contoso.crm.dynamics.com" && plain.dropped == nil)
        let api = try EndpointPolicy.organizationURL("https://Contoso.crm.dynamics.com/api/data/v9.2/")
        #expect(api.url.absoluteString == "https://contoso.crm.dynamics.com" && api.dropped == "/api/data/v9.2")
        let browser = try EndpointPolicy.organizationURL("https://contoso.crm4.dynamics.com/main.aspx?appid=1&pagetype=entitylist")
        #expect(browser.url.absoluteString == "https://contoso.crm4.dynamics.com" && browser.dropped == "/main.aspx?…")
        #expect(try EndpointPolicy.organizationURL("http://127.0.0.1:8080/x").url.absoluteString == "http://127.0.0.1:8080")
        for refused in ["http://contoso.crm.dynamics.com/", "https://user:pw@contoso.crm.dynamics.com/api", "contoso.crm.dynamics.com"] {
            #expect(throws: EndpointPolicy.Refusal.self) { try EndpointPolicy.organizationURL(refused) }
        }
    }

    @Test func linksAreFollowedOnlyToTheOrganizationsOwnOrigin() {
        let org = URL(string: "https://contoso.crm.dynamics.com")!
        #expect(EndpointPolicy.sameOrigin(URL(string: "https://contoso.crm.dynamics.com/api/data/v9.2/x?$skiptoken=1")!, as: org))
        #expect(EndpointPolicy.sameOrigin(URL(string: "https://CONTOSO.crm.dynamics.com:443/api")!, as: org))
        #expect(!EndpointPolicy.sameOrigin(URL(string: "https://evil.example/api/data/v9.2/x")!, as: org))
        #expect(!EndpointPolicy.sameOrigin(URL(string: "http://contoso.crm.dynamics.com/api")!, as: org))
        #expect(!EndpointPolicy.sameOrigin(URL(string: "https://contoso.crm.dynamics.com:8443/api")!, as: org))
    }
}

@Suite struct PageLinkTests {
    @Test func topLevelLinksAndCountAreFoundAndRowTextCannotPoseAsOne() throws {
        let page = #"{"@odata.context":"x","@odata.count":3,"value":[{"name":"\"@odata.nextLink\":\"https://evil\"","n":{"@odata.nextLink":"https://nested"}}],"@odata.nextLink":"https://org/api/data/v9.2/q?$skiptoken=%3Ccookie%2F%3E"}"#
        let links = try ODataPageLinks.parse(Array(page.utf8))
        #expect(links.nextLink == "https://org/api/data/v9.2/q?$skiptoken=%3Ccookie%2F%3E")
        #expect(links.deltaLink == nil)
        #expect(links.count == 3)
        let last = try ODataPageLinks.parse(Array(#"{"value":[],"@odata.deltaLink":"https:\/\/org\/x?$deltatoken=1%212"}"#.utf8))
        #expect(last.deltaLink == "https://org/x?$deltatoken=1%212")
    }

    @Test func aColumnIsCollectedFromTheRowsTopLevelOnly() throws {
        let page = #"{"@odata.context":"x","msdyn_conversation_id":"top","value":[{"a":1,"msdyn_conversation_id":"c1"},{"msdyn_conversation_id" : "c2","n":{"msdyn_conversation_id":"nested"}},{"msdyn_conversation_id":null,"b":"c3"},{"t":"\"msdyn_conversation_id\":\"inside\"","msdyn_conversation_id":"c4"},{"msdyn_conversation_id":"esc\u0061ped"},{"x":["msdyn_conversation_id","arr"]}],"@odata.nextLink":"https://o/n"}"#
        let links = try ODataPageLinks.parse(Array(page.utf8), collecting: "msdyn_conversation_id")
        #expect(links.collected == ["c1", "c2", "c4"])
        #expect(links.nextLink == "https://o/n")
        #expect(try ODataPageLinks.parse(Array(page.utf8)).collected.isEmpty)
    }

    @Test func escapesAnywhereInLongTextAndPagesCutInsideAStringAreReadRight() throws {
        // The scan crosses strings 8 bytes a step: an escaped quote or backslash at every offset of a word, and a
        // control byte, must neither end the string early nor hide the column that follows.
        for offset in 0..<17 {
            let text = String(repeating: "x", count: offset) + #"\"\\ "# + String(repeating: "y", count: 20 - offset)
            let page = #"{"value":[{"t":""# + text + "\u{1}" + #"","id":"c\#(offset)"}],"@odata.nextLink":"https://o/n"}"#
            let links = try ODataPageLinks.parse(Array(page.utf8), collecting: "id")
            #expect(links.collected == ["c\(offset)"], "offset \(offset)")
            #expect(links.nextLink == "https://o/n")
        }
        for cut in [#"{"value":[{"t":"abcdefghijklmnopqrstuvwxyz"#, #"{"value":[{"t":"abc\"#, #"{"value":[{"t":"abcdefgh\"#,
                    #"{"value":[{"t":"a"},"#] {
            #expect(throws: ODataPageLinks.ParseError.truncated) { try ODataPageLinks.parse(Array(cut.utf8), collecting: "t") }
        }
    }

    @Test func theTrailingNextLinkIsReadBackwardsOnlyWhenThePageEndsWithIt() throws {
        func trailing(_ text: String) -> String? { ODataPageLinks.trailingNextLink(Array(text.utf8)) }
        // As the Web API ends a page; escapes decoded as `parse` decodes them; spaces and a final newline allowed.
        #expect(trailing(#"{"value":[{"a":"b"}],"@odata.nextLink":"https:\/\/org\/q?$skiptoken=%3Cc%2F%3E"}"#) == "https://org/q?$skiptoken=%3Cc%2F%3E")
        #expect(trailing("{\"value\":[] ,  \"@odata.nextLink\" : \"https://o/n\" }\r\n") == "https://o/n")
        // A row whose text ends like a link is inside the array: the page's own end decides.
        let posing = #"{"value":[{"t":"],\"@odata.nextLink\":\"https://evil\"}"}],"@odata.deltaLink":"https://o/d"}"#
        #expect(trailing(posing) == nil)
        #expect(try ODataPageLinks.parse(Array(posing.utf8)).nextLink == nil)
        // A quote after an even run of backslashes ends the string; after an odd run it is text.
        #expect(trailing(#"{"value":[],"@odata.nextLink":"https://o/a\\"}"#) == #"https://o/a\"#)
        #expect(trailing(#"{"value":[],"@odata.nextLink":"https://o/\"x"}"#) == #"https://o/"x"#)
        // Not a page that ends with its next link: a last page, another member after the array, a link before it,
        // a truncated body, an HTML page. Then only the full read can tell.
        #expect(trailing(#"{"value":[],"@odata.deltaLink":"https://o/d"}"#) == nil)
        #expect(trailing(#"{"value":[]}"#) == nil)
        #expect(trailing(#"{"value":[],"@odata.count":2,"@odata.nextLink":"https://o/n"}"#) == nil)
        #expect(trailing(#"{"@odata.nextLink":"https://o/n","value":[]}"#) == nil)
        #expect(trailing(#"{"value":[{"a":1}],"@odata.nextLink":"https://o/n"#) == nil)
        #expect(trailing("<html><body>502 Bad Gateway</body></html>") == nil)
        #expect(trailing("") == nil && trailing("}") == nil && trailing(#""}"#) == nil)
    }

    @Test func htmlTruncatedAndValuelessBodiesAreRefused() {
        #expect(throws: ODataPageLinks.ParseError.self) { try ODataPageLinks.parse(Array("<html><body>502</body></html>".utf8)) }
        #expect(throws: ODataPageLinks.ParseError.self) { try ODataPageLinks.parse(Array(#"{"value":[{"a":1}"#.utf8)) }
        #expect(throws: ODataPageLinks.ParseError.self) { try ODataPageLinks.parse(Array(#"{"error":{"code":"x"}}"#.utf8)) }
        #expect(throws: ODataPageLinks.ParseError.self) { try ODataPageLinks.parse([]) }
    }

    @Test func webAPIErrorsAreOneLineAndDeltaRefusalsAreRecognised() {
        let expired = WebAPIError(body: Data(#"{"error":{"code":"0x80044352","message":"Version stamp associated with the client has expired.\nPlease perform a full sync."}}"#.utf8))
        #expect(WebAPIError.isDeltaRefusal(status: 400, error: expired))
        #expect(!(expired.detail ?? "").contains("\n"))
        #expect(WebAPIError.isDeltaRefusal(status: 410, error: WebAPIError(body: Data())))
        // The error code decides, whatever the status the service wraps it in; another status without it does not.
        let coded = WebAPIError(body: Data(#"{"error":{"code":"0x80044352","message":"Version stamp associated with the client has expired. Please perform a full sync."}}"#.utf8))
        #expect(WebAPIError.isDeltaRefusal(status: 500, error: coded))
        #expect(WebAPIError.isDeltaRefusal(status: 403, error: coded))
        #expect(!WebAPIError.isDeltaRefusal(status: 200, error: coded))
        #expect(!WebAPIError.isDeltaRefusal(status: 500, error: WebAPIError(body: Data(#"{"error":{"code":"0x80040216","message":"full sync"}}"#.utf8))))
        let other = WebAPIError(body: Data(#"{"error":{"code":"0x80060888","message":"Resource not found"}}"#.utf8))
        #expect(!WebAPIError.isDeltaRefusal(status: 400, error: other))
        #expect(WebAPIError(body: Data("<!DOCTYPE html><html>".utf8)).isHTML)
    }
}
