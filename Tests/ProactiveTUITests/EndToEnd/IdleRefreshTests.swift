import Foundation
import Testing

/// Issue 4, lean output: a refresh that finds nothing new writes nothing to the terminal; new data does.
@Suite("End to end: an idle refresh writes zero bytes")
struct EndToEndIdleRefreshTests {
    @Test("--refresh 0.2: 3 s (15 refreshes) without input or new data write 0 bytes; an import then redraws",
          .enabled(if: EndToEnd.canRunPty, Comment(rawValue: EndToEnd.python3 == nil ? "python3 is not installed"
                                                    : EndToEnd.prerequisitesMissing ?? "")),
          .timeLimit(.minutes(1)))
    func idleRefreshWritesNothing() async throws {
        let store = try await EndToEndStore.make()
        defer { store.remove() }
        let before = try await store.snapshot()
        let extra = store.folder.appendingPathComponent("more.jsonl")
        try LiveFeed.lines(count: 3, seed: 1).joined(separator: "\n").appending("\n")
            .write(to: extra, atomically: true, encoding: .utf8)

        let report = try await PtyProbe.run(
            dashboard: [store.executable, "dashboard", "--db", store.db.path, "--tz", "UTC", "--all-dates", "--refresh", "0.2"],
            importArguments: [store.executable, "import", "--db", store.db.path, extra.path],
            width: 120, height: 35, quiet: 2.0, idle: 3.0, afterLimit: 5.0, folder: store.folder)

        #expect(report.firstFrame > 1000, "the first frame is only \(report.firstFrame) bytes")
        #expect(report.idle == 0, "an idle dashboard wrote \(report.idle) bytes in 3 s: \(report.idleSample)")
        #expect(report.importStatus == 0)
        #expect(report.afterImport > 0, "new deliveries in the store did not reach the screen")
        #expect(report.afterImport < report.firstFrame / 4, "an update of a few figures should not repaint the screen")
        #expect(report.exitStatus == 0)
        #expect(try await store.snapshot().totals.deliveries == before.totals.deliveries + 3)
    }
}
