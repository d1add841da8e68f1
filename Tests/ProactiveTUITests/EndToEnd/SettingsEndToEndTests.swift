import Foundation
import Testing

/// Views from the settings file, end to end: `snapshot --view` gives exactly what the same flags give, flags beside
/// the view override it, a settings error names the file, line and column (exit 2), and a view saved from the
/// keyboard opens again with `--view`.
@Suite("End to end: settings file and views")
struct SettingsEndToEndTests {
    static let settings = """
        # views for the tests
        [views.done]
        all-dates = true
        tz = "America/New_York"
        status = ["Complete", "Expired"]
        channel = "Voice"
        direction = "all"

        [views.recent]
        from = "2026-10-01"
        to = "2026-12-31"
        queue = ["Collections Q"]
        """

    /// The JSON without its `readAt` line (the one field that depends on when the command ran).
    static func unclocked(_ json: String) -> String {
        json.components(separatedBy: "\n").filter { !$0.contains("\"readAt\"") }.joined(separator: "\n")
    }

    /// The first line where two outputs differ, for a failure message.
    static func firstDifference(_ a: String, _ b: String) -> String {
        let la = a.components(separatedBy: "\n"), lb = b.components(separatedBy: "\n")
        for i in 0..<max(la.count, lb.count) where (i < la.count ? la[i] : nil) != (i < lb.count ? lb[i] : nil) {
            return "line \(i + 1): \(i < la.count ? la[i] : "(none)") vs \(i < lb.count ? lb[i] : "(none)")"
        }
        return "no difference"
    }

    func withStore(_ body: (EndToEndStore, String) async throws -> Void) async throws {
        let store = try await EndToEndStore.make()
        defer { store.remove() }
        let path = store.folder.appendingPathComponent("settings.toml").path
        try Self.settings.write(toFile: path, atomically: true, encoding: .utf8)
        try await body(store, path)
    }

