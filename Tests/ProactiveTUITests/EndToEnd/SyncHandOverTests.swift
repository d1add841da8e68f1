import CommandSupport
import Foundation
import Testing
@testable import ProactiveTUI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `sync` is its own program, `proactive-tui-sync`: `proactive-tui sync ...` runs it in its place, the command line
/// reads as it did, and only the sync program links Foundation's networking (libcurl).
@Suite("End to end: the sync program")
struct SyncHandOverTests {
    @Test func theSyncCommandLinesAreHandedOverAndNoOther() {
        for handed in [["sync"], ["sync", "--once", "--org", "https://o"], ["sync", "--help"], ["help", "sync"], ["help", "sync", "x"]] {
            #expect(SyncHandOver.handsOver(handed), "\(handed)")
        }
        for kept in [[], ["--version"], ["help"], ["snapshot"], ["snapshot", "sync"], ["import", "sync"], ["help", "snapshot"],
                     ["Sync"], ["--help", "sync"], ["synced"]] {
            #expect(!SyncHandOver.handsOver(kept), "\(kept)")
        }
        #expect(SyncHandOver.programPath(besideExecutable: "/usr/local/bin/proactive-tui") == "/usr/local/bin/proactive-tui-sync")
        #expect(SyncHandOver.programPath(besideExecutable: "/opt/a b/proactive-tui") == "/opt/a b/proactive-tui-sync")
        #expect(SyncHandOver.runningExecutable().map { FileManager.default.isExecutableFile(atPath: $0) } == true)
    }

    @Test("--help lists sync; sync --help and help sync are the sync command's help, as proactive-tui sync",
          .enabled(if: EndToEnd.executable != nil), .timeLimit(.minutes(1)))
    func helpReadsAsBefore() async throws {
        let exe = try #require(EndToEnd.executable).path
        let root = try await runProcess(exe, ["--help"])
        #expect(root.status == 0)
        #expect(root.stdout.contains("  sync                    Read the organization's proactive-engagement tables"), "\(root.stdout)")
        for arguments in [["sync", "--help"], ["help", "sync"]] {
            let help = try await runProcess(exe, arguments)
            #expect(help.status == 0, "\(arguments): \(help.stderr)")
            #expect(help.stdout.contains("USAGE: proactive-tui sync <options>"), "\(arguments): \(help.stdout)")
            for flag in ["--org <url>", "--once", "--interval <seconds>", "--token-command <command>", "--device-login", "--status", "--db <path>"] {
                #expect(help.stdout.contains(flag), "\(arguments): \(flag)")
            }
        }
        let version = try await runProcess(exe, ["sync", "--version"])
        #expect(version.status == 0 && version.stdout == ReleaseVersion.text() + "\n", "\(version.stdout)")
        let usage = try await runProcess(exe, ["sync"])
        #expect(usage.status == 2)
        #expect(usage.stderr.contains("--org is required") && usage.stderr.contains("See 'proactive-tui sync --help'"), "\(usage.stderr)")
    }

    @Test("without proactive-tui-sync beside it, sync fails with one line naming the path (exit 2)",
          .enabled(if: EndToEnd.executable != nil), .timeLimit(.minutes(1)))
    func aMissingSyncProgramIsOneLine() async throws {
        let exe = try #require(EndToEnd.executable)
        // The program alone in a folder: a hard link (same file, another directory) where the file system allows it,
        // else a copy.
        let folder = exe.deletingLastPathComponent().appendingPathComponent("handover-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let alone = folder.appendingPathComponent("proactive-tui")
        if link(exe.path, alone.path) != 0 { try FileManager.default.copyItem(at: exe, to: alone) }
        let result = try await runProcess(alone.path, ["sync", "--status", "--db", folder.appendingPathComponent("s.sqlite").path])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        let expected = folder.appendingPathComponent("proactive-tui-sync").path
        #expect(result.stderr == "proactive-tui: sync runs the program proactive-tui-sync, which cannot be run from \(expected) "
                + "(No such file or directory): install it beside proactive-tui, from the same build\n", "\(result.stderr)")
        // Every other command still runs.
        let other = try await runProcess(alone.path, ["--version"])
        #expect(other.status == 0 && other.stdout == ReleaseVersion.text() + "\n")
    }

    #if os(Linux)
    @Test("proactive-tui links neither Foundation's networking nor libcurl; the sync program loads",
          .enabled(if: EndToEnd.executable != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/ldd")),
          .timeLimit(.minutes(1)))
    func onlyTheSyncProgramLinksNetworking() async throws {
        let exe = try #require(EndToEnd.executable)
        let sync = exe.deletingLastPathComponent().appendingPathComponent(SyncProgram.executableName)
        let networking = ["libFoundationNetworking", "libcurl"]
        let main = try await runProcess("/usr/bin/ldd", [exe.path])
        #expect(main.status == 0 && main.stdout.contains("libc.so"), "\(main.stderr)")
        for library in networking { #expect(!main.stdout.contains(library), "proactive-tui loads \(library)") }
        // The sync program's HTTP is AsyncHTTPClient (SwiftNIO, linked into it) since main's 7ac6309, so it names
        // neither library now; its libraries resolve.
        let synced = try await runProcess("/usr/bin/ldd", [sync.path])
        #expect(synced.status == 0 && synced.stdout.contains("libc.so") && !synced.stdout.contains("not found"), "\(synced.stderr)")
    }
    #endif
}
