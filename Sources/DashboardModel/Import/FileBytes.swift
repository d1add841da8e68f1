import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The bytes of an import file: memory-mapped when it is a regular file, else read whole into memory.
/// Immutable once made, so scanners can read it through a raw pointer without copying.
///
/// `@unchecked Sendable`: `base`, `count` and `mappedLength` are constants; the bytes behind `base` are a private
/// read-only mapping or memory only this object owns, never written after `init` and freed only by `deinit`, when no
/// thread holds the object any more.
final class FileBytes: @unchecked Sendable {
    let base: UnsafePointer<UInt8>
    let count: Int
    private let mappedLength: Int  // > 0 when `base` is an mmap that must be unmapped

    init(path: String) throws {
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

    init(bytes: [UInt8]) {
        (base, count) = FileBytes.copy(bytes)
        mappedLength = 0
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
        } else {
            UnsafeMutablePointer(mutating: base).deallocate()
        }
    }
}