    @Test("snapshot --view equals the same flags; flags beside the view override it",
          .enabled(if: EndToEnd.prerequisitesMissing == nil, Comment(rawValue: EndToEnd.prerequisitesMissing ?? "")),
          .timeLimit(.minutes(1)))
    func viewEqualsFlags() async throws {
        try await withStore { store, path in
            let viewed = try await store.run(["snapshot", "--format", "json", "--settings", path, "--view", "done"])
            let flags = try await store.run(["snapshot", "--format", "json", "--all-dates", "--tz", "America/New_York",
                                             "--status", "Complete", "--status", "Expired", "--channel", "Voice",
                                             "--direction", "all"])
            #expect(viewed.status == 0, "\(viewed.stderr)")
            // Identical but for the clock: `readAt` is when each run read the store.
            #expect(!viewed.stdout.isEmpty && Self.unclocked(viewed.stdout) == Self.unclocked(flags.stdout),
                    "\(Self.firstDifference(Self.unclocked(viewed.stdout), Self.unclocked(flags.stdout)))")
            #expect(viewed.stdout.contains("\"Complete\"") && !viewed.stdout.contains("\"Pending\""))
            // Flags override: the status list and the date range are replaced, the rest of the view stays.
            let overridden = try await store.run(["snapshot", "--format", "json", "--settings", path, "--view", "done",
                                                  "--status", "Pending", "--from", "2026-01-01", "--to", "2026-12-31"])
            let same = try await store.run(["snapshot", "--format", "json", "--from", "2026-01-01", "--to", "2026-12-31",
                                            "--tz", "America/New_York", "--status", "Pending", "--channel", "Voice",
                                            "--direction", "all"])
            #expect(overridden.status == 0, "\(overridden.stderr)")
            #expect(Self.unclocked(overridden.stdout) == Self.unclocked(same.stdout))
            #expect(Self.unclocked(overridden.stdout) != Self.unclocked(viewed.stdout))
            // export takes views too.
            let exported = try await store.run(["export", "--settings", path, "--view", "recent"])
            let exportFlags = try await store.run(["export", "--from", "2026-10-01", "--to", "2026-12-31", "--queue", "Collections Q"])
            #expect(exported.status == 0 && exported.stdout == exportFlags.stdout)
        }
    }

    @Test("a bad settings file, a missing one, an unknown view: exit 2 naming the place",
          .enabled(if: EndToEnd.prerequisitesMissing == nil, Comment(rawValue: EndToEnd.prerequisitesMissing ?? "")),
          .timeLimit(.minutes(1)))
    func settingsErrors() async throws {
        try await withStore { store, path in
            try (Self.settings + "\n[views.bad]\nlast = 3\nstatus = [\"Complete\", 3]\n").write(toFile: path, atomically: true, encoding: .utf8)
            let typed = try await store.run(["snapshot", "--settings", path])
            #expect(typed.status == 2)
            #expect(typed.stderr.contains("\(path):15:1: views.bad.status takes a string or an array of strings, not an array"))
            try (Self.settings + "\n[views.bad]\nlast = 0\n").write(toFile: path, atomically: true, encoding: .utf8)
            let value = try await store.run(["snapshot", "--settings", path, "--view", "bad"])
            #expect(value.status == 2)
            #expect(value.stderr.contains("\(path):14:1: view bad, last:") && value.stderr.contains("--last takes a whole number of days from 1 to 36600"))
            let missing = try await store.run(["snapshot", "--settings", path + ".nope"])
            #expect(missing.status == 2 && missing.stderr.contains("no such settings file"))
            let unknown = try await store.run(["snapshot", "--settings", path, "--view", "nope"])
            #expect(unknown.status == 2 && unknown.stderr.contains("no view named nope (views: done, recent, bad)"))
        }
    }

    @Test("V saves the filters as a view from the keyboard; --view reopens them; v applies it",
          .enabled(if: EndToEnd.canRunTmux, Comment(rawValue: EndToEnd.tmuxUnavailable ?? "")),
          .timeLimit(.minutes(2)))
    func saveFromKeyboardAndReopen() async throws {
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("ptui-config-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: config) }
        let file = config.appendingPathComponent("proactive-tui/settings.toml")
        let env = ["XDG_CONFIG_HOME": config.path]
        var expected: Snapshot?
        try await DashboardHarness.with(["--all-dates", "--status", "Complete"], environment: env) { h in
            try await h.waitForDashboard()
            expected = try await h.store.snapshot(["--all-dates", "--status", "Complete"])
            try await h.tmux.send("V")
            try #require(await h.tmux.waitFor(text: "Save the filters as view") != nil)
            try await h.tmux.send("-l", "morning")
            try await h.tmux.send("Enter")
            try #require(await h.tmux.waitFor(text: "view morning saved") != nil)
            try await h.quit()
        }
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("[views.morning]\nall-dates = true\ntz = \"UTC\"\nstatus = [\"Complete\"]\n"))
        try await DashboardHarness.with(["--view", "morning"], environment: env) { h in
            let first = try await h.waitForDashboard()
            #expect(Screen.filterLine(first).hasPrefix("View morning"))
            #expect(Screen.filterLine(first).contains("Delivery status: Complete"))
            #expect(Screen.headerTotal(first) == expected?.totals.deliveries)
            // Clear every filter, then v and Enter bring the view back.
            try await h.tmux.send("C")
            try #require(await h.tmux.waitFor("the filters cleared") { !Screen.filterLine($0).contains("Complete") })
            try await h.tmux.send("v")
            try #require(await h.tmux.waitFor(text: "Views (Enter applies") != nil)
            try await h.tmux.send("Enter")
            let back = try #require(await h.tmux.waitFor("the view applied") { Screen.filterLine($0).contains("Delivery status: Complete") })
            #expect(Screen.headerTotal(back) == expected?.totals.deliveries)
            try await h.quit()
        }
    }
}

/// Thresholds at run time: `--on-alert` runs its command with the figure in its environment, and `--cycle-views`
/// pages through views on the wall.
@Suite("End to end: alerts and cycling views")
struct AlertAndCycleEndToEndTests {
    @Test("--on-alert runs the command once with PROACTIVE_TUI_FIGURE, _LEVEL and _VALUE",
          .enabled(if: EndToEnd.canRunTmux, Comment(rawValue: EndToEnd.tmuxUnavailable ?? "")),
          .timeLimit(.minutes(1)))
    func onAlertRunsTheCommand() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ptui-alert-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let settings = dir.appendingPathComponent("settings.toml")
        // Pending is at or above 0 whatever the data: the figure is at alert from the first frame.
        try "[thresholds.pending]\nabove = { alert = 0 }\n".write(to: settings, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("alert.txt").path
        let command = "env | grep ^PROACTIVE_TUI_ | sort >> \"$ALERT_OUT\""
        try await DashboardHarness.with(["--all-dates", "--settings", settings.path, "--on-alert", command, "--bell", "--refresh", "0.2"],
                                        environment: ["ALERT_OUT": out]) { h in
            let first = try await h.waitForDashboard()
            let pending = Screen.number(after: "Pending ", in: first.count > 2 ? first[2] : "")
            #expect(first.count > 2 && first[2].contains("!!"), "pending not marked: \(first.prefix(3))")
            var text = ""
            for _ in 0..<50 where text.isEmpty {
                text = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
                if text.isEmpty { try await Task.sleep(nanoseconds: 100_000_000) }
            }
            // Refreshes go on; the command ran once (the figure stayed in alert).
            try await Task.sleep(nanoseconds: 1_000_000_000)
            text = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
            #expect(text == "PROACTIVE_TUI_FIGURE=pending\nPROACTIVE_TUI_LEVEL=alert\nPROACTIVE_TUI_VALUE=\(pending ?? -1)\n")
            try await h.quit()
        }
    }

