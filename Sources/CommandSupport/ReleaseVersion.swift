/// The version `proactive-tui --version` (and `proactive-tui sync --version`) prints. Set here, and only here, at release.
public enum ReleaseVersion {
    public static let current = "0.9.0"

    /// `0.9.0`, or `0.9.0 (commit eb20415a1b2c)` when built from a git checkout (`-dirty` with local changes).
    public static func text() -> String { text(commit: BuildCommit.describe) }

    public static func text(commit: String?) -> String {
        guard let commit, !commit.isEmpty else { return current }
        return current + " (commit " + commit + ")"
    }
}
