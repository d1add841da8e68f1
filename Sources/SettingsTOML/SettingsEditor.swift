import DashboardModel
import Foundation

/// Saves a view into the settings file by editing its text, so that comments, blank lines and the order of
/// everything else stay as they were: the view's `[views.NAME]` table is replaced where it stands, or appended at
/// the end. The new text is parsed again before it is written, and refused unless everything but that view reads
/// exactly as before; it is written to a temporary file beside the file (or beside the file a symbolic link points
/// to) and renamed over it.
public enum SettingsEditor {
    public enum Outcome: Equatable, Sendable {
        case added, replaced
    }

    /// Saves `filters` as the view `name` in the file at `path` (created, with its folder, when missing).
    @discardableResult
    public static func save(name: String, filters: DashboardFilters, to path: String) throws -> Outcome {
        guard SavedView.isValidName(name) else { throw SettingsError(file: path, .invalidViewName(name)) }
        let target = (path as NSString).resolvingSymlinksInPath
        // Checked before reading too: opening a pipe to read it would wait for a writer.
        _ = try existingMode(of: target, reportedAs: path)
        let text = try SettingsFile.read(target, required: false) ?? ""
        let (edited, outcome) = try edit(text, name: name, entries: ViewTable.entries(for: filters), file: path)
        try write(edited, to: target, reportedAs: path)
        return outcome
    }

    /// The file's text with the view `name` set to `entries`. Pure (tested on its own).
    static func edit(_ text: String, name: String, entries: [SavedView.Entry], file: String) throws -> (String, Outcome) {
        let before = try SettingsParser.parse(text, file: file)
        var lines = text.components(separatedBy: "\n")
        let table = ViewTable.text(name: name, entries: entries).components(separatedBy: "\n")
        let outcome: Outcome
        if let header = lines.firstIndex(where: { isHeader($0, of: name) }) {
            var end = header + 1
            while end < lines.count, !isAnyHeader(lines[end]) { end += 1 }
            // Blank lines and comments just before the next table belong to it, not to this view.
            while end > header + 1, isBlankOrComment(lines[end - 1]) { end -= 1 }
            lines.replaceSubrange(header..<end, with: table)
            outcome = .replaced
        } else {
            if before.view(named: name) != nil { throw SettingsError(file: file, .viewNotEditable(name)) }
            while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
            if !lines.isEmpty { lines.append("") }
            lines += table
            lines.append("")
            outcome = .added
        }
        let edited = lines.joined(separator: "\n")
        // Everything but this view must read as before, and the view as asked.
        let after = try SettingsParser.parse(edited, file: file)
        func others(_ s: Settings) -> [String: [SavedView.Entry]] {
            Dictionary(s.views.filter { $0.name != name }.map { ($0.name, $0.entries.map(plain)) }, uniquingKeysWith: { a, _ in a })
        }
        guard others(after) == others(before), after.thresholds == before.thresholds, after.abandonRule == before.abandonRule,
              after.view(named: name)?.entries.map(plain) == entries.map(plain)
        else { throw SettingsError(file: file, .viewNotEditable(name)) }
        return (edited, outcome)
    }

    private static func plain(_ e: SavedView.Entry) -> SavedView.Entry { SavedView.Entry(key: e.key, value: e.value) }

    private static func stripped(_ line: String) -> Substring {
        var s = Substring(line)
        if let hash = s.firstIndex(of: "#"), !s[..<hash].contains("\"") && !s[..<hash].contains("'") { s = s[..<hash] }
        return Substring(s.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\r"))))
    }

    static func isHeader(_ line: String, of name: String) -> Bool {
        let s = stripped(line)
        guard s.hasPrefix("["), !s.hasPrefix("[["), s.hasSuffix("]") else { return false }
        let inner = s.dropFirst().dropLast()
        let parts = inner.split(separator: ".", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, parts[0] == "views" else { return false }
        return [name, "\"\(name)\"", "'\(name)'"].contains(parts[1])
    }

    static func isAnyHeader(_ line: String) -> Bool { stripped(line).hasPrefix("[") }

    static func isBlankOrComment(_ line: String) -> Bool {
        let t = line.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\r")))
        return t.isEmpty || t.hasPrefix("#")
    }

    /// The permissions of the file at `target`, nil when there is none; refused when it is not a regular file
    /// (renaming over a device or a pipe, `--settings /dev/null`, would replace it with a regular file).
    static func existingMode(of target: String, reportedAs path: String) throws -> mode_t? {
        var info = stat()
        guard stat(target, &info) == 0 else { return nil }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw SettingsError(file: path, .writeFailed("not a regular file; views are saved only into one"))
        }
        return info.st_mode & 0o7777
    }

    /// Writes `text` to a temporary file in the same folder, flushes it, keeps the old file's permissions, renames.
    static func write(_ text: String, to target: String, reportedAs path: String) throws {
        let folder = (target as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder.isEmpty ? "." : folder, withIntermediateDirectories: true)
        } catch {
            throw SettingsError(file: path, .writeFailed("cannot create \(folder): \(error.localizedDescription)"))
        }
        let mode = try existingMode(of: target, reportedAs: path) ?? 0o644
        let temp = (folder.isEmpty ? "." : folder) + "/." + (target as NSString).lastPathComponent
            + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard fd >= 0 else { throw SettingsError(file: path, .writeFailed(String(cString: strerror(errno)))) }
        var ok = true
        let bytes = Array(text.utf8)
        var offset = 0
        while ok, offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if n > 0 { offset += n } else if n < 0, errno == EINTR { continue } else { ok = false }
        }
        let reason = ok ? "" : String(cString: strerror(errno))
        if ok { _ = fchmod(fd, mode); ok = fsync(fd) == 0 }
        close(fd)
        guard ok, rename(temp, target) == 0 else {
            let why = reason.isEmpty ? String(cString: strerror(errno)) : reason
            unlink(temp)
            throw SettingsError(file: path, .writeFailed(why))
        }
    }
}
