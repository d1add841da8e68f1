// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "proactive-tui",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "proactive-tui", targets: ["ProactiveTUI"]),
        // `sync`, a program of its own: the only one that holds the network side (DataverseSync, AsyncHTTPClient,
        // SwiftNIO), which every start would load; `proactive-tui sync ...` runs it in its place (`SyncHandOver`).
        .executable(name: "proactive-tui-sync", targets: ["ProactiveTUISync"]),
        .library(name: "DashboardModel", targets: ["DashboardModel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        .target(
            name: "CursesBridge",
            linkerSettings: [.linkedLibrary("ncursesw")]
        ),
        // Values with no domain that the model and the terminal side share: which text may be shown as it is
        // (`TextSafety`, the one definition of unsafe text) and a calendar day (`LocalDate`).
        .target(name: "CoreValues"),
        // The terminal side, knowing nothing of deliveries: cells, grid, text width, glyphs, layout, widgets (which
        // take widget values) and the curses backend.
        .target(name: "TerminalUI", dependencies: ["CoreValues", "CursesBridge"]),
        .target(
            name: "DashboardModel",
            dependencies: [
                "CoreValues",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            // Exclusive access to variables is checked at run time in debug builds (and so in every test run); release
            // builds leave those checks out: on the import's hot paths they cost about 6% of its time.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
        ),
        // The settings file (settings.toml): read with TOMLKit (toml++, C++), edited as text to save a view. Apart from
        // the model because TOMLKit's values take literals of every kind: imported into the model, they slow its type
        // checking past the compiler's limit. Its import is internal, so no client sees TOMLKit.
        .target(name: "SettingsTOML", dependencies: ["DashboardModel", "CoreValues", .product(name: "TOMLKit", package: "TOMLKit")],
                swiftSettings: [.swiftLanguageMode(.v6)]),
        // The benchmark's measurements (store build, import, baseline SQL, census); the product links it for `bench`.
        .target(name: "Bench", dependencies: [
            "DashboardModel", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // The network side of `sync`: HTTP (AsyncHTTPClient, on SwiftNIO), tokens, throttling, the sync loop.
        .target(name: "DataverseSync", dependencies: [
            "DashboardModel", "CoreValues", .product(name: "AsyncHTTPClient", package: "async-http-client"),
        ]),
        // A stand-in Dataverse Web API on loopback for tests and the sync benchmark; the product does not link it.
        .target(name: "DataverseStandIn", dependencies: [
            .product(name: "FlyingFox", package: "FlyingFox"), .product(name: "FlyingSocks", package: "FlyingFox"),
        ]),
        .executableTarget(name: "dataverse-standin", dependencies: ["DataverseStandIn"]),
        // What both programs' command lines share: the one writer of their output (`Console`), the store option, the
        // numeric flags' bounds, the wording of the model's errors, the entry that maps every way out to an exit code,
        // the version (with the commit, from BuildCommitPlugin) and the words that name `sync`.
        .target(
            name: "CommandSupport",
            dependencies: [
                "CoreValues",
                "CursesBridge",
                "DashboardModel",
                "TerminalUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            plugins: ["BuildCommitPlugin"]
        ),
        .executableTarget(
            name: "ProactiveTUI",
            dependencies: [
                "Bench",
                "CoreValues",
                "CommandSupport",
                "CursesBridge",
                "DashboardModel",
                "TerminalUI",
                "SettingsTOML",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The sync program, `proactive-tui-sync`: the `sync` command (options, output, progress, `--status`) on top
        // of DataverseSync.
        .executableTarget(
            name: "ProactiveTUISync",
            dependencies: [
                "CommandSupport",
                "DashboardModel",
                "DataverseSync",
                "TerminalUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Names the checkout's commit for `--version` (generated into the build folder, never the source tree).
        .plugin(name: "BuildCommitPlugin", capability: .buildTool()),
        .testTarget(name: "DashboardModelTests", dependencies: ["DashboardModel", "Bench", "SettingsTOML"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "CoreValues"]),
        .testTarget(name: "ProactiveTUITests", dependencies: [
            "ProactiveTUI", "ProactiveTUISync", "CommandSupport", "TerminalUI", "DashboardModel", "DataverseStandIn", "SettingsTOML",
        ]),
        .testTarget(name: "DataverseSyncTests", dependencies: ["DataverseSync", "DataverseStandIn", "DashboardModel"]),
    ],
    swiftLanguageModes: [.v6]
)
