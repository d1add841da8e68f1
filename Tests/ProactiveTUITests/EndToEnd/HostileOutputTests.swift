import Foundation
import Testing

/// Issue 10's table of hostile strings in every text column of a small store, through every command-line
/// output path: the import summary, located import errors, unknown filter value errors (and the parser's own
/// errors, which echo what was typed), `snapshot --format text` and `--format json`. No C0/C1 control (but the
/// newline), bidirectional or other format character reaches any output, and every line is bounded.
@Suite("End to end: hostile text through every command's output")
struct EndToEndHostileOutputTests {
    /// Writes the store's exports: one queue and one configuration named with each string, and per string a
    /// delivery whose status, result, dial mode, channel and engagement type hold it, and one whose queue and
    /// configuration ids hold it (unknown ids are shown as names).
    static func writeExports(to folder: URL) throws -> [String] {
        var queues: [[String: Any]] = [], configs: [[String: Any]] = [], deliveries: [[String: Any]] = []
        // The store refuses ids over 1 KiB and other values over 64 KiB (the 1 MB value is checked on its own,
        // refused); each string goes in as long as the store takes it.
        func fit(_ value: String, bytes: Int) -> String {
            var out = ""
            for character in value {
                if out.utf8.count + String(character).utf8.count > bytes { break }
                out.append(character)
            }
            return out
        }
        for (i, entry) in HostileText.table.enumerated() {
            let value = fit(entry.value, bytes: 60_000), id = fit(entry.value, bytes: 1000)
            queues.append(["queueid": "q-\(i)", "name": value])
            configs.append(["msdyn_proactive_engagement_configid": "c-\(i)", "msdyn_name": value, "statecode": 0,
                            "msdyn_priority": 3])
            deliveries.append(["msdyn_delivery_id": "d-\(i)", "createdon": "2026-11-0\(1 + i % 9)T10:00:00Z",
                               "msdyn_status": value, "msdyn_result": value, "msdyn_dialmode_type": value,
                               "msdyn_channel": value, "msdyn_engagement_type": value,
                               "msdyn_proactive_engagement_config_id": "c-\(i)", "msdyn_queue_id": "q-\(i)"])
            deliveries.append(["msdyn_delivery_id": "u-\(i)", "createdon": "2026-11-0\(1 + i % 9)T11:00:00Z",
                               "msdyn_status": "Complete", "msdyn_result": "CallEnded",
                               "msdyn_proactive_engagement_config_id": id, "msdyn_queue_id": id])
        }
        var files: [String] = []
        for (name, rows) in [("queues.json", queues), ("configs.json", configs), ("deliveries.json", deliveries)] {
            let url = folder.appendingPathComponent(name)
            try JSONSerialization.data(withJSONObject: ["value": rows]).write(to: url)
            files.append(url.path)
        }
        return files
    }

    static func expectClean(_ what: String, _ result: ProcessResult, sourceLocation: SourceLocation = #_sourceLocation) {
        for (stream, text) in [("stdout", result.stdout), ("stderr", result.stderr)] {
            let bad = HostileText.violations(in: text)
            #expect(bad.isEmpty, "\(what), \(stream): \(bad.prefix(5))", sourceLocation: sourceLocation)
        }
    }

