import Foundation

/// An exclusive `flock` on a file beside the store, held while a store is created or migrated, so that writers
/// started together take turns: the first creates the store, the others find it whole. Released by `unlock` (or
/// when the process ends, however it ends: the kernel drops the lock with the descriptor).
final class FileLock {
    private var descriptor: Int32

    /// Blocks until the lock is held.
    init(path: String) throws {
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw StoreError("cannot create the lock file \(path): \(String(cString: strerror(errno)))")
        }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw StoreError("cannot lock \(path): \(reason)")
            }
        }
    }

    func unlock() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit { unlock() }
}
