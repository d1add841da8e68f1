import Foundation
import PackagePlugin

/// Writes `BuildCommit.swift` (the checkout's `git describe --always --dirty`, or nil when the package is not a git
/// checkout or git is missing) into the plugin's work folder before every build, so `--version` names the commit
/// without a generated file in the source tree.
@main
struct BuildCommitPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appending(path: "generated")
        let file = output.appending(path: "BuildCommit.swift").path(percentEncoded: false)
        let package = context.package.directoryURL.path(percentEncoded: false)
        // Only lower-case letters, digits and "-" reach the Swift literal, whatever git prints.
        let script = """
            mkdir -p "$1" && c=$(git -C "$2" describe --always --dirty --abbrev=12 2>/dev/null | tr -cd '0-9a-z-' | head -c 40)
            if [ -n "$c" ]; then v="\\"$c\\""; else v=nil; fi
            printf '/// Generated at build time by BuildCommitPlugin.\\nenum BuildCommit {\\n    static let describe: String? = %s\\n}\\n' "$v" > "$3.tmp"
            cmp -s "$3.tmp" "$3" || mv "$3.tmp" "$3"; rm -f "$3.tmp"
            """
        return [.prebuildCommand(
            displayName: "Reading the git commit for --version",
            executable: URL(fileURLWithPath: "/bin/sh"),
            arguments: ["-c", script, "sh", output.path(percentEncoded: false), package, file],
            outputFilesDirectory: output
        )]
    }
}
