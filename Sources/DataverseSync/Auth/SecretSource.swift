import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the client secret comes from: `PROACTIVE_TUI_CLIENT_SECRET`, or a file only its owner can read (refused,
/// as ssh refuses a private key, when group or others have any permission on it). Never a command-line value.
public enum SecretSource {
    public static let environmentVariable = "PROACTIVE_TUI_CLIENT_SECRET"

    public static func read(file: String?, environment: [String: String]) throws -> String? {
        if let file {
            var info = stat()
            guard stat(file, &info) == 0 else {
                throw TokenError("--client-secret-file: cannot read \(file): \(String(cString: strerror(errno)))")
            }
            let mode = info.st_mode & 0o777
            if mode & 0o077 != 0 {
                throw TokenError("--client-secret-file: \(file) is accessible by others (mode \(String(mode, radix: 8))); chmod 600 it")
            }
            guard let data = FileManager.default.contents(atPath: file) else {
                throw TokenError("--client-secret-file: cannot read \(file)")
            }
            let secret = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !secret.isEmpty else { throw TokenError("--client-secret-file: \(file) is empty") }
            return secret
        }
        if let value = environment[environmentVariable]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty {
            return value
        }
        return nil
    }
}
