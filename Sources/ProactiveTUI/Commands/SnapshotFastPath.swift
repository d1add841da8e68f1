import CommandSupport
import DashboardModel

/// `proactive-tui snapshot ...` answered without the argument parser's tree of commands, whose reflection over
/// every command's options costs more than the rest of a snapshot of a month (about 30 M instructions at 1M
/// deliveries). Only plain command lines take this path: `snapshot` followed by `--name value`, `--name=value`
/// and the two flags, each name one of `snapshot`'s own, no name twice (list options excepted), and every value
/// read as the parser would read it. Anything else (help, `--version`, a short or unknown name, a value that
/// begins with `-`, an empty value, a value the option refuses, `--format` and `--table` at odds) is left to the
/// argument parser, so every message, exit code and help text stays the parser's own. A test checks that each
/// command line taken here gives the same request as the parser, and that the names here are those of
/// `snapshot --help`.
enum SnapshotFastPath {
    /// The request these arguments (without the program's name) make, or nil when the parser must read them.
    static func request(_ arguments: [String]) -> SnapshotRequest? {
        guard arguments.first == "snapshot" else { return nil }
        var values: [String: [String]] = [:]
        var flags: Set<String> = []
        var i = 1
        while i < arguments.count {
            let token = arguments[i]
            guard token.hasPrefix("--"), token.count > 2 else { return nil }
            let body = token.dropFirst(2)
            let name: String, value: String
            if let equals = body.firstIndex(of: "=") {
                name = String(body[..<equals])
                value = String(body[body.index(after: equals)...])
                guard !flagNames.contains(name) else { return nil }
            } else {
                name = String(body)
                if flagNames.contains(name) {
                    guard flags.insert(name).inserted else { return nil }
                    i += 1
                    continue
                }
                guard i + 1 < arguments.count else { return nil }
                value = arguments[i + 1]
                i += 1
            }
            guard let kind = optionNames[name], !value.isEmpty, !value.hasPrefix("-"), value != "help" else { return nil }
            if kind == .single, values[name] != nil { return nil }
            values[name, default: []].append(value)
            i += 1
        }
        return request(values: values, flags: flags)
    }

    /// Runs the request when these arguments make one (exiting as `CommandEntry` does); returns otherwise.
    static func runIfPlain(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) {
        guard let request = request(arguments) else { return }
        CommandEntry.finish(RootCommand.self) { try request.run() }
    }

    enum Kind { case single, list }

    /// `snapshot`'s options (`StoreOptions`, `FilterOptions`, `ViewOptions`, `ComplianceOptions` and its own).
    static let optionNames: [String: Kind] = [
        "db": .single, "from": .single, "to": .single, "last": .single, "tz": .single,
        "channel": .list, "queue": .list, "config": .list, "status": .list, "result": .list, "dial-mode": .list,
        "conversation-type": .list, "direction": .list,
        "settings": .single, "view": .single, "abandon-rule": .single,
        "format": .single, "table": .single, "width": .single, "height": .single,
    ]
    static let flagNames: Set<String> = ["all-dates", "ascii"]

    private static func request(values: [String: [String]], flags: Set<String>) -> SnapshotRequest? {
        func one(_ name: String) -> String? { values[name]?.first }
        func list(_ name: String) -> [String] { values[name] ?? [] }
        var store = StoreOptions()
        store.db = one("db")
        var filters = FilterOptions()
        filters.from = one("from")
        filters.to = one("to")
        if let text = one("last") {
            guard let n = try? FlagBounds.last.parse(text) else { return nil }
            filters.last = n
        } else {
            filters.last = nil
        }
        filters.allDates = flags.contains("all-dates")
        filters.tz = one("tz")
        filters.channel = list("channel")
        filters.queue = list("queue")
        filters.config = list("config")
        filters.status = list("status")
        filters.result = list("result")
        filters.dialMode = list("dial-mode")
        filters.conversationType = list("conversation-type")
        filters.direction = list("direction")
        var view = ViewOptions()
        view.settings = one("settings")
        view.view = one("view")
        var compliance = ComplianceOptions()
        if let text = one("abandon-rule") {
            guard let rule = AbandonRule(rawValue: text) else { return nil }
            compliance.abandonRule = rule
        } else {
            compliance.abandonRule = nil
        }
        var format = SnapshotCommand.Format.json
        if let text = one("format") {
            guard let f = SnapshotCommand.Format(rawValue: text) else { return nil }
            format = f
        }
        var table: DashboardTableCSV.Table?
        if let text = one("table") {
            guard let t = DashboardTableCSV.Table(rawValue: text) else { return nil }
            table = t
        }
        var width = 120, height = 35
        if let text = one("width") {
            guard let w = try? FlagBounds.width.parse(text) else { return nil }
            width = w
        }
        if let text = one("height") {
            guard let h = try? FlagBounds.height.parse(text) else { return nil }
            height = h
        }
        let request = SnapshotRequest(store: store, filterOptions: filters, viewOptions: view, compliance: compliance,
                                      format: format, table: table, width: width, height: height,
                                      ascii: flags.contains("ascii"))
        return request.formatProblem == nil ? request : nil
    }
}
