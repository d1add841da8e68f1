import Foundation
import Testing

@testable import DashboardModel

/// The commands on a store altered by hand: `store damaged: <what>` on standard error and exit code 1, never a trap.
@Suite("End to end: damaged store")
struct EndToEndDamagedStoreTests {
    @Test("snapshot (json and text) and import on a damaged store exit 1 with 'store damaged: ...'",
          .enabled(if: EndToEnd.executable != nil, "proactive-tui is not built next to the test runner"),
          .timeLimit(.minutes(1)))
    func damagedStoreExitsOne() async throws {
        let exe = try #require(EndToEnd.executable).path
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ptui-e2e-damaged-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("d.csv")
        try Data("msdyn_delivery_id,createdon,modifiedon,msdyn_status\nd1,2026-11-01T10:00:00Z,2026-11-01T11:00:00Z,Pending\n".utf8)
            .write(to: csv)
        // A newer version of d1: importing it reads the stored row and the generation.
        let newer = folder.appendingPathComponent("newer.csv")
        try Data("msdyn_delivery_id,createdon,modifiedon,msdyn_status\nd1,2026-11-01T10:00:00Z,2026-11-02T11:00:00Z,InProcess\n".utf8)
            .write(to: newer)
        for (sql, what, reads, writes) in [
            ("UPDATE meta SET value = 'abc' WHERE key = 'generation'", "meta.generation holds text, expected an integer", true, true),
            ("UPDATE aggregate_snapshot SET row_count = -5", "aggregate_snapshot.row_count holds -5", true, false),
            ("UPDATE deliveries SET modified = 'late'", "deliveries.modified holds text", false, true),
        ] {
            let db = folder.appendingPathComponent("store-\(UUID().uuidString.prefix(6)).sqlite").path
            let imported = try await runProcess(exe, ["import", "--db", db, csv.path])
            try #require(imported.status == 0, "\(imported.stderr)")
            let store = try DeliveryStore.openForWriting(path: db)
            try store.write { w in try w.db.execute(sql: sql) }
            var commands: [[String]] = []
            if writes { commands.append(["import", "--db", db, newer.path]) }
            if reads {
                commands += [["snapshot", "--db", db, "--format", "json", "--all-dates"],
                             ["snapshot", "--db", db, "--format", "text", "--all-dates"]]
            }
            for arguments in commands {
                let result = try await runProcess(exe, arguments)
                #expect(result.status == 1, "\(arguments): exit \(result.status)")
                #expect(result.stderr.contains("store damaged: " + what), "\(arguments): \(result.stderr)")
            }
        }
    }
}