    @Test("import summary, import errors, filter errors, text and JSON snapshots",
          .enabled(if: EndToEnd.executable != nil), .timeLimit(.minutes(2)))
    func everyOutputIsClean() async throws {
        let exe = try #require(EndToEnd.executable).path
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ptui-hostile-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("store.sqlite").path

        // The import summary names the values never seen before: each one quoted, bounded and made safe.
        let imported = try await runProcess(exe, ["import", "--db", db] + Self.writeExports(to: folder), timeout: 60)
        #expect(imported.status == 0, "\(imported.stderr)")
        Self.expectClean("import summary", imported)
        #expect(imported.stdout.contains("values never seen before"))
        #expect(imported.stdout.contains("    dial mode \"" + String(repeating: "M", count: 199) + "…\"\n"))

        // The 1 MB value itself is refused, and the error says so in a bounded line.
        let huge = folder.appendingPathComponent("huge.json")
        try JSONSerialization.data(withJSONObject: [["msdyn_delivery_id": "h-1", "createdon": "2026-11-01T10:00:00Z",
                                                     "msdyn_status": HostileText.megabyte]]).write(to: huge)
        let hugeRefused = try await runProcess(exe, ["import", "--db", db, huge.path])
        #expect(hugeRefused.status == 1)
        Self.expectClean("1 MB value refused", hugeRefused)
        #expect(hugeRefused.stderr.contains("msdyn_status") && hugeRefused.stderr.count < 1000, "\(hugeRefused.stderr.prefix(500))")
        #expect(imported.stdout.contains("    dial mode \"Status\u{FFFD}[6n\"\n"), "\(imported.stdout.prefix(2000))")
        // 20 statuses, results and dial modes each: 50 are listed.
        #expect(imported.stdout.contains("    ... and 10 more\n"))

        // A refused import quotes the bad value: one file per hostile string in a timestamp.
        var badFiles: [String] = []
        for (i, entry) in HostileText.table.enumerated() {
            let url = folder.appendingPathComponent("bad-\(i).json")
            let record: [String: Any] = ["msdyn_delivery_id": "b-\(i)", "createdon": entry.value, "msdyn_status": "Pending"]
            try JSONSerialization.data(withJSONObject: [record]).write(to: url)
            badFiles.append(url.path)
        }
        let refused = try await runProcess(exe, ["import", "--db", db] + badFiles, timeout: 60)
        #expect(refused.status == 1)
        Self.expectClean("import errors", refused)
        #expect(refused.stderr.components(separatedBy: "not imported").count - 1 == HostileText.table.count,
                "\(refused.stderr.prefix(3000))")
        #expect(refused.stderr.contains("cannot read timestamp \"Status\u{FFFD}[6n\""), "\(refused.stderr.prefix(3000))")

        // Unknown filter values: the error quotes what was typed and lists the accepted values (the store's).
        for flag in ["--status", "--queue", "--config", "--result", "--dial-mode", "--channel", "--conversation-type"] {
            for typed in ["nope", "x" + HostileText.table[0].value, "x" + HostileText.table[4].value] {
                let result = try await runProcess(exe, ["snapshot", "--db", db, "--all-dates", flag, typed])
                #expect(result.status == 2, "\(flag): exit \(result.status)")
                Self.expectClean("unknown \(flag)", result)
                #expect(result.stderr.contains("accepted"))
            }
        }
        // The argument parser's own errors echo the flag or value typed.
        for arguments in [["snapshot", "--\u{1B}]0;t\u{07}"], ["snapshot", "--width", "\u{9B}6n"], ["\u{1B}[6n"]] {
            let result = try await runProcess(exe, arguments + ["--db", db])
            #expect(result.status == 2)
            Self.expectClean("parser error for \(arguments)", result)
        }

        // The snapshots.
        for arguments in [["--format", "text", "--width", "120", "--height", "35"],
                          ["--format", "text", "--width", "1000", "--height", "100"],
                          ["--format", "text", "--ascii", "--width", "80", "--height", "24"]] {
            let result = try await runProcess(exe, ["snapshot", "--db", db, "--all-dates", "--tz", "UTC"] + arguments)
            #expect(result.status == 0, "\(result.stderr)")
            Self.expectClean("snapshot \(arguments)", result)
            let width = Int(arguments[arguments.firstIndex(of: "--width")! + 1])!
            #expect(result.stdout.split(separator: "\n").allSatisfy { $0.count <= width })
        }
        let json = try await runProcess(exe, ["snapshot", "--db", db, "--all-dates", "--tz", "UTC", "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        Self.expectClean("snapshot --format json", json)
        #expect(json.stdout.contains("\\u009b") && json.stdout.contains("\\u202e") && json.stdout.contains("\\u001b"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let queues = try #require(object["byQueue"] as? [[String: Any]])
        let names = Set(queues.compactMap { $0["name"] as? String })
        #expect(names.contains(HostileText.table[4].value), "the JSON reads back the exact name")
        #expect(names.contains(String(repeating: "M", count: 999) + "…"), "a 60,000-character name is cut at 1000")
    }
}
