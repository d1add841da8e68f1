import Foundation

/// Where `export -o PATH` writes. A regular file (or a new one) is written under a temporary name and renamed into
/// place, so a failed export leaves nothing. A path that already names something else (a device such as `/dev/null`
/// or `/dev/stdout`, a named pipe, a socket) is written straight into: renaming over it would replace the device or
/// the pipe with a regular file. A folder is refused.
public enum ExportDestination {
    case file(AtomicFileSink)
    case special(SpecialFileSink)

    public static func open(path: String) throws -> ExportDestination {
        var info = stat()
        guard stat(path, &info) == 0 else { return .file(try AtomicFileSink(path: path)) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file(try AtomicFileSink(path: path))
        case S_IFDIR: throw StoreError("cannot write \(TextSafety.quoted(path)): it is a folder; name a file in it")
        default: return .special(try SpecialFileSink(path: path))
        }
    }

    public var sink: ByteSink {
        switch self {
        case .file(let s): s
        case .special(let s): s
        }
    }

    /// The export is complete: rename the file into place, or flush and close the device or pipe.
    public func commit() throws {
        switch self {
        case .file(let s): try s.commit()
        case .special(let s): try s.close()
        }
    }
}

/// An existing file that is not a regular one, opened for writing as it is (never created, truncated or renamed).
public final class SpecialFileSink: ByteSink {
    public let path: String
    private var descriptor: Int32

    public init(path: String) throws {
        self.path = path
        descriptor = Foundation.open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw StoreError("cannot write \(TextSafety.quoted(path)): \(String(cString: strerror(errno)))")
        }
    }

    deinit { if descriptor >= 0 { Foundation.close(descriptor) } }

    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write(raw: $0) }
    }

    public func write(raw buffer: UnsafeRawBufferPointer) throws {
        try DescriptorWrite.all(buffer, to: descriptor, path: path)
    }

    public func close() throws {
        guard descriptor >= 0 else { return }
        let result = Foundation.close(descriptor)
        descriptor = -1
        if result != 0 { throw StoreError("cannot write \(TextSafety.quoted(path)): \(String(cString: strerror(errno)))") }
    }
}
