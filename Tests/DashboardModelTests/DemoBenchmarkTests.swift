import Foundation
import Testing

import DashboardModel

/// Generation speed. Skipped unless DEMO_BENCHMARK is set; meaningful only in a release build:
/// `DEMO_BENCHMARK=10000000 swift test -c release -Xswiftc -enable-testing --filter DemoBenchmark`.
@Test(.enabled(if: ProcessInfo.processInfo.environment["DEMO_BENCHMARK"] != nil))
func demoGenerationSpeed() {
    let count = Int(ProcessInfo.processInfo.environment["DEMO_BENCHMARK"] ?? "") ?? 1_000_000
    let generator = DemoGenerator(deliveries: count, days: 365, now: Date(timeIntervalSince1970: 1_789_844_400))
    var deliveries = 0
    var conversations = 0
    let wall = Date()
    let cpu = clock()
    generator.generate { record in
        switch record {
        case .delivery: deliveries += 1
        case .conversation: conversations += 1
        default: break
        }
    }
    let wallSeconds = Date().timeIntervalSince(wall)
    let cpuSeconds = Double(clock() - cpu) / Double(CLOCKS_PER_SEC)
    print(
        "demo generation: \(deliveries) deliveries, \(conversations) conversations; "
            + "wall \(wallSeconds) s = \(Int(Double(deliveries) / wallSeconds)) deliveries/s; "
            + "cpu \(cpuSeconds) s = \(Int(Double(deliveries) / cpuSeconds)) deliveries/s")
    #expect(deliveries == count)
}
