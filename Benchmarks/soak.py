#!/usr/bin/env python3
"""A long run of the dashboard in wall mode with the demo's live feed: samples resident memory and open files
of the process once a minute, and reports whether either grew (issue 4: "runs for days").

Usage: python3 Benchmarks/soak.py [--bin .build/release/proactive-tui] [--minutes 60] [--rate 120]
"""
import argparse, fcntl, json, os, pty, select, struct, subprocess, tempfile, termios, time


def status(pid, key):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return 0


def drain(fd, seconds):
    total, end = 0, time.time() + seconds
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.2)
        if r:
            try:
                total += len(os.read(fd, 65536))
            except OSError:
                break
    return total


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=".build/release/proactive-tui")
    ap.add_argument("--minutes", type=float, default=60)
    ap.add_argument("--rate", type=float, default=120)
    ap.add_argument("--out", default=None, help="also write the samples as JSON to this file")
    args = ap.parse_args()
    store = os.path.join(tempfile.mkdtemp(), "soak.sqlite")
    subprocess.run([args.bin, "demo", "--db", store, "--build-only"], check=True, capture_output=True)
    pid, fd = pty.fork()
    if pid == 0:
        env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", TZ="UTC")
        os.execve(args.bin, [args.bin, "demo", "--db", store, "--wall", "--rate", str(args.rate), "--refresh", "2",
                             "--cycle", "10"], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 60, 200, 0, 0))
    samples = []
    start = time.time()
    drain(fd, 20)  # warm-up: first frames, first feed batches
    while time.time() - start < args.minutes * 60:
        written = drain(fd, 60)
        sample = {"minute": round((time.time() - start) / 60, 1), "rssKiB": status(pid, "VmRSS"),
                  "openFiles": len(os.listdir(f"/proc/{pid}/fd")), "bytesLastMinute": written}
        samples.append(sample)
        print(json.dumps(sample), flush=True)
    os.write(fd, b"q")
    drain(fd, 2)
    os.waitpid(pid, 0)
    first, last = samples[0], samples[-1]
    summary = {"minutes": args.minutes, "rssFirstKiB": first["rssKiB"], "rssLastKiB": last["rssKiB"],
               "rssMaxKiB": max(s["rssKiB"] for s in samples), "openFilesFirst": first["openFiles"],
               "openFilesLast": last["openFiles"], "openFilesMax": max(s["openFiles"] for s in samples)}
    print(json.dumps(summary))
    if args.out:
        with open(args.out, "w") as f:
            json.dump({"samples": samples, "summary": summary}, f, indent=2)


if __name__ == "__main__":
    main()
