import CommandSupport
import Foundation

/// `proactive-tui sync ...` (and `proactive-tui help sync ...`) run the sync program, `proactive-tui-sync`, in this
/// process's place (`execv`: same process id, same standard streams and environment, the same arguments), before the
/// argument parser runs: only that program holds the network side (`SyncProgram`). It is looked for in the
/// directory of the running executable (`/proc/self/exe`), where `swift build` and an install put both programs.
/// When it is missing, or cannot be run, the command fails with one line naming the path looked at (exit 2).
enum SyncHandOver {
    /// The exit code when the sync program cannot be run.
    static let missingExitCode: Int32 = 2

    /// Whether these arguments (without the program's name) belong to the sync program.
    static func handsOver(_ arguments: [String]) -> Bool {
        if arguments.first == SyncProgram.commandName { return true }
        return arguments.count >= 2 && arguments[0] == "help" && arguments[1] == SyncProgram.commandName
    }

    /// The sync program's path for a running executable's path: the same directory.
    static func programPath(besideExecutable executable: String) -> String {
        URL(fileURLWithPath: executable).deletingLastPathComponent().appendingPathComponent(SyncProgram.executableName).path
    }

    /// Hands over and never returns when the arguments are the sync program's; returns otherwise.
    static func execIfSync(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) {
        guard handsOver(arguments) else { return }
        exec(arguments)
    }

    /// Runs the sync program with `arguments` in this process's place; exits 2 with one line when it cannot.
    static func exec(_ arguments: [String]) -> Never {
        guard let executable = runningExecutable() else {
            Console.error("sync runs the program \(SyncProgram.executableName), but the path of this program cannot be read (/proc/self/exe)")
            exit(missingExitCode)
        }
        let path = programPath(besideExecutable: executable)
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        argv.withUnsafeBufferPointer { if let base = $0.baseAddress { _ = execv(path, base) } }
        // Only when execv failed.
        let reason = String(cString: strerror(errno))
        Console.error("sync runs the program \(SyncProgram.executableName), which cannot be run from \(path) (\(reason)): "
                      + "install it beside proactive-tui, from the same build")
        exit(missingExitCode)
    }

    /// The running executable's path, symbolic links resolved.
    static func runningExecutable() -> String? {
        #if os(Linux)
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        return String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        #else
        return Bundle.main.executableURL?.resolvingSymlinksInPath().path
        #endif
    }
}
