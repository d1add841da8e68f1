import DashboardModel
import Foundation
@testable import SettingsTOML
import Testing

@Suite struct SettingsEditorTests {
    let file = """
        # Team settings: keep this comment
        [views.morning]   # the early shift
        last = 1
        channel = ["Voice"]

        # Thresholds follow
        [thresholds.abandoned-rate]
        above = { warn = 0.02, alert = 0.03 }

        [views.evening]
        last = 2
        """

    var filters: DashboardFilters {
        DashboardFilters(range: .between(LocalDate(year: 2026, month: 11, day: 2), LocalDate(year: 2026, month: 11, day: 6)),
                         timeZone: "Asia/Kathmandu", selections: [.status: ["Complete", "Expired"], .queue: ["q-1"]])
    }

    @Test func replacingKeepsCommentsAndOrder() throws {
        let (text, outcome) = try SettingsEditor.edit(file, name: "morning", entries: ViewTable.entries(for: filters), file: "s.toml")
        #expect(outcome == .replaced)
        #expect(text == """
            # Team settings: keep this comment
            [views.morning]
            from = "2026-11-02"
            to = "2026-11-06"
            tz = "Asia/Kathmandu"
            queue = ["q-1"]
            status = ["Complete", "Expired"]
            direction = ["all"]

            # Thresholds follow
            [thresholds.abandoned-rate]
            above = { warn = 0.02, alert = 0.03 }

            [views.evening]
            last = 2
            """)
        let settings = try SettingsParser.parse(text, file: "s.toml")
        #expect(settings.viewNames == ["morning", "evening"])
        // Direction was cleared (all): written as such, since no key means the default Outgoing.
        #expect(settings.view(named: "morning")?.entry(.direction)?.value == .list(["all"]))
    }

    @Test func addingAppendsAtTheEnd() throws {
        var f = DashboardFilters(range: .all, timeZone: "UTC", selections: [:])
        f.set(.channel, ["SMS"])
        let (text, outcome) = try SettingsEditor.edit(file, name: "night-1", entries: ViewTable.entries(for: f), file: "s.toml")
        #expect(outcome == .added)
        #expect(text.hasPrefix(file + "\n\n[views.night-1]\nall-dates = true\ntz = \"UTC\"\nchannel = [\"SMS\"]\ndirection = [\"all\"]\n"))
        let (empty, _) = try SettingsEditor.edit("", name: "a", entries: ViewTable.entries(for: .defaults(timeZone: "UTC")), file: "s.toml")
        #expect(empty == "[views.a]\nlast = 30\ntz = \"UTC\"\n")
    }

    /// Values from the store are hostile: quotes, backslashes, newlines and escapes read back as themselves.
    @Test func hostileValuesRoundTrip() throws {
        let nasty = "Q \"1\" \\ \n[views.x]\u{1b}[31m\u{7f}"
        var f = DashboardFilters(timeZone: "UTC")
        f.set(.queue, [nasty])
        let (text, _) = try SettingsEditor.edit("", name: "h", entries: ViewTable.entries(for: f), file: "s.toml")
        let view = try #require(try SettingsParser.parse(text, file: "s.toml").view(named: "h"))
        #expect(view.entry(.queue)?.value == .list([nasty]))
        #expect(text.components(separatedBy: "\n").filter { $0.hasPrefix("[") } == ["[views.h]"])
    }

    @Test func refusals() throws {
        // A view written inline is not rewritten.
        #expect(throws: SettingsError.self) {
            try SettingsEditor.edit("views.a.last = 3\n", name: "a", entries: [], file: "s.toml")
        }
        // A file that does not parse is not touched.
        #expect(throws: SettingsError.self) {
            try SettingsEditor.edit("[views.a\n", name: "b", entries: [], file: "s.toml")
        }
    }

    /// `save` writes through a temporary file and keeps the file's permissions; it creates the folder.
    @Test func saveWritesTheFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("settings-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("sub/settings.toml").path
        #expect(try SettingsEditor.save(name: "a", filters: .defaults(timeZone: "UTC"), to: path) == .added)
        chmod(path, 0o600)
        #expect(try SettingsEditor.save(name: "a", filters: filters, to: path) == .replaced)
        let settings = try SettingsFile.load(path: path)
        #expect(settings.view(named: "a")?.entry(.tz)?.value == .text("Asia/Kathmandu"))
        var info = stat()
        #expect(stat(path, &info) == 0 && info.st_mode & 0o777 == 0o600)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("sub").path)
        #expect(leftovers == ["settings.toml"])
        #expect(throws: SettingsError.self) { try SettingsEditor.save(name: "a b", filters: filters, to: path) }
        // A file that is not a regular one (a pipe here; a device such as /dev/null alike) is never replaced by a
        // regular file. The test makes its own pipe: a regression must not be able to damage the machine's devices.
        let pipe = dir.appendingPathComponent("pipe.toml").path
        #expect(mkfifo(pipe, 0o600) == 0)
        #expect(throws: SettingsError.self) {
            try SettingsEditor.save(name: "a", filters: filters, to: pipe)
        }
        var fifo = stat()
        #expect(stat(pipe, &fifo) == 0 && fifo.st_mode & S_IFMT == S_IFIFO)
    }

    @Test func missingFiles() throws {
        #expect(try SettingsFile.load(path: nil, environment: ["XDG_CONFIG_HOME": "/nonexistent-\(UUID().uuidString)"]) == .empty)
        #expect(throws: SettingsError(file: "/nonexistent.toml", .missingFile)) { try SettingsFile.load(path: "/nonexistent.toml") }
        #expect(SettingsFile.defaultPath(environment: ["XDG_CONFIG_HOME": "/x"]) == "/x/proactive-tui/settings.toml")
        #expect(SettingsFile.defaultPath(environment: ["HOME": "/h"]) == "/h/.config/proactive-tui/settings.toml")
    }
}
