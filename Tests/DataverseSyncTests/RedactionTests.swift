import Foundation
import Testing
@testable import DataverseSync

@Suite struct RedactionTests {
    @Test func urlsLoseTokensAndCookies() {
        let url = URL(string: "https://u:p@org.crm.dynamics.com/api/data/v9.2/msdyn_proactive_deliveries?$deltatoken=919042%2108%2f22%2f2017&$select=a&$skiptoken=%3Ccookie%20pagenumber=%222%22/%3E&access_token=abc")!
        let shown = Redaction.url(url)
        #expect(shown.contains("$deltatoken=***"))
        #expect(shown.contains("$skiptoken=***"))
        #expect(shown.contains("access_token=***"))
        #expect(shown.contains("$select=a"))
        #expect(!shown.contains("919042"))
        #expect(!shown.contains("cookie"))
        #expect(!shown.contains("u:p@"))
    }

    @Test func messagesLoseBearerTokensJWTsAndSecrets() {
        let jwt = "eyJhbGciOiJSUzI1NiJ9.eyJleHAiOjE3MDAwMDAwMDB9.c2lnbmF0dXJl"
        let text = "Authorization: Bearer abc.def-123 then \(jwt) and {\"access_token\":\"zzz999\"} and s3cr3t-value"
        let shown = Redaction.message(text, secrets: ["s3cr3t-value"])
        #expect(!shown.contains("abc.def-123"))
        #expect(!shown.contains(jwt))
        #expect(!shown.contains("zzz999"))
        #expect(!shown.contains("s3cr3t-value"))
        #expect(shown.contains("Bearer"))
    }

    @Test func aFailureLineNeverHoldsTheTokensOfItsURL() {
        let failure = SyncFailure.http(status: 401, detail: nil,
                                       url: Redaction.url(URL(string: "https://org/api/data/v9.2/x?$deltatoken=SECRETSTATE")!))
        #expect(failure.description == "401 Unauthorized (GET https://org/api/data/v9.2/x?$deltatoken=***)")
    }
}
