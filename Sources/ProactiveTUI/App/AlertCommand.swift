import DashboardModel
import CoreValues
import Foundation

/// Runs `--on-alert CMD` for a figure that rose over a level: `/bin/sh -c CMD` (the user's own command line, as
/// `--token-command` is run), with the figure, the level and its value only in the environment
/// (`PROACTIVE_TUI_FIGURE=abandoned-rate`, `PROACTIVE_TUI_LEVEL=alert`, `PROACTIVE_TUI_VALUE=0.0312`), never
/// spliced into the command's text. The command's input and output are /dev/null (the dashboard owns the terminal);
/// it runs beside the dashboard, which does not wait for it, and at most 8 run at once.
final class AlertCommand {
    let command: String
    private var running: [Process] = []
    static let maxRunning = 8

    init(command: String) { self.command = command }

    /// The environment the command gets for `event`, on top of the dashboard's own.
    static func environment(for event: AlertEvent, base: [String: String] = ProcessEnvironment.values) -> [String: String] {
        var env = base
        env["PROACTIVE_TUI_FIGURE"] = event.figure.rawValue
        env["PROACTIVE_TUI_LEVEL"] = event.level.name
        env["PROACTIVE_TUI_VALUE"] = valueText(event.value)
        return env
    }

    /// The value in the settings' unit: `149`, `0.0312`, `inf` (time to clear with nothing processed).
    static func valueText(_ value: Double) -> String {
        if value.isInfinite { return "inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// Starts the command; returns why it could not start, if it could not.
    func run(_ event: AlertEvent) -> String? {
        running.removeAll { !$0.isRunning }
        guard running.count < Self.maxRunning else { return "--on-alert: \(Self.maxRunning) commands still running; not started" }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.environment = Self.environment(for: event)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return "--on-alert could not start: \(error.localizedDescription)"
        }
        running.append(process)
        return nil
    }
}
