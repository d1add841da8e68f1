import Foundation

/// Where an export's bytes go.
public protocol ByteSink: AnyObject {
    func write(_ bytes: [UInt8]) throws
    /// The same from a buffer the caller owns (the export's own block of bytes, without a copy into an Array).
    func write(raw bytes: UnsafeRawBufferPointer) throws
}

extension ByteSink {
    public func write(raw bytes: UnsafeRawBufferPointer) throws { try write(Array(bytes)) }
}

/// Standard output (or any open `FILE`), unbuffered beyond the exporter's own megabyte.
public final class FileStreamSink: ByteSink {
    private let file: UnsafeMutablePointer<FILE>
    public init(_ file: UnsafeMutablePointer<FILE>) { self.file = file }

    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write(raw: $0) }
    }

    public func write(raw bytes: UnsafeRawBufferPointer) throws {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        let written = fwrite(base, 1, bytes.count, file)
        guard written == bytes.count else { throw StoreError("cannot write the export: \(String(cString: strerror(errno)))") }
    }

    public func flush() throws {
        guard fflush(file) == 0 else { throw StoreError("cannot write the export: \(String(cString: strerror(errno)))") }
    }
}

/// A file written under a temporary name beside its destination and renamed over it by `commit`: until then the
/// destination is untouched, and `discard` (or a failure) leaves no partial file.
public final class AtomicFileSink: ByteSink {
    public let path: String
    public let temporaryPath: String
    private var descriptor: Int32

    public init(path: String) throws {
        self.path = path
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        temporaryPath = folder + "/." + url.lastPathComponent + ".partial-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw StoreError("cannot write \(TextSafety.quoted(path)): \(String(cString: strerror(errno)))")
        }
    }

    deinit { discard() }

    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write(raw: $0) }
    }

    public func write(raw buffer: UnsafeRawBufferPointer) throws {
        try DescriptorWrite.all(buffer, to: descriptor, path: path)
    }

    /// Flushes to disk and renames the file into place.
    public func commit() throws {
        guard descriptor >= 0 else { throw StoreError("the export to \(TextSafety.quoted(path)) was discarded") }
        if fsync(descriptor) != 0 || close(descriptor) != 0 {
            let reason = String(cString: strerror(errno))
            descriptor = -1
            unlink(temporaryPath)
            throw StoreError("cannot write \(TextSafety.quoted(path)): \(reason)")
        }
        descriptor = -1
        if rename(temporaryPath, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw StoreError("cannot write \(TextSafety.quoted(path)): \(reason)")
        }
    }

    /// Removes the temporary file (nothing when committed).
    public func discard() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
        unlink(temporaryPath)
    }
}

/// Writes a whole buffer to a file descriptor, again after a signal interrupts it; an error names the file.
enum DescriptorWrite {
    static func all(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32, path: String) throws {
        guard let base = buffer.baseAddress else { return }
        var done = 0
        while done < buffer.count {
            let n = Foundation.write(descriptor, base + done, buffer.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                throw StoreError("cannot write \(TextSafety.quoted(path)): \(String(cString: strerror(errno)))")
            }
            done += n
        }
    }
}
