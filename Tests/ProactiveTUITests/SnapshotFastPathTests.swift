import ArgumentParser
import Foundation
import Testing
@testable import ProactiveTUI

/// `snapshot` command lines answered without the argument parser's tree (`SnapshotFastPath`): each one taken must
/// make the request the parser makes of it; anything unusual must be left to the parser (its help, messages and
/// exit codes); and the short path must know exactly the options `snapshot --help` lists.
@Suite struct SnapshotFastPathTests {
    /// Every value of a request, as text (the option groups are property wrappers, not `Equatable`).
    static func key(_ r: SnapshotRequest) -> [String] {
        let f = r.filterOptions
        let lists = [f.channel, f.queue, f.config, f.status, f.result, f.dialMode, f.conversationType, f.direction]
        return [r.store.db ?? "-", f.from ?? "-", f.to ?? "-", f.last.map(String.init) ?? "-", "\(f.allDates)", f.tz ?? "-"]
            + lists.map { $0.joined(separator: "|") + "#\($0.count)" }
            + [r.viewOptions.settings ?? "-", r.viewOptions.view ?? "-", r.compliance.abandonRule?.rawValue ?? "-",
               r.format.rawValue, r.table?.rawValue ?? "-", "\(r.width)", "\(r.height)", "\(r.ascii)"]
    }

    static func parsed(_ arguments: [String]) throws -> SnapshotRequest {
        let command = try RootCommand.parseAsRoot(arguments)
        return try #require(command as? SnapshotCommand).request
    }

    static let plain: [[String]] = [
        ["snapshot"],
        ["snapshot", "--format", "json", "--db", "/tmp/x.sqlite", "--tz", "UTC", "--from", "2026-11-02", "--to", "2026-12-01"],
        ["snapshot", "--format=json", "--db=/tmp/a=b.sqlite", "--last", "30", "--tz=America/New_York"],
        ["snapshot", "--all-dates", "--queue", "Q1", "--queue", "Collections Q", "--config", "Payment Reminder",
         "--status", "Complete", "--result", "CallEnded", "--result=Abandoned", "--dial-mode", "Progressive",
         "--conversation-type", "AI", "--direction", "all", "--channel", "Voice"],
        ["snapshot", "--format", "text", "--width", "80", "--height", "20", "--ascii", "--abandon-rule", "uk-24h"],
        ["snapshot", "--format", "csv", "--table", "queue", "--settings", "/tmp/s.toml", "--view", "night"],
        ["snapshot", "--last=1", "--width=1000", "--height=500", "--abandon-rule=us-30d", "--format", "csv", "--table=date"],
        ["snapshot", "--from", "2026-02-30", "--to", "not a date", "--tz", "Mars/Olympus"],  // the command's own checks
        ["snapshot", "--queue", "a b \u{1b}[31m", "--queue", "é", "--direction", "Incoming", "--direction", "Outgoing"],
    ]

    @Test func plainCommandLinesMakeTheParsersRequest() throws {
        for arguments in Self.plain {
            let fast = try #require(SnapshotFastPath.request(arguments), "\(arguments) should take the short path")
            #expect(Self.key(fast) == Self.key(try Self.parsed(arguments)), "\(arguments)")
        }
    }

    static let leftToTheParser: [[String]] = [
        [], ["--version"], ["dashboard"], ["snapshots"], ["export", "--format", "csv"],
        ["snapshot", "--help"], ["snapshot", "-h"], ["snapshot", "help"], ["snapshot", "--version"],
        ["snapshot", "--experimental-dump-help"], ["snapshot", "--generate-completion-script", "bash"],
        ["snapshot", "--format", "xml"], ["snapshot", "--format", "csv"], ["snapshot", "--table", "queue"],
        ["snapshot", "--width", "10"], ["snapshot", "--width", "abc"], ["snapshot", "--last", "0"], ["snapshot", "--last", "-5"],
        ["snapshot", "--height", "501"], ["snapshot", "--abandon-rule", "eu"], ["snapshot", "--table", "nothing", "--format", "csv"],
        ["snapshot", "--db"], ["snapshot", "--db", "--tz", "UTC"], ["snapshot", "--tz", ""], ["snapshot", "--tz="],
        ["snapshot", "--queue", "-Q1"], ["snapshot", "--queue", "help"], ["snapshot", "--ascii=true"],
        ["snapshot", "--ascii", "--ascii"], ["snapshot", "--tz", "UTC", "--tz", "UTC"], ["snapshot", "--no-such-flag"],
        ["snapshot", "positional"], ["snapshot", "--", "--tz"], ["snapshot", "-tz", "UTC"], ["snapshot", "--"],
        ["snapshot", "--Format", "json"],
    ]

    @Test func anythingElseIsLeftToTheParser() {
        for arguments in Self.leftToTheParser {
            #expect(SnapshotFastPath.request(arguments) == nil, "\(arguments)")
        }
    }

    /// The long names `snapshot --help` lists, but `--help` itself.
    @Test func theShortPathKnowsExactlyTheOptionsOfSnapshotHelp() throws {
        let help = RootCommand.helpMessage(for: SnapshotCommand.self, columns: 400)
        var names = Set<String>()
        let regex = try NSRegularExpression(pattern: "(?<![A-Za-z0-9-])--([a-z][a-z0-9-]*)")
        let text = help as NSString
        for match in regex.matches(in: help, range: NSRange(location: 0, length: text.length)) {
            names.insert(text.substring(with: match.range(at: 1)))
        }
        names.remove("help")
        names.remove("version")
        // Words in the options' help texts that are flags of other commands, not of `snapshot`.
        let known = Set(SnapshotFastPath.optionNames.keys).union(SnapshotFastPath.flagNames)
        #expect(known.isSubset(of: names), "missing from help: \(known.subtracting(names).sorted())")
        #expect(names.subtracting(known).isEmpty, "options the short path does not know: \(names.subtracting(known).sorted())")
    }
}
