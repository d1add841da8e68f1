import ArgumentParser
import DashboardModel

/// `--abandon-rule` on `dashboard`, `demo` and `snapshot`: the window of the compliance figure.
struct ComplianceOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The abandoned-call window: us-30d (FTC/FCC: the 30 days ending with the range's last day; default) or uk-24h (Ofcom: that day).",
        valueName: "rule"))
    var abandonRule: AbandonRule?

    /// The rule in force: the flag, else `fallback` (a setting), else us-30d.
    func rule(fallback: AbandonRule? = nil) -> AbandonRule { abandonRule ?? fallback ?? .default }
}

extension AbandonRule: ExpressibleByArgument {}
