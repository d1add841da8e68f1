import ArgumentParser
import CommandSupport

struct RootCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proactive-tui",
        abstract: "A terminal dashboard for proactive outbound deliveries (Dynamics 365 Contact Center).",
        version: ReleaseVersion.text(),
        subcommands: [DashboardCommand.self, DemoCommand.self, ImportCommand.self, SnapshotCommand.self, ExportCommand.self, SyncHandOverCommand.self, BenchCommand.self, BenchStartupCommand.self],
        defaultSubcommand: DashboardCommand.self
    )
}
