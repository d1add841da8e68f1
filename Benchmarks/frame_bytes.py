#!/usr/bin/env python3
"""Bytes the dashboard writes to the terminal, per kind of frame (issue 4: "lean enough for SSH").

Runs the real binary in a pseudo-terminal of a given size and counts what it writes:
  first frame, an idle refresh, a small update (a few deliveries imported), a filter change (one key),
  and a full repaint of the same screen (Ctrl-L, what a program that clears and redraws would send).

Usage: python3 Benchmarks/frame_bytes.py [--bin .build/release/proactive-tui] [--sizes 120x40,200x60] [--json]
"""
import argparse, fcntl, json, os, pty, select, signal, struct, subprocess, sys, tempfile, termios, time, uuid
from datetime import datetime, timezone


def read_until_quiet(fd, quiet=0.6, limit=15.0):
    """Reads everything the program writes until it has been silent for `quiet` seconds."""
    total, start, last = 0, time.time(), time.time()
    while time.time() - start < limit:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                data = os.read(fd, 65536)
            except OSError:
                break
            if not data:
                break
            total += len(data)
            last = time.time()
        elif time.time() - last >= quiet:
            break
    return total


def read_for(fd, seconds):
    total, end = 0, time.time() + seconds
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                data = os.read(fd, 65536)
            except OSError:
                break
            total += len(data)
    return total


def delivery_line(now):
    created = now.strftime("%Y-%m-%dT%H:%M:%SZ")
    return json.dumps({"msdyn_delivery_id": str(uuid.uuid4()), "createdon": created, "modifiedon": created,
                       "msdyn_status": "Pending", "msdyn_dialmode_type": "Progressive", "msdyn_channel": "Voice"})


def measure(binary, store, width, height, refresh):
    pid, fd = pty.fork()
    if pid == 0:
        env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", TZ="UTC")
        os.execve(binary, [binary, "dashboard", "--db", store, "--tz", "UTC", "--refresh", str(refresh)], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
    os.kill(pid, signal.SIGWINCH)
    result = {"size": f"{width}x{height}"}
    result["firstFrame"] = read_until_quiet(fd, quiet=1.0)
    result["idleRefresh"] = read_for(fd, refresh * 4) / 4  # per refresh interval, over four of them
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for _ in range(3):
            f.write(delivery_line(datetime.now(timezone.utc)) + "\n")
        feed = f.name
    subprocess.run([binary, "import", "--db", store, feed], check=True, capture_output=True)
    os.unlink(feed)
    result["smallUpdate"] = read_for(fd, refresh * 2 + 0.5)
    os.write(fd, b"\x1b[Z")  # Shift-Tab: focus the sidebar (no filter change yet)
    read_until_quiet(fd, quiet=0.4)
    os.write(fd, b"\x1bOC" * 8)  # Right x8 (application cursor keys, as keypad mode asks): the "Delivery status" list
    read_until_quiet(fd, quiet=0.4)
    os.write(fd, b" ")  # Space: toggle the first status -> a filter change and a new query
    result["filterChange"] = read_until_quiet(fd, quiet=0.5)
    os.write(fd, b"\x0c")  # Ctrl-L: full repaint of the same screen
    result["fullRepaint"] = read_until_quiet(fd, quiet=0.5)
    os.write(fd, b"q")
    read_until_quiet(fd, quiet=0.3, limit=3)
    os.waitpid(pid, 0)
    os.close(fd)
    return result


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=".build/release/proactive-tui")
    ap.add_argument("--sizes", default="120x40,200x60")
    ap.add_argument("--refresh", type=float, default=0.5)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    workdir = tempfile.mkdtemp()
    store = os.path.join(workdir, "store.sqlite")
    subprocess.run([args.bin, "demo", "--db", store, "--build-only", "--deliveries", "40000", "--days", "90"],
                   check=True, capture_output=True)
    rows = [measure(args.bin, store, *map(int, size.split("x")), args.refresh) for size in args.sizes.split(",")]
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    print(f"{'size':>8} {'first frame':>12} {'idle refresh':>13} {'small update':>13} {'filter change':>14} {'full repaint':>13}")
    for r in rows:
        print(f"{r['size']:>8} {r['firstFrame']:>12,} {r['idleRefresh']:>13,.0f} {r['smallUpdate']:>13,} "
              f"{r['filterChange']:>14,} {r['fullRepaint']:>13,}")
        print(f"{'':>8} {'':>12} {'':>13} {r['smallUpdate'] / max(1, r['fullRepaint']):>12.1%} "
              f"{r['filterChange'] / max(1, r['fullRepaint']):>13.1%}  (of a full repaint)")


if __name__ == "__main__":
    main()