    @Test("--cycle-views a,b shows each view in turn on the wall, named in the header",
          .enabled(if: EndToEnd.canRunTmux, Comment(rawValue: EndToEnd.tmuxUnavailable ?? "")),
          .timeLimit(.minutes(1)))
    func cycleViews() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ptui-cycle-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let settings = dir.appendingPathComponent("settings.toml")
        try "[views.done]\nstatus = \"Complete\"\n\n[views.lost]\nstatus = \"Expired\"\n".write(to: settings, atomically: true, encoding: .utf8)
        try await DashboardHarness.with(["--all-dates", "--settings", settings.path, "--cycle-views", "done,lost", "--cycle", "1"]) { h in
            let done = try #require(await h.tmux.waitFor("view done on the wall") { ($0.first ?? "").contains("View done") })
            #expect((done.first ?? "").contains("Delivery status: Complete"))
            let lost = try #require(await h.tmux.waitFor("view lost on the wall") { ($0.first ?? "").contains("View lost") })
            #expect((lost.first ?? "").contains("Delivery status: Expired"))
            #expect(await h.tmux.waitFor("view done again") { ($0.first ?? "").contains("View done") } != nil)
            try await h.tmux.send("q")
            await h.tmux.waitFor(text: "EXITED 0")
        }
    }
}

/// `--bell` under a pseudo-terminal: with a figure in alert from the first frame, the dashboard writes exactly one
/// BEL more than the same run without `--bell`, however many refreshes follow.
@Suite("End to end: the bell")
struct BellEndToEndTests {
    static let script = #"""
    import json, os, select, struct, subprocess, sys, time, fcntl, termios
    cfg = json.loads(sys.argv[1])
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 35, 120, 0, 0))
    proc = subprocess.Popen(cfg["dashboard"], stdin=slave, stdout=slave, stderr=slave, env=cfg["env"], start_new_session=True)
    os.close(slave)
    out = b""
    start = time.monotonic()
    while time.monotonic() - start < cfg["seconds"]:
        ready, _, _ = select.select([master], [], [], 0.05)
        if ready:
            try:
                out += os.read(master, 65536)
            except OSError:
                break
    os.write(master, b"q")
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        proc.kill()
    print(json.dumps({"bells": out.count(b"\x07"), "bytes": len(out)}))
    """#

    struct Report: Decodable { var bells: Int; var bytes: Int }

    func run(_ store: EndToEndStore, _ arguments: [String]) async throws -> Report {
        let python = try #require(EndToEnd.python3)
        let scriptURL = store.folder.appendingPathComponent("bell_probe.py")
        try Self.script.write(to: scriptURL, atomically: true, encoding: .utf8)
        let config: [String: Any] = ["env": testEnvironment(), "seconds": 3.0,
                                     "dashboard": [store.executable, "dashboard", "--db", store.db.path, "--all-dates"] + arguments]
        let json = String(decoding: try JSONSerialization.data(withJSONObject: config), as: UTF8.self)
        let result = try await runProcess(python, [scriptURL.path, json], timeout: 30)
        let line = try #require(result.stdout.split(separator: "\n").last, "bell probe: \(result.stderr)")
        return try JSONDecoder().decode(Report.self, from: Data(line.utf8))
    }

    @Test("--bell rings once when a figure enters alert",
          .enabled(if: EndToEnd.canRunPty, Comment(rawValue: EndToEnd.prerequisitesMissing ?? "python3 is missing")),
          .timeLimit(.minutes(1)))
    func bellRingsOnce() async throws {
        let store = try await EndToEndStore.make()
        defer { store.remove() }
        let settings = store.folder.appendingPathComponent("settings.toml")
        try "[thresholds.pending]\nabove = { alert = 0 }\n".write(to: settings, atomically: true, encoding: .utf8)
        let quiet = try await run(store, ["--settings", settings.path, "--refresh", "0.2"])
        let ringing = try await run(store, ["--settings", settings.path, "--refresh", "0.2", "--bell"])
        #expect(quiet.bytes > 1000 && ringing.bytes > 1000, "no frame drawn: \(quiet), \(ringing)")
        #expect(ringing.bells == quiet.bells + 1, "with --bell \(ringing.bells) BEL, without \(quiet.bells)")
    }
}
