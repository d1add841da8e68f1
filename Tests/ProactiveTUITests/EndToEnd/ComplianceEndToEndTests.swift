import Foundation
import Testing

/// The real binary on the sample store: `snapshot --format json` carries `compliance` for both rules and
/// `previous` for a bounded range only; the text snapshot labels the two abandoned rates apart.
@Suite("End to end: compliance and the previous period")
struct ComplianceEndToEndTests {
    @Test(.enabled(if: EndToEnd.executable != nil && EndToEnd.samples != nil), .timeLimit(.minutes(2)))
    func snapshotCarriesComplianceAndPrevious() async throws {
        let store = try await EndToEndStore.make()
        defer { store.remove() }
        func json(_ arguments: [String]) async throws -> [String: Any] {
            let result = try await store.run(["snapshot", "--format", "json", "--tz", "UTC"] + arguments)
            #expect(result.status == 0, "\(result.stderr)")
            return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        }
        let all = try await json(["--all-dates"])
        #expect(all["previous"] == nil)
        #expect((all["compliance"] as? [String: Any])?["rule"] as? String == "us-30d")
        // The samples' deliveries lie in 2026-11-07 .. 11-20: a window ending 11-30 holds them all.
        let november = try await json(["--from", "2026-11-01", "--to", "2026-11-30"])
        let compliance = try #require(november["compliance"] as? [String: Any])
        #expect(compliance["from"] as? String == "2026-11-01" && compliance["to"] as? String == "2026-11-30")
        #expect(compliance["limit"] as? Double == 0.03)
        let rows = try #require(compliance["byConfiguration"] as? [[String: Any]])
        #expect(rows.count == 12)
        #expect(rows.first?["name"] as? String == "Délai de paiement (FR)")
        #expect(rows.first?["liveAnswered"] as? Int == 4 && rows.first?["abandoned"] as? Int == 1)
        #expect(rows.first?["rate"] as? Double == 0.25)
        for row in rows {
            let live = try #require(row["liveAnswered"] as? Int), abandoned = try #require(row["abandoned"] as? Int)
            #expect(abandoned <= live)
            #expect(row["rate"] is NSNull ? live == 0 : live > 0)
            #expect(row["abandonsToLimit"] is Int)
        }

        let uk = try await json(["--from", "2026-01-01", "--to", "2026-12-31", "--abandon-rule", "uk-24h"])
        let ukCompliance = try #require(uk["compliance"] as? [String: Any])
        #expect(ukCompliance["rule"] as? String == "uk-24h")
        #expect(ukCompliance["from"] as? String == "2026-12-31" && ukCompliance["to"] as? String == "2026-12-31")
        let previous = try #require(uk["previous"] as? [String: Any])
        #expect(previous["from"] as? String == "2025-01-01" && previous["to"] as? String == "2025-12-31")
        #expect((previous["totals"] as? [String: Any])?["deliveries"] is Int)
        #expect(previous["deliveriesByStatus"] is [String: Any])

        let text = try await store.run(["snapshot", "--format", "text", "--tz", "UTC", "--all-dates", "--width", "200", "--height", "60"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("Abandoned/attempted"))
        #expect(text.stdout.contains("Abandoned/live 30d"))
    }
}
