import CommandSupport
import DashboardModel
import Foundation

/// The loop behind `import --follow`: poll, apply, report, until interrupted.
struct FollowImport {
    let store: DeliveryStore
    let paths: [String]
    let pollInterval: Double

    func run() throws {
        let feed = FeedImporter(store: store, paths: paths)
        Console.line("following \(paths.joined(separator: ", ")) into \(store.path) (Ctrl-C to stop)")
        setvbuf(StandardStream.output, nil, _IOLBF, 0)
        while true {
            let result = try feed.poll()
            for path in result.restartedFiles { Console.line("\(path): truncated or replaced, reading from the top") }
            for error in result.errors { Console.errorLine("skipped: \(error)") }
            let d = result.summary.deliveries
            if d.inserted + d.updated > 0 || result.summary.relinkedDeliveries > 0 {
                Console.line("\(ISOTime.format(Date())): \(d.inserted) inserted, \(d.updated) updated, \(d.skipped) skipped")
            }
            Thread.sleep(forTimeInterval: max(0.05, pollInterval))
        }
    }
}
