import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where `--device-login` keeps its refresh token: `$XDG_STATE_HOME/proactive-tui/` (else
/// `~/.local/state/proactive-tui/`), one file per (authority, tenant, client, organization), mode 0600 in a
/// folder of mode 0700. Written to a temporary file and renamed, so a crash never leaves half a token.
public struct RefreshTokenFile: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    public init(environment: [String: String], authority: URL, tenant: String, clientID: String, org: URL) {
        let folder: String
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            folder = state + "/proactive-tui"
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            folder = home + "/.local/state/proactive-tui"
        }
        let key = [authority.absoluteString, tenant, clientID, org.absoluteString].joined(separator: "\n")
        path = folder + "/device-login-" + Self.digest(key) + ".token"
    }

    public func load() -> String? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & 0o077 == 0, info.st_uid == getuid(),
              let data = FileManager.default.contents(atPath: path) else { return nil }
        let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return token.isEmpty ? nil : token
    }

    public func save(_ token: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let temporary = path + ".tmp"
        unlink(temporary)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw TokenError("cannot write the refresh token file in \(folder): \(String(cString: strerror(errno)))") }
        let bytes = Array(token.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        fsync(fd)
        close(fd)
        guard written == bytes.count, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw TokenError("cannot write the refresh token file \(path)")
        }
    }

    public func remove() { unlink(path) }

    /// FNV-1a 64, as hex: a stable file name that does not show the tenant or client id.
    static func digest(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
