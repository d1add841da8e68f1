import Foundation
import Testing

/// Grapheme clusters and hostile names on the live screen (issue 10, item 8): with a flag, a VS16 emoji, a keycap
/// and a ZWJ family in configuration and queue names, the screen tmux shows after several frames and filter
/// changes is the text snapshot of the same state, row for row (so every right border is in its column and no
/// stale cell is left); names holding an OSC title and a cursor report request change neither.
@Suite("End to end: grapheme clusters and hostile names on the live screen")
struct EndToEndGraphemeScreenTests {
    static let clusters = ["\u{1F1FA}\u{1F1F8}", "\u{2764}\u{FE0F}", "1\u{FE0F}\u{20E3}", "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}"]
    static let hostile = ["Title \u{1B}]0;pwned\u{07} Q", "Report \u{1B}[6n Q", "C1 \u{9B}2J Q"]
    /// An emoji of Unicode 15 (🫨) that an older C library does not know (wcwidth -1): the backend draws the wide
    /// replacement `？` in its two columns rather than let ncurses and the grid disagree. The comparison reads
    /// both as `？`, so it holds whichever this machine's library is.
    static let newEmoji = "\u{1FAE8}"

    /// The names given to the samples' configurations and queues (in order; there are 12 and 8): the clusters
    /// and three hostile names, or the whole hostile table (cut to what the store takes: 60,000 bytes).
    enum Names: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case clusters, hostileTable
        var testDescription: String { rawValue }
        var configurations: [String] {
            switch self {
            case .clusters:
                return EndToEndGraphemeScreenTests.clusters.map { "Named \($0) calls" } + EndToEndGraphemeScreenTests.hostile
                    + ["Shaking \(EndToEndGraphemeScreenTests.newEmoji) face"]
            case .hostileTable: return HostileText.table.prefix(12).map { String($0.value.utf8.prefix(60_000))! }
            }
        }
        var queues: [String] {
            switch self {
            case .clusters: return configurations
            case .hostileTable: return HostileText.table.dropFirst(12).map { String($0.value.utf8.prefix(60_000))! }
            }
        }
    }

    /// The samples with the first configurations and queues renamed.
    static func makeStore(_ names: Names) async throws -> EndToEndStore {
        guard let exe = EndToEnd.executable, let samples = EndToEnd.samples else {
            throw EndToEndError("prerequisites missing: \(EndToEnd.prerequisitesMissing ?? "?")")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ptui-e2e-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var files: [String] = []
        for (file, nameKey, names) in [("msdyn_proactive_engagement_configs.json", "msdyn_name", names.configurations),
                                       ("queues.json", "name", names.queues)] {
            let data = try Data(contentsOf: samples.appendingPathComponent(file))
            var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            var rows = try #require(object["value"] as? [[String: Any]])
            for (i, name) in names.enumerated() where i < rows.count { rows[i][nameKey] = name }
            object["value"] = rows
            let url = folder.appendingPathComponent(file)
            try JSONSerialization.data(withJSONObject: object).write(to: url)
            files.append(url.path)
        }
        files += ["msdyn_ocliveworkitems.json", "msdyn_proactive_deliveries.json"].map { samples.appendingPathComponent($0).path }
        let store = EndToEndStore(folder: folder, db: folder.appendingPathComponent("store.sqlite"), executable: exe.path)
        let result = try await runProcess(exe.path, ["import", "--db", store.db.path] + files)
        guard result.status == 0 else {
            store.remove()
            throw EndToEndError("import failed (\(result.status)): \(result.stderr)")
        }
        return store
    }

    /// `snapshot --format text` of the dashboard's state at the pane's size (no colours, like the pane).
    static func snapshotText(_ store: EndToEndStore, _ filters: [String]) async throws -> [String] {
        let result = try await store.run(["snapshot", "--format", "text", "--width", "120", "--height", "35", "--tz", "UTC"] + filters)
        guard result.status == 0 else { throw EndToEndError("snapshot failed: \(result.stderr)") }
        return result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The pane equals the snapshot but for the header's first row (its clock).
    static func expectSameScreen(_ pane: [String], _ snapshot: [String], _ what: String,
                                 sourceLocation: SourceLocation = #_sourceLocation) {
        let trim = { (lines: [String]) -> [String] in
            var l = lines.dropFirst().map { line -> String in
                var s = Substring(line.replacingOccurrences(of: newEmoji, with: "\u{FF1F}"))
                while s.last == " " { s = s.dropLast() }
                return String(s)
            }
            while l.last == "" { l.removeLast() }
            return l
        }
        let a = trim(pane), b = trim(snapshot)
        #expect(a == b, "\(what): the pane and the snapshot differ\n--- pane ---\n\(TmuxSession.framed(a))\n--- snapshot ---\n\(TmuxSession.framed(b))",
                sourceLocation: sourceLocation)
    }

    @Test("pane == snapshot after frames and filter changes; the title is untouched",
          .enabled(if: EndToEnd.canRunTmux, Comment(rawValue: EndToEnd.tmuxUnavailable ?? "")),
          .timeLimit(.minutes(1)), arguments: Names.allCases)
    func clustersKeepTheScreenAligned(_ names: Names) async throws {
        let store = try await Self.makeStore(names)
        defer { store.remove() }
        let script = ["echo E2E-SHELL-BEFORE", store.dashboardCommand(["--all-dates", "--no-color"]), "echo EXITED $?",
                      "exec sleep 600"].joined(separator: "\n")
        let tmux = try await TmuxSession.start(script: script, width: 120, height: 35, folder: store.folder)
        do {
            try await drive(tmux, store, names)
        } catch {
            await tmux.kill()
            throw error
        }
        await tmux.kill()
    }

    func drive(_ tmux: TmuxSession, _ store: EndToEndStore, _ names: Names) async throws {
        let titleBefore = await tmux.display("#{pane_title}")

        let all = try await Self.snapshotText(store, ["--all-dates"])
        if names == .clusters {
            #expect(Screen.text(all).contains("Named US calls"), "the snapshot does not show the flag's letters")
        }
        let first = try #require(await tmux.waitFor("the first frame", timeout: 20) {
            Screen.headerTotal($0) != nil && ($0.last ?? "").contains("quit")
        })
        Self.expectSameScreen(first, all, "first frame")

        // A date range typed at the prompt: every table row is redrawn, the clusters move or go.
        try await tmux.send("d")
        try await tmux.send("-l", "2026-11-10..2026-11-25")
        try await tmux.send("Enter")
        let ranged = try #require(await tmux.waitFor("the typed range in the header") {
            Screen.filterLine($0).contains("2026-11-10") && ($0.last ?? "").contains("quit")
        })
        Self.expectSameScreen(ranged, try await Self.snapshotText(store, ["--from", "2026-11-10", "--to", "2026-11-25"]), "range")

        // Undo: back to every date, drawn over the ranged frame by the cell diff.
        try await tmux.send("BSpace")
        let undone = try #require(await tmux.waitFor("the header back to all dates") {
            Screen.headerTotal($0) == Screen.headerTotal(first) && !Screen.filterLine($0).contains("2026-11-10")
        })
        Self.expectSameScreen(undone, all, "after undo")

        #expect(await tmux.display("#{pane_title}") == titleBefore, "a name retitled the pane")
        #expect(!(await tmux.display("#{pane_title}")).contains("pwned"))
        try await tmux.send("q")
        #expect(await tmux.waitFor(text: "EXITED 0") != nil)
    }
}
