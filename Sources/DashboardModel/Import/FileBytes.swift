import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The bytes of an import file: memory-mapped when it is a regular file, else read whole into memory.
/// Immutable once made, so scanners can read it through a raw pointer without copying.
///
/// `@unchecked Sendable`: `base`, `count`, `mappedLength` and `owner` are set once in `init`; the bytes behind `base`
/// are a private read-only mapping, memory only this object owns, or the storage of the array in `owner`, never
/// written after `init` and freed only by `deinit`, when no thread holds the object any more.
final class FileBytes: @unchecked Sendable {
    let base: UnsafePointer<UInt8>
    let count: Int
    private let mappedLength: Int  // > 0 when `base` is an mmap that must be unmapped
    /// The array whose storage `base` points into (then nothing is freed here).
    private let owner: [UInt8]?

    init(path: String) throws {
        owner = nil
        let fd = open(path, O_RDONLY)
        if fd < 0 {
            throw ImportError(file: path, reason: "cannot open: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0 {
            let size = Int(info.st_size)
            if let raw = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0),
                raw != UnsafeMutableRawPointer(bitPattern: -1)
            {
                _ = madvise(raw, size, MADV_SEQUENTIAL)
                base = UnsafePointer(raw.assumingMemoryBound(to: UInt8.self))
                count = size
                mappedLength = size
                return
            }
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw ImportError(file: path, reason: "cannot read: it is a directory")
        }
        // Not mappable (a pipe, an empty file, a special file): read it all.
        var collected: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ImportError(file: path, reason: "cannot read: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            collected.append(contentsOf: chunk[0..<n])
        }
        (base, count) = FileBytes.copy(collected)
        mappedLength = 0
    }

    /// Bytes already in memory (a sync page of about 4 MB), read where they are, not copied: the array is kept
    /// here, never mutated, so its storage stays where it is until this object goes.
    init(bytes: [UInt8]) {
        if let address = bytes.withUnsafeBufferPointer({ $0.baseAddress }), !bytes.isEmpty {
            owner = bytes
            base = address
            count = bytes.count
            mappedLength = 0
        } else {
            owner = nil
            (base, count) = FileBytes.copy(bytes)
            mappedLength = 0
        }
    }

    private static func copy(_ bytes: [UInt8]) -> (UnsafePointer<UInt8>, Int) {
        // One spare byte so that an empty file still has a valid base pointer.
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count + 1)
        bytes.withUnsafeBufferPointer { src in
            if let s = src.baseAddress { buffer.update(from: s, count: bytes.count) }
        }
        buffer[bytes.count] = 0
        return (UnsafePointer(buffer), bytes.count)
    }

    deinit {
        if mappedLength > 0 {
            munmap(UnsafeMutableRawPointer(mutating: base), mappedLength)
        } else if owner == nil {
            UnsafeMutablePointer(mutating: base).deallocate()
        }
    }
}
