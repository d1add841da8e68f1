import Foundation

/// The process's environment variables, read once: `ProcessInfo.environment` builds a new dictionary of every
/// variable at each call, and a command asks for a few of them in several places. Nothing in the program sets a
/// variable while it runs.
public enum ProcessEnvironment {
    public static let values: [String: String] = ProcessInfo.processInfo.environment
}
