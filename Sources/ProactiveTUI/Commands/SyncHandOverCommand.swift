import ArgumentParser
import CommandSupport

/// `sync` as `proactive-tui --help` lists it. The command itself is the sync program's: `SyncHandOver` hands
/// `proactive-tui sync ...` over to it before this parser runs, so this entry only names the command, and hands over
/// whatever command line still reaches it.
struct SyncHandOverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: SyncProgram.commandName, abstract: SyncProgram.abstract)

    @Argument(parsing: .captureForPassthrough, help: ArgumentHelp(visibility: .private))
    var arguments: [String] = []

    func run() throws { SyncHandOver.exec([SyncProgram.commandName] + arguments) }
}
