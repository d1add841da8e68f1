import Foundation

/// `import --follow`: upserts records from growing files as they arrive. A bad line is reported and skipped;
/// the good lines of the same read land in one transaction.
public final class FeedImporter {
    public struct BatchResult {
        public var summary: ImportSummary
        public var errors: [ImportError]
        public var restartedFiles: [String]
    }

    private let store: DeliveryStore
    private let followers: [FileFollower]

    public init(store: DeliveryStore, paths: [String]) {
        self.store = store
        self.followers = paths.map(FileFollower.init(path:))
    }

    /// Reads what is new in every file and applies it.
    public func poll(now: Date = Date()) throws -> BatchResult {
        var records: [ImportRecord] = []
        var errors: [ImportError] = []
        var restarted: [String] = []
        for follower in followers {
            let (lines, didRestart) = follower.readNewLines()
            if didRestart { restarted.append(follower.path) }
            for (number, bytes) in lines {
                do {
                    let reader = try RecordFileReader(name: follower.path, bytes: follower.recordFile(for: bytes))
                    try reader.read { record, _ in records.append(record) }
                } catch var error as ImportError {
                    error.line = number
                    error.record = nil
                    errors.append(error)
                } catch {
                    errors.append(ImportError(file: follower.path, line: number, reason: "\(error)"))
                }
            }
        }
        var summary = ImportSummary()
        if !records.isEmpty {
            summary = try store.write(now: now) { writer in
                for record in records { try writer.apply(record) }
            }
        }
        return BatchResult(summary: summary, errors: errors, restartedFiles: restarted)
    }
}
