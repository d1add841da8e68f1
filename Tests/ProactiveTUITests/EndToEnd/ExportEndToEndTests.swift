import Foundation
import Testing

/// The real binary: `export` of the samples equals `snapshot`'s total for the same filters, `-o` leaves exactly the
/// finished file, a failed export leaves none and exits 1, and `snapshot --format csv` writes a table.
@Suite("End to end: export")
struct ExportEndToEndTests {
    @Test(.enabled(if: EndToEnd.executable != nil && EndToEnd.samples != nil), .timeLimit(.minutes(2)))
    func exportMatchesTheSnapshotAndWritesAtomically() async throws {
        let exe = try #require(EndToEnd.executable).path
        let samples = try #require(EndToEnd.samples)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ptui-export-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("store.sqlite").path
        let files = try FileManager.default.contentsOfDirectory(atPath: samples.path).filter { $0.hasSuffix(".json") }
            .map { samples.appendingPathComponent($0).path }
        #expect(try await runProcess(exe, ["import", "--db", db] + files, environment: EndToEnd.pinned).status == 0)
        for filters in [["--all-dates"], ["--all-dates", "--status", "Complete", "--direction", "all"],
                        ["--all-dates", "--tz", "Asia/Kathmandu", "--dial-mode", "Copilot"]] {
            let snapshot = try await runProcess(exe, ["snapshot", "--db", db, "--format", "json"] + filters, environment: EndToEnd.pinned)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(snapshot.stdout.utf8)) as? [String: Any])
            let total = try #require((json["totals"] as? [String: Any])?["deliveries"] as? Int)
            let out = folder.appendingPathComponent("out.csv").path
            let export = try await runProcess(exe, ["export", "--db", db, "-o", out] + filters, environment: EndToEnd.pinned)
            #expect(export.status == 0, "\(export.stderr)")
            #expect(export.stdout.isEmpty)
            #expect(export.stderr.contains("exported \(total) deliveries"))
            let text = try String(contentsOfFile: out, encoding: .utf8)
            #expect(text.hasPrefix("msdyn_delivery_id,msdyn_proactive_deliveryid,createdon,"))
            #expect(text.components(separatedBy: "\r\n").dropLast().count == total + 1, "\(filters)")
            #expect(!text.contains("+1425"), "addresses are masked")
            let left = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            #expect(!left.contains { $0.contains("partial") })
            // Standard output, JSON Lines: one line per delivery.
            let lines = try await runProcess(exe, ["export", "--db", db, "--format", "jsonl"] + filters, environment: EndToEnd.pinned)
            #expect(lines.stdout.split(separator: "\n").count == total)
        }
        // A file that cannot be written: exit 1, nothing left behind.
        let bad = folder.appendingPathComponent("no-such-dir/out.csv").path
        let failed = try await runProcess(exe, ["export", "--db", db, "--all-dates", "-o", bad], environment: EndToEnd.pinned)
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("cannot write"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("no-such-dir").path))
        // A named pipe (as a device such as /dev/null) is written into, never renamed over; a folder is refused.
        let pipe = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(pipe, 0o600) == 0)
        let received = folder.appendingPathComponent("received.csv").path
        let reader = try await runProcessInBackground("/bin/sh", ["-c", "cat \"$0\" > \"$1\"", pipe, received])
        let piped = try await runProcess(exe, ["export", "--db", db, "--all-dates", "-o", pipe], environment: EndToEnd.pinned)
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(await reader.value == 0)
        var info = stat()
        #expect(stat(pipe, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "still a pipe")
        let all = try String(contentsOfFile: received, encoding: .utf8)
        #expect(all.hasPrefix("msdyn_delivery_id,") && all.components(separatedBy: "\r\n").count > 2)
        let toFolder = try await runProcess(exe, ["export", "--db", db, "--all-dates", "-o", folder.path], environment: EndToEnd.pinned)
        #expect(toFolder.status == 1 && toFolder.stderr.contains("it is a folder"), "\(toFolder.stderr)")
        let table = try await runProcess(exe, ["snapshot", "--db", db, "--all-dates", "--format", "csv", "--table", "date"],
                                         environment: EndToEnd.pinned)
        #expect(table.status == 0)
        #expect(table.stdout.hasPrefix("date,total,processed\r\n"))
    }
}

/// Runs a process without waiting; the task's value is its exit status.
private func runProcessInBackground(_ path: String, _ arguments: [String]) async throws -> Task<Int32, Never> {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    try process.run()
    return Task.detached {
        process.waitUntilExit()
        return process.terminationStatus
    }
}
