import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the end-to-end tests need from the machine: the built `proactive-tui`, tmux, the sample exports.
enum EndToEnd {
    /// The environment every run of the binary gets: a pinned terminal, locale and zone.
    /// No settings file unless a test names one (a user's own settings.toml must not change what the tests see).
    static let pinned = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "TZ": "UTC",
                         "XDG_CONFIG_HOME": "/nonexistent-proactive-tui-test-config"]

    /// The executable built next to the test runner (`.build/debug/proactive-tui` or the scratch path's),
    /// else the nearest `.build/debug/proactive-tui` above this source file.
    static let executable: URL? = {
        let fm = FileManager.default
        var candidates: [URL] = []
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        // On macOS the runner sits inside an .xctest bundle; walk up to the build folder.
        for _ in 0..<5 {
            candidates.append(dir.appendingPathComponent("proactive-tui"))
            dir = dir.deletingLastPathComponent()
        }
        var source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while source.path != "/" {
            candidates.append(source.appendingPathComponent(".build/debug/proactive-tui"))
            source = source.deletingLastPathComponent()
        }
        return candidates.first { fm.isExecutableFile(atPath: $0.path) && !isDirectory($0) }
    }()

    static let tmux: String? = findInPath("tmux")
    static let python3: String? = findInPath("python3")

    /// The sample exports: `$PROACTIVE_SAMPLES`, else `shared/samples` beside the repository, else /work/shared/samples.
    static let samples: URL? = {
        var places: [String] = []
        if let env = ProcessInfo.processInfo.environment["PROACTIVE_SAMPLES"] { places.append(env) }
        let repo = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        places.append(repo.deletingLastPathComponent().appendingPathComponent("shared/samples").path)
        places.append("/work/shared/samples")
        return places.map { URL(fileURLWithPath: $0) }.first {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent("msdyn_proactive_deliveries.json").path)
        }
    }()

    /// Why the tmux tests cannot run here, if they cannot.
    static var tmuxUnavailable: String? {
        if tmux == nil { return "tmux is not installed (CI installs it: .ci/run)" }
        return prerequisitesMissing
    }

    static var prerequisitesMissing: String? {
        if executable == nil { return "proactive-tui is not built next to the test runner (swift build --build-tests)" }
        if samples == nil { return "the sample exports are missing (set PROACTIVE_SAMPLES to the samples folder)" }
        return nil
    }

    static var canRunTmux: Bool { tmuxUnavailable == nil }
    static var canRunPty: Bool { python3 != nil && prerequisitesMissing == nil }

    private static func isDirectory(_ url: URL) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) && isDir.boolValue
    }

    private static func findInPath(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = String(dir) + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

/// The outcome of a finished process.
struct ProcessResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs `executable` to completion (at most `timeout` seconds) with the pinned environment; output is read
/// through files.
@discardableResult
func runProcess(_ executable: String, _ arguments: [String], environment extra: [String: String] = [:],
                timeout: Double = 60) async throws -> ProcessResult {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("e2e-proc-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outURL = scratch.appendingPathComponent("out"), errURL = scratch.appendingPathComponent("err")
    let pid = try Spawn.start(executable, arguments, environment: testEnvironment(extra),
                              stdout: outURL.path, stderr: errURL.path)
    let status = await Spawn.wait(pid, timeout: timeout)
    return ProcessResult(status: status,
                         stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
                         stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
}

/// The process environment with the pinned terminal, locale and zone, and no store or locale overrides.
func testEnvironment(_ extra: [String: String] = [:]) -> [String: String] {
    var env = ProcessInfo.processInfo.environment
    for key in ["LC_ALL", "LC_CTYPE", "LC_MESSAGES", "NO_COLOR", "PROACTIVE_TUI_DB", "TMUX"] { env[key] = nil }
    env.merge(EndToEnd.pinned) { $1 }
    env.merge(extra) { $1 }
    return env
}

/// A temporary folder with its own store imported from the samples; removed by `remove()`.
struct EndToEndStore {
    let folder: URL
    let db: URL
    let executable: String

    /// The sample files a store is built from (the CSV and JSON Lines copies hold the same deliveries).
    static let sampleFiles = ["queues.json", "msdyn_proactive_engagement_configs.json", "msdyn_ocliveworkitems.json",
                              "msdyn_proactive_deliveries.json"]

    /// Imports the samples into a new store in a new temporary folder.
    static func make() async throws -> EndToEndStore {
        guard let exe = EndToEnd.executable, let samples = EndToEnd.samples else {
            throw EndToEndError("prerequisites missing: \(EndToEnd.prerequisitesMissing ?? "?")")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ptui-e2e-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = EndToEndStore(folder: folder, db: folder.appendingPathComponent("store.sqlite"), executable: exe.path)
        let files = Self.sampleFiles.map { samples.appendingPathComponent($0).path }
        let result = try await runProcess(exe.path, ["import", "--db", store.db.path] + files)
        guard result.status == 0 else {
            store.remove()
            throw EndToEndError("import failed (\(result.status)): \(result.stderr)\(result.stdout)")
        }
        return store
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    /// Runs the binary with `arguments` (the store is added).
    func run(_ arguments: [String]) async throws -> ProcessResult {
        try await runProcess(executable, arguments + ["--db", db.path])
    }

    /// `snapshot --format json --tz UTC` with the filters given (default `--all-dates`).
    func snapshot(_ filters: [String] = ["--all-dates"]) async throws -> Snapshot {
        let result = try await run(["snapshot", "--format", "json", "--tz", "UTC"] + filters)
        guard result.status == 0 else { throw EndToEndError("snapshot failed (\(result.status)): \(result.stderr)") }
        do {
            return try JSONDecoder().decode(Snapshot.self, from: Data(result.stdout.utf8))
        } catch {
            throw EndToEndError("snapshot JSON unreadable: \(error)\n\(result.stdout.prefix(500))")
        }
    }

    /// The shell line that starts the dashboard on this store with the pinned environment and `arguments`.
    func dashboardCommand(_ arguments: [String], exec: Bool = false) -> String {
        let args = (["dashboard", "--db", db.path, "--tz", "UTC"] + arguments).map(shellQuoted).joined(separator: " ")
        return (exec ? "exec " : "") + shellQuoted(executable) + " " + args
    }
}

/// The parts of `snapshot --format json` the tests compare with the screen.
struct Snapshot: Decodable {
    struct Totals: Decodable { var deliveries: Int; var processed: Int }
    struct Row: Decodable { var id: String; var name: String; var total: Int; var processed: Int }
    var totals: Totals
    var byQueue: [Row]
    var byConfiguration: [Row]
    var processedByResult: [String: Int]
}

struct EndToEndError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

func shellQuoted(_ s: String) -> String {
    "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

// MARK: Reading the screen

enum Screen {
    /// "Total 1,234" on the header's first row.
    static func headerTotal(_ lines: [String]) -> Int? {
        guard let first = lines.first else { return nil }
        return number(after: "Total ", in: first)
    }

    static func headerProcessed(_ lines: [String]) -> Int? {
        guard let first = lines.first else { return nil }
        return number(after: "Processed ", in: first)
    }

    /// The header's second row: the active filters.
    static func filterLine(_ lines: [String]) -> String { lines.count > 1 ? lines[1] : "" }

    /// The integer (with thousands separators) right after `label` in `text`.
    static func number(after label: String, in text: String) -> Int? {
        guard let range = text.range(of: label) else { return nil }
        let digits = text[range.upperBound...].prefix { $0.isNumber || $0 == "," }.filter { $0 != "," }
        return Int(digits)
    }

    /// The numbers of the table row that shows `name`, up to the panel's right border.
    static func rowNumbers(named name: String, in lines: [String]) -> [Int]? {
        for line in lines {
            guard let range = line.range(of: name) else { continue }
            let rest = line[range.upperBound...].prefix { $0 != "│" && $0 != "|" }
            let fields = rest.split(separator: " ").map { $0.filter { $0 != "," } }
            guard fields.allSatisfy({ Int($0) != nil }), !fields.isEmpty else { continue }
            return fields.compactMap { Int($0) }
        }
        return nil
    }

    static func text(_ lines: [String]) -> String { lines.joined(separator: "\n") }
}
