import ArgumentParser
import CoreValues
import CommandSupport
import DashboardModel
import Foundation

/// The filter flags shared by `dashboard`, `demo` and `snapshot` (CONTRACT.md "Filters").
struct FilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("First day of the duration (inclusive), in the time zone.", valueName: "YYYY-MM-DD"))
    var from: String?
    @Option(help: ArgumentHelp("Last day of the duration (inclusive), in the time zone.", valueName: "YYYY-MM-DD"))
    var to: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("The last N days including today (default 30; 1 to 36600).", valueName: "N"),
            transform: FlagBounds.last.parse)
    var last: Int?
    @Flag(help: "No date limit.")
    var allDates = false
    @Option(help: ArgumentHelp("IANA time zone for dates. Default $TZ, else the system zone, else UTC.", valueName: "name"))
    var tz: String?

    @Option(help: ArgumentHelp("Channel (repeatable; `all` clears).", valueName: "value")) var channel: [String] = []
    @Option(help: ArgumentHelp("Queue name or id (repeatable).", valueName: "value")) var queue: [String] = []
    @Option(help: ArgumentHelp("Engagement configuration name or id (repeatable).", valueName: "value")) var config: [String] = []
    @Option(help: ArgumentHelp("Delivery status (repeatable).", valueName: "value")) var status: [String] = []
    @Option(help: ArgumentHelp("Delivery result (repeatable).", valueName: "value")) var result: [String] = []
    @Option(help: ArgumentHelp("Dial mode (repeatable).", valueName: "value")) var dialMode: [String] = []
    @Option(help: ArgumentHelp("Conversation type, i.e. engagement type (repeatable; empty reads Unspecified).", valueName: "value"))
    var conversationType: [String] = []
    @Option(help: ArgumentHelp("Conversation direction: Outgoing (default), Incoming, or all.", valueName: "value"))
    var direction: [String] = []

    var request: FilterRequest {
        var r = FilterRequest()
        r.from = from
        r.to = to
        r.last = last
        r.allDates = allDates
        r.timeZone = tz
        r.values = [.channel: channel, .queue: queue, .configuration: config, .status: status, .result: result,
                    .dialMode: dialMode, .conversationType: conversationType,
                    .direction: direction.isEmpty ? [Direction.outgoing.label] : direction]
        return r
    }

    /// Validates against the store's values; on error prints the reason and exits with code 2 (CONTRACT.md).
    func filters(for index: AggregateIndex) throws -> DashboardFilters {
        do {
            return try FilterValidator.validate(request, known: index.knownFilterValues)
        } catch let error as FilterError {
            Console.error(error.commandLineText)
            throw ExitCode(2)
        }
    }

    /// Checks what can be checked without a store (zone, dates), so a typo fails before any work starts.
    func precheck() throws {
        do {
            try check()
        } catch let error as FilterError {
            Console.error(error.commandLineText)
            throw ExitCode(2)
        }
    }

    /// The date range and zone these flags choose (no list filter: those need the store), checked as `precheck`
    /// checks them.
    func dateScope() throws -> DashboardFilters {
        var r = request
        r.values = [:]
        return try FilterValidator.validate(r)
    }

    /// What `precheck` checks, as a typed error (a view's values are checked with it and placed in the file).
    func check() throws {
        _ = try FilterValidator.validateZone(tz, environment: ProcessEnvironment.values)
        var r = request
        r.values = [:]
        _ = try FilterValidator.validate(r)
    }

    /// These filters (a view's) with the flags given in `flags` laid over them: any date flag replaces the view's
    /// whole date range (`--last 7` beside a view with `from`/`to`), `--tz` its zone, each list flag that list.
    func overlaid(by flags: FilterOptions) -> FilterOptions {
        var out = self
        if flags.from != nil || flags.to != nil || flags.last != nil || flags.allDates {
            out.from = flags.from
            out.to = flags.to
            out.last = flags.last
            out.allDates = flags.allDates
        }
        if let tz = flags.tz { out.tz = tz }
        if !flags.channel.isEmpty { out.channel = flags.channel }
        if !flags.queue.isEmpty { out.queue = flags.queue }
        if !flags.config.isEmpty { out.config = flags.config }
        if !flags.status.isEmpty { out.status = flags.status }
        if !flags.result.isEmpty { out.result = flags.result }
        if !flags.dialMode.isEmpty { out.dialMode = flags.dialMode }
        if !flags.conversationType.isEmpty { out.conversationType = flags.conversationType }
        if !flags.direction.isEmpty { out.direction = flags.direction }
        return out
    }
}
