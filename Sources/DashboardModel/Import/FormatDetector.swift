/// Decides an import file's format from its first bytes.
///
/// - first non-space byte `[`: a JSON array of records;
/// - first non-space byte `{`: JSON Lines when the first object is a record that ends on its own line, else
///   Web API pages (the first object has a `"value"` array) or record objects spread over lines;
/// - anything else: CSV. An empty file takes its format from the extension.
enum FormatDetector {
    static func detect(_ bytes: FileBytes, path: String) throws -> ImportFileFormat {
        let p = bytes.base
        let count = bytes.count
        if count >= 2, (p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF) {
            throw ImportError(file: path, line: 1, reason: "the file is UTF-16; save it as UTF-8")
        }
        var i = 0
        if count >= 3, p[0] == 0xEF, p[1] == 0xBB, p[2] == 0xBF { i = 3 }
        while i < count, p[i] == 32 || p[i] == 9 || p[i] == 10 || p[i] == 13 { i += 1 }
        guard i < count else { return ImportFileFormat.hint(forPath: path) }
        switch p[i] {
        case 91: return .jsonArray
        case 123: return firstObjectIsOneLineRecord(p, count, from: i) ? .jsonLines : .jsonPages
        default: return .csv
        }
    }

    /// Scans the object starting at `start` without decoding it: false as soon as it proves to be a page
    /// (a member `"value"` at depth 1 holding an array) or a line break occurs inside it.
    static func firstObjectIsOneLineRecord(_ p: UnsafePointer<UInt8>, _ count: Int, from start: Int) -> Bool {
        var depth = 0
        var i = start
        var lastStringWasValueKey = false
        while i < count {
            let b = p[i]
            switch b {
            case 10:
                return false
            case 34:
                let s = i + 1
                i += 1
                while i < count, p[i] != 34 {
                    if p[i] == 92 { i += 1 }
                    if i < count, p[i] == 10 { return false }
                    i += 1
                }
                lastStringWasValueKey =
                    depth == 1 && i - s == 5 && p[s] == 118 && p[s + 1] == 97 && p[s + 2] == 108
                    && p[s + 3] == 117 && p[s + 4] == 101
                i += 1
                continue
            case 123, 91:
                if b == 91, depth == 1, lastStringWasValueKey { return false }
                depth += 1
            case 125, 93:
                depth -= 1
                if depth == 0 { return true }
            case 58, 32, 9, 13:
                i += 1
                continue  // keeps `lastStringWasValueKey` across `"value" : [`
            default:
                break
            }
            lastStringWasValueKey = false
            i += 1
        }
        return false
    }
}
