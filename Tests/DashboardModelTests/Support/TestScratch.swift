import Foundation

/// One scratch folder for the whole test process, removed when the process exits: helpers that write a
/// file per test (hundreds in a run) put it here rather than leave a folder of their own in /tmp.
enum TestScratch {
    static let folder: URL = {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("dashboard-model-tests-\(getpid())-\(UUID().uuidString.prefix(8))")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: TestScratch.folder) }
        return url
    }()

    /// A fresh, empty folder inside the scratch folder.
    static func newFolder(_ prefix: String) throws -> URL {
        let url = folder.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
