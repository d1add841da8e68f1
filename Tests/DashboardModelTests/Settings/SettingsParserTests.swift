import DashboardModel
import SettingsTOML
import Testing

@Suite struct SettingsParserTests {
    func parse(_ text: String) throws -> Settings { try SettingsParser.parse(text, file: "s.toml") }

    /// The error `text` gives, with its place.
    func failure(_ text: String) -> SettingsError? {
        do {
            _ = try parse(text)
            return nil
        } catch let error as SettingsError {
            return error
        } catch {
            return nil
        }
    }

    @Test func goodFileKeepsViewsInFileOrderAndReadsEveryKind() throws {
        let s = try parse("""
            # comment
            abandon-rule = "uk-24h"

            [views.zeta]
            last = 7
            channel = "Voice"

            [views.alpha]
            from = "2026-11-01"
            to = "2026-11-28"
            tz = "America/New_York"
            queue = ["Collections Q", "3cfb9059-d533-444c-9f3c-000000000001"]
            all-dates = false

            [thresholds.abandoned-rate]
            above = { warn = 0.02, alert = 0.03 }

            [thresholds]
            connect-rate.below = { warn = 0.5, alert = 0.4 }
            pending = { above = { alert = 500 } }
            """)
        #expect(s.viewNames == ["zeta", "alpha"])
        #expect(s.abandonRule == .uk24h)
        let zeta = try #require(s.view(named: "zeta"))
        #expect(zeta.entries.map(\.key) == [.last, .channel])
        #expect(zeta.entry(.last)?.value == .number(7))
        #expect(zeta.entry(.channel)?.value == .list(["Voice"]))
        #expect(zeta.entry(.last)?.line == 5 && zeta.entry(.last)?.column == 1)
        let alpha = try #require(s.view(named: "alpha"))
        #expect(alpha.entries.map(\.key) == [.from, .to, .tz, .queue, .allDates])
        #expect(alpha.entry(.queue)?.value == .list(["Collections Q", "3cfb9059-d533-444c-9f3c-000000000001"]))
        #expect(s.thresholds[.abandonedRate] == ThresholdRule(.above, warn: 0.02, alert: 0.03))
        #expect(s.thresholds[.connectRate] == ThresholdRule(.below, warn: 0.5, alert: 0.4))
        #expect(s.thresholds[.pending] == ThresholdRule(.above, alert: 500))
    }

    @Test func emptyFileIsNoSettings() throws {
        #expect(try parse("") == .empty)
        #expect(try parse("# nothing yet\n") == .empty)
    }

    @Test func syntaxErrorHasLineAndColumn() throws {
        let e = try #require(failure("[views.a]\nlast = 7\nchannel = [\"Voice\"\n"))
        guard case .syntax = e.problem else { Issue.record("not a syntax error: \(e)"); return }
        #expect(e.line == 4 || e.line == 3)
        #expect(e.column != nil)
        #expect(e.place.hasPrefix("s.toml:"))
        let header = try #require(failure("[views.a\nlast = 7\n"))
        #expect(header.line == 1 && header.column == 9)
    }

    @Test func unknownKeysAreErrorsAtTheirPlace() throws {
        let root = try #require(failure("colour = true\n"))
        #expect(root.problem == .unknownKey(path: "colour", accepted: SettingsParser.rootKeys))
        #expect(root.line == 1 && root.column == 1)
        let inView = try #require(failure("[views.a]\nlast = 7\n  chanel = \"Voice\"\n"))
        #expect(inView.line == 3 && inView.column == 3)
        guard case .unknownKey(let path, let accepted) = inView.problem else { Issue.record("\(inView)"); return }
        #expect(path == "views.a.chanel")
        #expect(accepted.contains("channel") && accepted.contains("dial-mode"))
        let figure = try #require(failure("[thresholds.abandon-rate]\nabove = { warn = 0.02 }\n"))
        #expect(figure.line == 1 && figure.column == 13)
        let level = try #require(failure("[thresholds.pending]\nabove = { warn = 1, alarm = 2 }\n"))
        #expect(level.line == 2 && level.column == 21)
        #expect(level.problem == .unknownKey(path: "thresholds.pending.above.alarm", accepted: ["warn", "alert"]))
    }

    @Test func wrongTypesAreErrorsAtTheirPlace() throws {
        let last = try #require(failure("[views.a]\nlast = 7.5\n"))
        #expect(last.problem == .wrongType(path: "views.a.last", expected: "a whole number of days", found: "a floating-point number"))
        #expect(last.line == 2 && last.column == 1)
        let list = try #require(failure("[views.a]\nstatus = [\"Complete\", 3]\n"))
        #expect(list.problem == .wrongType(path: "views.a.status", expected: "a string or an array of strings", found: "an array"))
        let all = try #require(failure("[views.a]\nall-dates = \"yes\"\n"))
        #expect(all.problem == .wrongType(path: "views.a.all-dates", expected: "true or false", found: "a string"))
        let views = try #require(failure("views = 3\n"))
        #expect(views.line == 1 && views.column == 1)
        let level = try #require(failure("[thresholds.pending]\nabove = { warn = \"10\" }\n"))
        #expect(level.problem == .wrongType(path: "thresholds.pending.above.warn", expected: "a number", found: "a string"))
    }

    @Test func badValuesAreErrorsAtTheirPlace() throws {
        let share = try #require(failure("[thresholds.abandoned-rate]\nabove = { warn = 3 }\n"))
        #expect(share.problem == .badValue(path: "thresholds.abandoned-rate.above.warn", reason: "a share from 0 to 1 (3% is 0.03)"))
        #expect(share.line == 2 && share.column == 11)
        let order = try #require(failure("[thresholds.connect-rate]\nbelow = { warn = 0.4, alert = 0.5 }\n"))
        #expect(order.line == 2 && order.column == 11)
        let both = try #require(failure("[thresholds.pending]\nabove = { warn = 1 }\nbelow = { warn = 0 }\n"))
        #expect(both.problem == .badValue(path: "thresholds.pending", reason: "takes above or below, not both"))
        let none = try #require(failure("[thresholds.pending]\nabove = {}\n"))
        #expect(none.problem == .badValue(path: "thresholds.pending.above", reason: "needs warn, alert or both"))
        let name = try #require(failure("[views.\"team a\"]\nlast = 1\n"))
        #expect(name.line == 1)
        let rule = try #require(failure("abandon-rule = \"eu\"\n"))
        #expect(rule.problem == .badValue(path: "abandon-rule", reason: "takes us-30d or uk-24h"))
    }

    /// Strings that hold TOML's own syntax do not mislead the locator.
    @Test func locatorSkipsStringsAndComments() throws {
        let e = try #require(failure("""
            # [views.fake]
            [views.a]
            tz = "x = [y] # z"
            channel = ['''a]
            b''']
              bad = 1
            """))
        #expect(e.line == 6 && e.column == 3)
    }
}
