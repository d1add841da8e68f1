import Foundation
import GRDB
@testable import DashboardModel

/// A store file as an earlier version of the program left it: the schema migrated up to `migration`, then filled by
/// `fill`, in a folder of the test process's scratch folder. The connection is closed when this returns.
enum OlderStore {
    static func make(_ prefix: String, upTo migration: String, _ fill: (Database) throws -> Void) throws -> String {
        let path = try TestScratch.newFolder(prefix).appendingPathComponent("store.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: migration)
        try queue.write(fill)
        return path
    }
}
