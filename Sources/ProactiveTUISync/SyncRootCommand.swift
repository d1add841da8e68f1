import ArgumentParser
import CommandSupport

/// The sync program's command line: the same `proactive-tui sync ...` as before the split (help and errors say
/// `proactive-tui sync`), with `sync` as the default, so the program also runs as `proactive-tui-sync --org ...`.
struct SyncRootCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proactive-tui",
        abstract: "The sync program of proactive-tui (proactive-tui sync runs it).",
        version: ReleaseVersion.text(),
        subcommands: [SyncCommand.self],
        defaultSubcommand: SyncCommand.self
    )
}
