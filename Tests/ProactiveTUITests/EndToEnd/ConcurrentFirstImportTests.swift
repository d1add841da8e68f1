import Foundation
import Testing

/// Issue 10, item 4: imports started together into a store that does not exist yet all succeed, and the store then
/// holds every delivery. Ten rounds of eight processes: with the version before the lock file, 5 rounds in 30 had a
/// failure ("table meta already exists", a UNIQUE failure in grdb_migrations, "no such index").
@Suite("End to end: concurrent first imports")
struct EndToEndConcurrentFirstImportTests {
    @Test("eight import processes started together into a missing store all exit 0",
          .enabled(if: EndToEnd.executable != nil, "proactive-tui is not built next to the test runner"),
          .timeLimit(.minutes(2)))
    func concurrentFirstImports() async throws {
        let exe = try #require(EndToEnd.executable).path
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ptui-e2e-first-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try (0..<8).map { n -> String in
            let url = folder.appendingPathComponent("part\(n).csv")
            let rows = (0..<25).map { "p\(n)-\($0),2026-11-1\($0 % 9)T08:00:00Z,Pending\n" }.joined()
            try Data(("msdyn_delivery_id,createdon,msdyn_status\n" + rows).utf8).write(to: url)
            return url.path
        }
        for round in 0..<10 {
            let db = folder.appendingPathComponent("round\(round)/store.sqlite").path
            let results = try await withThrowingTaskGroup(of: ProcessResult.self) { group in
                for file in files { group.addTask { try await runProcess(exe, ["import", "--db", db, file]) } }
                return try await group.reduce(into: [ProcessResult]()) { $0.append($1) }
            }
            for result in results {
                #expect(result.status == 0, "round \(round): exit \(result.status): \(result.stderr)")
            }
            let snapshot = try await runProcess(exe, ["snapshot", "--db", db, "--format", "json", "--all-dates", "--direction", "all"])
            #expect(snapshot.status == 0, "\(snapshot.stderr)")
            let totals = try? JSONDecoder().decode(Snapshot.self, from: Data(snapshot.stdout.utf8)).totals
            #expect(totals?.deliveries == 200, "round \(round): \(snapshot.stdout.prefix(300))")
        }
    }
}
