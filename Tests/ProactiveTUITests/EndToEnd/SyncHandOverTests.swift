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
/// reads as it did, and only the sync program holds the network side.
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

    /// Whether `bytes` hold `text` (memchr for its first byte, then memcmp: a program is tens of megabytes).
    static func holds(_ bytes: Data, _ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard let first = needle.first else { return true }
        return bytes.withUnsafeBytes { (haystack: UnsafeRawBufferPointer) -> Bool in
            guard let base = haystack.baseAddress, haystack.count >= needle.count else { return false }
            let last = haystack.count - needle.count
            var at = 0
            while at <= last {
                guard let hit = memchr(base + at, Int32(first), last - at + 1) else { return false }
                let offset = base.distance(to: UnsafeRawPointer(hit))
                if memcmp(base + offset, needle, needle.count) == 0 { return true }
                at = offset + 1
            }
            return false
        }
    }

    @Test("only the sync program holds the network side (DataverseSync, its HTTP client) and nothing links libcurl",
          .enabled(if: EndToEnd.executable != nil), .timeLimit(.minutes(2)))
    func onlyTheSyncProgramHoldsTheNetworkSide() async throws {
        let exe = try #require(EndToEnd.executable)
        let sync = exe.deletingLastPathComponent().appendingPathComponent(SyncProgram.executableName)
        // Swift's mangled names carry the module's name with its length: any type of these modules linked into a
        // program leaves them in its symbols.
        let networkModules = ["13DataverseSync", "15AsyncHTTPClient", "7NIOCore"]
        let main = try Data(contentsOf: exe), synced = try Data(contentsOf: sync)
        for module in networkModules {
            #expect(!Self.holds(main, module), "proactive-tui holds \(module)")
        }
        #expect(Self.holds(synced, "13DataverseSync"), "the sync program holds DataverseSync")
        #if os(Linux)
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/ldd") {
            let libraries = try await runProcess("/usr/bin/ldd", [exe.path])
            #expect(libraries.status == 0 && libraries.stdout.contains("libc.so"), "\(libraries.stderr)")
            for library in ["libFoundationNetworking", "libcurl"] {
                #expect(!libraries.stdout.contains(library), "proactive-tui loads \(library)")
            }
        }
        #endif
    }
}
