import Foundation
import Testing

/// A store of its own plus the dashboard running on it in tmux: the common start of the end-to-end tests.
/// `DashboardHarness.with([...]) { h in … }` sets both up and always tears them down (tmux server, temp folder).
final class DashboardHarness {
    let store: EndToEndStore
    let tmux: TmuxSession

    /// The line the pane prints before the dashboard starts; it is back on screen once the terminal is restored.
    static let shellMarker = "E2E-SHELL-BEFORE"

    private init(store: EndToEndStore, tmux: TmuxSession) {
        self.store = store
        self.tmux = tmux
    }

    /// Imports the samples into a new store, starts `dashboard --db … --tz UTC <arguments>` at `width`×`height`
    /// (the pane prints `EXITED <status>` when the dashboard ends, then stays open), runs `body`, and always
    /// cleans up.
    static func with(_ arguments: [String] = ["--all-dates"], width: Int = 120, height: Int = 35,
                     environment: [String: String] = [:], _ body: (DashboardHarness) async throws -> Void) async throws {
        let store = try await EndToEndStore.make()
        let exports = environment.sorted { $0.key < $1.key }.map { "export \($0.key)=\(shellQuoted($0.value))" }
        let script = (exports + [
            "echo \(shellMarker)",
            store.dashboardCommand(arguments),
            "echo EXITED $?",
            // The shell stays, as an interactive one would: its cursor and modes are what the user gets back.
            "exec sleep 600",
        ]).joined(separator: "\n")
        let tmux: TmuxSession
        do {
            tmux = try await TmuxSession.start(script: script, width: width, height: height, folder: store.folder)
        } catch {
            store.remove()
            throw error
        }
        let harness = DashboardHarness(store: store, tmux: tmux)
        do {
            try await body(harness)
        } catch {
            await harness.close()
            throw error
        }
        await harness.close()
    }

    /// Waits for the first frame (the header with its total, the footer with its hints) and returns it.
    @discardableResult
    func waitForDashboard(sourceLocation: SourceLocation = #_sourceLocation) async throws -> [String] {
        guard let lines = await tmux.waitFor("the first frame", timeout: 20, sourceLocation: sourceLocation, {
            Screen.headerTotal($0) != nil && ($0.last ?? "").contains("quit")
        }) else { throw EndToEndError("the dashboard did not draw its first frame") }
        return lines
    }

    /// Waits until the header's total is `total`.
    @discardableResult
    func waitForTotal(_ total: Int, timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) async -> [String]? {
        await tmux.waitFor("header Total \(total)", timeout: timeout, sourceLocation: sourceLocation) { Screen.headerTotal($0) == total }
    }

    /// Presses `q` and expects the shell to report exit status 0.
    func quit(sourceLocation: SourceLocation = #_sourceLocation) async throws {
        try await tmux.send("q")
        await tmux.waitFor(text: "EXITED 0", sourceLocation: sourceLocation)
    }

    func close() async {
        await tmux.kill()
        store.remove()
    }
}
