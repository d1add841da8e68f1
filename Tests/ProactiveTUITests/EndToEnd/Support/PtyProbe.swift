import Foundation

/// Runs the dashboard under a pseudo-terminal driven by a small python3 script (the `pty` module), and measures
/// the bytes it writes in phases: the first frame, a quiet stretch, after an import into its store, after `q`.
struct PtyProbe {
    struct Report: Decodable {
        var firstFrame: Int
        var idle: Int
        var idleSample: String
        var afterImport: Int
        var importStatus: Int
        var exitStatus: Int?
        var firstFrameSeconds: Double
    }

    static let script = #"""
    import json, os, select, struct, subprocess, sys, time, fcntl, termios

    cfg = json.loads(sys.argv[1])
    env = cfg["env"]
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", cfg["height"], cfg["width"], 0, 0))

    def set_ctty():
        try:
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)
        except OSError:
            pass

    proc = subprocess.Popen(cfg["dashboard"], stdin=slave, stdout=slave, stderr=slave, env=env,
                            start_new_session=True, preexec_fn=set_ctty)
    os.close(slave)

    def read(duration=None, quiet=None, limit=None):
        count, sample = 0, b""
        start = last = time.monotonic()
        while True:
            now = time.monotonic()
            if duration is not None and now - start >= duration: break
            if quiet is not None and count > 0 and now - last >= quiet: break
            if limit is not None and now - start >= limit: break
            ready, _, _ = select.select([master], [], [], 0.02)
            if not ready: continue
            try:
                data = os.read(master, 65536)
            except OSError:
                break
            if not data: break
            count += len(data)
            if len(sample) < 400: sample += data[:400 - len(sample)]
            last = time.monotonic()
        return count, sample, last - start

    t0 = time.monotonic()
    first, _, first_seconds = read(quiet=cfg["quiet"], limit=30)
    idle, idle_sample, _ = read(duration=cfg["idle"])
    imported = subprocess.run(cfg["import"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after, _, _ = read(quiet=1.0, limit=cfg["afterLimit"])
    os.write(master, b"q")
    read(quiet=0.5, limit=5)
    try:
        status = proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        proc.kill()
        status = None
    print(json.dumps({"firstFrame": first, "idle": idle, "idleSample": repr(idle_sample), "afterImport": after,
                      "importStatus": imported.returncode, "exitStatus": status,
                      "firstFrameSeconds": first_seconds}))
    """#

    /// `dashboard` is the full argument list of the dashboard; `importArguments` the import run after the idle phase.
    static func run(dashboard: [String], importArguments: [String], width: Int, height: Int, quiet: Double,
                    idle: Double, afterLimit: Double, folder: URL) async throws -> Report {
        guard let python = EndToEnd.python3 else { throw EndToEndError("python3 is not installed") }
        let scriptURL = folder.appendingPathComponent("pty_probe.py")
        try script.write(to: scriptURL, atomically: true, encoding: .utf8)
        let config: [String: Any] = [
            "env": testEnvironment(), "dashboard": dashboard, "import": importArguments,
            "width": width, "height": height, "quiet": quiet, "idle": idle, "afterLimit": afterLimit,
        ]
        let json = String(decoding: try JSONSerialization.data(withJSONObject: config), as: UTF8.self)
        let result = try await runProcess(python, [scriptURL.path, json], timeout: 50)
        guard result.status == 0, let line = result.stdout.split(separator: "\n").last else {
            throw EndToEndError("the pty probe failed (\(result.status)): \(result.stderr)")
        }
        return try JSONDecoder().decode(Report.self, from: Data(line.utf8))
    }
}
