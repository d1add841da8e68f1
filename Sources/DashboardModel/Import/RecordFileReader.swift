/// Reads one import file (Dataverse Web API JSON pages or array, JSON Lines, or CSV) into typed records.
///
/// ```swift
/// let reader = try RecordFileReader(path: "deliveries.csv")
/// try reader.read { record, location in ... }   // throws ImportError on the first unreadable record
/// ```
/// The file is memory-mapped and scanned as bytes; records are handed over in file order as they are read.
public struct RecordFileReader {
    /// The path as given; error messages and locations name it.
    public let path: String
    public let format: ImportFileFormat
    private let bytes: FileBytes

    /// Opens the file and detects its format from its content. Throws `ImportError` when it cannot be read.
    public init(path: String) throws {
        self.path = path
        bytes = try FileBytes(path: path)
        format = try FormatDetector.detect(bytes, path: path)
    }

    /// Reads bytes already in memory (`name` stands for the file in locations and errors; its extension is the
    /// format hint for empty content).
    public init(name: String, bytes: [UInt8]) throws {
        path = name
        self.bytes = FileBytes(bytes: bytes)
        format = try FormatDetector.detect(self.bytes, path: name)
    }

    /// Streams the records in file order. Stops at the first record it cannot read and throws an `ImportError`
    /// that names the file, line, record, column and reason. Errors thrown by `body` are passed through as they are.
    public func read(_ body: (ImportRecord, RecordLocation) throws -> Void) throws {
        try read(staging: nil) { record, location in
            if let record { try body(record, location) }
        }
    }

    /// Streams the records; with a stager, deliveries are staged straight from the file's bytes (no `Delivery`
    /// values or Strings made for them) and `body` gets nil for each.
    func read(staging stager: DeliveryStager?, _ body: (ImportRecord?, RecordLocation) throws -> Void) throws {
        try withExtendedLifetime(bytes) {
            switch format {
            case .csv:
                var scanner = CSVRecordScanner(file: path, bytes: bytes)
                scanner.stager = stager
                try scanner.scan(body)
            case .jsonPages, .jsonArray, .jsonLines:
                var scanner = JSONRecordScanner(file: path, bytes: bytes, oneRecordPerLine: format == .jsonLines)
                scanner.stager = stager
                try scanner.scan(body)
            }
        }
    }

    /// All records with their locations (convenient for small files and tests).
    public func readAll() throws -> [(record: ImportRecord, location: RecordLocation)] {
        var all: [(record: ImportRecord, location: RecordLocation)] = []
        try read { all.append(($0, $1)) }
        return all
    }
}
