import ArgumentParser

/// The drill-down list's options (`dashboard`, `demo`).
struct DrilldownOptions: ParsableArguments {
    @Flag(help: "The list (x) shows to-addresses as stored (default: masked, •••••••1234).") var showAddresses = false
    @Option(help: ArgumentHelp("Where e in the list writes its CSV file (default: the working directory).", valueName: "dir"))
    var exportDir: String = "."
}
