import Foundation

/// Imports whole files into the store: each file in one transaction, so a file with an unreadable record
/// imports nothing and the store is left exactly as it was.
public enum FileImporter {
    public struct Outcome: Sendable {
        public var path: String
        public var format: ImportFileFormat?
        public var summary: ImportSummary?
        public var error: String?
        public var seconds: Double
    }

    /// - Parameter progress: called now and then with the fraction done (0...1): reading the file counts for 85%
    ///   (the writer follows close behind), the writes left when reading ends and the commit for the rest. Called
    ///   from the reading thread, then from the caller's.
    public static func importFile(_ path: String, into store: DeliveryStore, now: Date = Date(),
                                  progress: ((Double) -> Void)? = nil) -> Outcome {
        let started = Date()
        do {
            let reader = try RecordFileReader(path: path)
            // The extra pass over the file is paid only when someone watches the progress.
            let totalLines = progress == nil ? 1 : max(1, (try? lineCount(path)) ?? 1)
            let summary = try store.write(now: now) { writer in
                // The file is read and its deliveries staged on a second thread while this one writes.
                try PipelinedWrite.run(writer, produce: { sink in
                    var seen = 0
                    try reader.read(staging: sink.stager) { record, location in
                        if let record { try sink.emit(record) } else { try sink.didStage() }
                        seen += 1
                        if let progress, seen % 20_000 == 0 { progress(0.85 * Double(location.line) / Double(totalLines)) }
                    }
                }, describeWriterError: { error in
                    if error is ImportError || error is StoreDamaged { return error }
                    return ImportError(file: path, reason: "the store refused the file's records: \(error)")
                })
            }
            progress?(1)
            return Outcome(path: path, format: reader.format, summary: summary, error: nil,
                           seconds: Date().timeIntervalSince(started))
        } catch {
            return Outcome(path: path, format: nil, summary: nil, error: "\(error)", seconds: Date().timeIntervalSince(started))
        }
    }

    public static func lineCount(_ path: String) throws -> Int {
        let data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        return data.withUnsafeBytes { raw -> Int in
            guard var cursor = raw.baseAddress else { return 1 }
            let end = cursor + raw.count
            var lines = 1
            while cursor < end, let hit = memchr(cursor, 10, end - cursor) {
                lines += 1
                cursor = UnsafeRawPointer(hit) + 1
            }
            return lines
        }
    }
}
