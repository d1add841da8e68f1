import Foundation
import Testing

@testable import DashboardModel
@testable import Bench

/// Read speed, measured only when asked:
///
///     IMPORT_BENCH_FILES=/tmp/deliveries-1m.csv swift test -c release -Xswiftc -enable-testing \
///         --scratch-path .build-import --filter ImportBenchmarkTests
///
/// (colon-separated paths; any input form). Prints records per second for each file.
@Suite struct ImportBenchmarkTests {
    static let files = ProcessInfo.processInfo.environment["IMPORT_BENCH_FILES"]?.split(separator: ":").map(String.init) ?? []

    @Test(.enabled(if: !files.isEmpty)) func readSpeed() throws {
        for path in Self.files {
            let clock = ContinuousClock()
            var records = 0
            var checksum: Int64 = 0
            let elapsed = try clock.measure {
                let reader = try RecordFileReader(path: path)
                try reader.read { record, _ in
                    records += 1
                    if case .delivery(let d) = record { checksum &+= d.createdOn &+ Int64(d.deliveryId.utf8.count) }
                }
            }
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            print(
                "import benchmark: \(path): \(records) records in \(String(format: "%.3f", seconds)) s = "
                    + "\(Int(Double(records) / seconds)) records/s (checksum \(checksum))")
            #expect(records > 0)
        }
    }
}
