import Foundation

/// Reads a JSON Lines or CSV file as it grows: complete lines only (a partial last line waits for its end),
/// starting again from the top when the file is truncated or replaced (rotation).
public final class FileFollower {
    public let path: String
    private var handle: FileHandle?
    private var inode: UInt64 = 0
    private var offset: UInt64 = 0
    private var pending: [UInt8] = []
    /// Number of the next complete line to hand out (1-based, in the current file).
    private var nextLine = 1
    /// For CSV files, the header line (kept to read every later line on its own).
    public private(set) var csvHeader: [UInt8]?
    private var decidedFormat = false

    public init(path: String) { self.path = path }

    /// New complete lines since the last call, each with its line number. Blank lines are dropped.
    public func readNewLines() -> (lines: [(number: Int, bytes: [UInt8])], restarted: Bool) {
        var restarted = false
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return ([], false) }
        let size = (attributes[.size] as? NSNumber)?.uint64Value ?? 0
        let currentInode = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
        if handle == nil || currentInode != inode || size < offset {
            if handle != nil { restarted = true }
            try? handle?.close()
            handle = FileHandle(forReadingAtPath: path)
            inode = currentInode
            offset = 0
            pending = []
            nextLine = 1
            csvHeader = nil
            decidedFormat = false
        }
        guard let handle, size > offset else { return ([], restarted) }
        try? handle.seek(toOffset: offset)
        let data = (try? handle.read(upToCount: Int(size - offset))) ?? Data()
        offset += UInt64(data.count)
        pending.append(contentsOf: data)

        var lines: [(Int, [UInt8])] = []
        var start = 0
        var inQuotes = false
        var i = 0
        while i < pending.count {
            let byte = pending[i]
            if byte == UInt8(ascii: "\"") && csvHeader != nil { inQuotes.toggle() }
            if byte == 10 && !inQuotes {
                var line = Array(pending[start..<i])
                if line.last == 13 { line.removeLast() }
                let number = nextLine
                nextLine += 1 + line.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
                start = i + 1
                if !decidedFormat {
                    decidedFormat = true
                    let first = line.drop(while: { $0 == 0x20 || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF }).first
                    if first != UInt8(ascii: "{") && !line.isEmpty {
                        csvHeader = line
                        i += 1
                        continue
                    }
                }
                if !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { lines.append((number, line)) }
            }
            i += 1
        }
        pending.removeFirst(start)
        return (lines, restarted)
    }

    /// The bytes of a one-record file for the importer's reader: the line itself, or the CSV header and the line.
    public func recordFile(for line: [UInt8]) -> [UInt8] {
        guard let csvHeader else { return line }
        return csvHeader + [10] + line
    }
}
