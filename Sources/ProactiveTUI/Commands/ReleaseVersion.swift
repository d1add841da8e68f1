/// The version `proactive-tui --version` prints. Set here, and only here, at release.
enum ReleaseVersion {
    static let current = "0.9.0"

    /// `0.9.0`, or `0.9.0 (commit eb20415a1b2c)` when built from a git checkout (`-dirty` with local changes).
    static func text(commit: String? = BuildCommit.describe) -> String {
        guard let commit, !commit.isEmpty else { return current }
        return current + " (commit " + commit + ")"
    }
}
