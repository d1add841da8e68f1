import Foundation
import Testing

/// Usage errors of every command exit 2 (not the argument parser's 64) with a message that names the flag and
/// what it accepts; numeric flags are bounded; the dashboard refuses to run without a terminal.
@Suite("End to end: usage errors, bounded flags, no terminal")
struct EndToEndUsageErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var arguments: [String]
        /// Words the error message must hold.
        var says: [String]
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let cases: [Case] = [
        Case(arguments: ["snapshot", "--last", "-5"], says: ["--last", "a whole number of days from 1 to 36600"]),
        Case(arguments: ["snapshot", "--last", "0"], says: ["--last", "from 1 to 36600"]),
        Case(arguments: ["snapshot", "--last", "soon"], says: ["--last", "a whole number of days"]),
        Case(arguments: ["snapshot", "--format", "text", "--width", "100000", "--height", "100000"],
             says: ["--width", "from 20 to 1000"]),
        Case(arguments: ["snapshot", "--format", "text", "--height", "-1"], says: ["--height", "from 10 to 500"]),
        Case(arguments: ["snapshot", "--format", "xml"], says: ["--format", "json", "text"]),
        Case(arguments: ["snapshot", "--no-such-flag"], says: ["--no-such-flag"]),
        Case(arguments: ["dashboard", "--refresh", "-1"], says: ["--refresh", "from 0.1 to 3600"]),
        Case(arguments: ["dashboard", "--theme", "sepia"], says: ["--theme", "dark, light, colorblind, mono"]),
        Case(arguments: ["demo", "--theme", "Dark"], says: ["--theme", "dark, light, colorblind, mono"]),
        Case(arguments: ["dashboard", "--refresh", "nan"], says: ["--refresh", "seconds"]),
        Case(arguments: ["dashboard", "--stale-after", "-300"], says: ["--stale-after", "from 1.0 to 604800"]),
        Case(arguments: ["dashboard", "--cycle", "0"], says: ["--cycle", "from 1.0 to 3600"]),
        Case(arguments: ["dashboard", "--alert-every", "0"], says: ["--alert-every", "from 0.1 to 10080"]),
        Case(arguments: ["dashboard", "--cycle-views", "a,b c"], says: ["--cycle-views", "view names separated by commas"]),
        Case(arguments: ["dashboard", "--view", "a", "--cycle-views", "b"], says: ["--view", "--cycle-views"]),
        Case(arguments: ["snapshot", "--settings", "/nonexistent/settings.toml"], says: ["/nonexistent/settings.toml", "no such settings file"]),
        Case(arguments: ["demo", "--deliveries", "-3"], says: ["--deliveries", "from 0 to 10000000"]),
        Case(arguments: ["demo", "--days", "100000"], says: ["--days", "from 1 to 3650"]),
        Case(arguments: ["demo", "--rate", "-30"], says: ["--rate", "deliveries per minute"]),
        Case(arguments: ["demo", "--seed", "-1"], says: ["--seed", "a whole number"]),
        Case(arguments: ["import", "--poll", "-0.5", "x.json"], says: ["--poll", "from 0.05 to 3600"]),
        Case(arguments: ["import"], says: ["files"]),
        Case(arguments: ["bench", "--states", "5"], says: ["--states", "from 60"]),
        Case(arguments: ["sync", "--org", "https://x.crm.dynamics.com", "--interval", "-5"], says: ["--interval", "from 1.0 to 86400"]),
        Case(arguments: ["sync", "--org", "https://x.crm.dynamics.com", "--page-size", "0"], says: ["--page-size", "from 1 to 5000"]),
        Case(arguments: ["export", "--columns", "msdyn_delivery_id,nope"], says: ["--columns", "nope", "msdyn_to_address"]),
        Case(arguments: ["export", "--columns", ""], says: ["--columns"]),
        Case(arguments: ["export", "--format", "xlsx"], says: ["--format", "csv", "jsonl"]),
        Case(arguments: ["export", "--last", "0"], says: ["--last", "from 1 to 36600"]),
        Case(arguments: ["snapshot", "--format", "csv"], says: ["--format csv", "--table"]),
        Case(arguments: ["snapshot", "--format", "csv", "--table", "chart"], says: ["--table", "configuration", "status"]),
        Case(arguments: ["snapshot", "--table", "queue"], says: ["--table", "--format csv"]),
        Case(arguments: ["no-such-command"], says: ["no-such-command"]),
        Case(arguments: ["snapshot", "--tz", "Mars/Olympus"], says: ["--tz", "IANA"]),
        Case(arguments: ["snapshot", "--from", "yesterday"], says: ["--from", "YYYY-MM-DD"]),
        Case(arguments: ["snapshot", "--abandon-rule", "eu-7d"], says: ["--abandon-rule", "us-30d", "uk-24h"]),
        Case(arguments: ["dashboard", "--abandon-rule", "30d"], says: ["--abandon-rule", "us-30d", "uk-24h"]),
    ]

    @Test("exit 2 with the flag and what it accepts", .enabled(if: EndToEnd.executable != nil),
          .timeLimit(.minutes(1)), arguments: cases)
    func usageError(_ c: Case) async throws {
        let exe = try #require(EndToEnd.executable)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ptui-usage-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try await runProcess(exe.path, c.arguments + ["--db", folder.appendingPathComponent("none.sqlite").path])
        #expect(result.status == 2, "exit \(result.status); stderr: \(result.stderr)")
        for word in c.says { #expect(result.stderr.contains(word), "\"\(word)\" missing in: \(result.stderr)") }
        #expect(!result.stderr.contains("Missing value"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder.path), "a refused command created files")
    }

    @Test("help exits 0 on standard output", .enabled(if: EndToEnd.executable != nil), .timeLimit(.minutes(1)))
    func help() async throws {
        let exe = try #require(EndToEnd.executable)
        for arguments in [["--help"], ["snapshot", "--help"], ["help", "import"]] {
            let result = try await runProcess(exe.path, arguments)
            #expect(result.status == 0, "\(arguments): exit \(result.status)")
            #expect(result.stdout.contains("USAGE"), "\(arguments): \(result.stdout.prefix(200))")
        }
    }

    @Test("dashboard and demo refuse to run without a terminal (exit 2), writing no escape code",
          .enabled(if: EndToEnd.canRunTmux), .timeLimit(.minutes(1)))
    func noTerminal() async throws {
        let store = try await EndToEndStore.make()
        defer { store.remove() }
        for arguments in [["dashboard", "--all-dates", "--db", store.db.path],
                          ["demo", "--db", store.folder.appendingPathComponent("demo.sqlite").path, "--deliveries", "10"]] {
            let result = try await runProcess(store.executable, arguments, timeout: 20)
            #expect(result.status == 2, "\(arguments[0]): exit \(result.status)")
            #expect(result.stderr.contains("needs a terminal"), "\(result.stderr)")
            #expect(!result.stdout.contains("\u{1B}") && !result.stderr.contains("\u{1B}"))
        }
        #expect(!FileManager.default.fileExists(atPath: store.folder.appendingPathComponent("demo.sqlite").path),
                "demo built a store before finding it had no terminal")
    }
}
