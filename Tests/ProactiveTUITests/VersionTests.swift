import ArgumentParser
@testable import CommandSupport
import Foundation
import Testing
@testable import ProactiveTUI

@Suite struct VersionTests {
    @Test func theVersionNamesTheCommitWhenBuiltFromACheckout() {
        #expect(ReleaseVersion.text(commit: nil) == ReleaseVersion.current)
        #expect(ReleaseVersion.text(commit: "") == ReleaseVersion.current)
        #expect(ReleaseVersion.text(commit: "eb204153be9f-dirty") == ReleaseVersion.current + " (commit eb204153be9f-dirty)")
        // Built from a git checkout (as this one is when `.git` is beside the package), the build read its commit:
        // hexadecimal, then perhaps -dirty.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent(".git").path) else { return }
        let commit = BuildCommit.describe ?? ""
        #expect(commit.range(of: "^[0-9a-f]{7,40}(-dirty)?$", options: .regularExpression) != nil, "\(commit)")
    }

    @Test func dashDashVersionPrintsIt() throws {
        do {
            _ = try RootCommand.parseAsRoot(["--version"])
            Issue.record("--version parsed as a command")
        } catch {
            #expect(RootCommand.message(for: error) == ReleaseVersion.text())
            #expect(RootCommand.exitCode(for: error) == .success)
        }
    }

    /// `--version` alone is answered before the parser, with the parser's own text; anything else is left to it.
    @Test func theEarlyAnswerIsTheParsersAndOnlyForVersionAlone() throws {
        var parserText: String?
        do { _ = try RootCommand.parseAsRoot(["--version"]) } catch { parserText = RootCommand.message(for: error) }
        #expect(EarlyAnswer.answer(["--version"]) == parserText)
        #expect(EarlyAnswer.answer(["--version"]) == ReleaseVersion.text())
        for other in [[], ["--help"], ["--version", "--help"], ["snapshot", "--version"], ["--versio"], ["--VERSION"]] {
            #expect(EarlyAnswer.answer(other) == nil, "\(other)")
        }
    }
}
