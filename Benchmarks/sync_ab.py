#!/usr/bin/env python3
"""A/B timing of a first full sync: one stand-in organization (generated once), then `proactive-tui-sync --once`
into a fresh store with each build in turn, interleaved (A B A B ...). Prints, per run, wall seconds, CPU seconds
(user + system of the sync process, from wait4), peak resident memory and the load average when the run began;
then the medians per build. The stand-in is the first build's.

Usage: python3 Benchmarks/sync_ab.py --deliveries 1000000 [--no-conversations] [--runs 2] [--trace DIR]
           A=.build/release-before B=.build/release

`--perf DIR` records each run with `perf record -g` (DIR/label-run.perf). `--trace DIR` keeps each run's `PROACTIVE_TUI_TRACE_IMPORT=1` stage marks in DIR (label-run.trace).
"""
import argparse, os, re, shutil, statistics, subprocess, sys, tempfile, time


def process_cpu(pid):
    """user + system seconds a running process has used so far (/proc/PID/stat), or None off Linux."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def run_sync(binary_dir, sync_args, db, trace_path, log_path, perf_path=None):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    env = dict(os.environ)
    if trace_path:
        env["PROACTIVE_TUI_TRACE_IMPORT"] = "1"
    actions = [(os.POSIX_SPAWN_OPEN, 1, log_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600),
               (os.POSIX_SPAWN_OPEN, 2, trace_path or log_path + ".err", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)]
    load = os.getloadavg()[0]
    started = time.time()
    argv = [os.path.join(binary_dir, "proactive-tui-sync")] + sync_args + ["--db", db]
    if perf_path:
        argv = ["/usr/bin/perf", "record", "-F", "499", "-g", "-o", perf_path, "--"] + argv
    pid = os.posix_spawn(argv[0], argv, env, file_actions=actions)
    _, status, usage = os.wait4(pid, 0)
    wall = time.time() - started
    if status != 0:
        sys.exit(f"sync of {binary_dir} failed with status {status}: see {log_path}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, load


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--deliveries", type=int, default=1_000_000)
    ap.add_argument("--no-conversations", action="store_true")
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--trace", default=None)
    ap.add_argument("--perf", default=None, help="DIR: record each run with perf (label-run.perf); CPU then includes perf's")
    ap.add_argument("builds", nargs="+", help="LABEL=DIR of release binaries")
    args = ap.parse_args()
    builds = [b.split("=", 1) for b in args.builds]
    work = tempfile.mkdtemp(prefix="sync-ab-")
    secret = os.path.join(work, "secret")
    cmd = [os.path.join(builds[0][1], "dataverse-standin"), "--deliveries", str(args.deliveries), "--secret-file", secret]
    if args.no_conversations:
        cmd += ["--no-conversations", "1"]
    server = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        print("stand-in:", line.strip(), flush=True)
        url = line.split()[1]
        tenant = re.search(r"tenant=(\S+)", line).group(1)
        client = re.search(r"client-id=(\S+)", line).group(1)
        sync_args = ["--org", url, "--authority", url, "--tenant", tenant, "--client-id", client,
                     "--client-secret-file", secret, "--once"]
        results = {label: [] for label, _ in builds}
        for run in range(args.runs):
            for label, directory in builds:
                trace = os.path.join(args.trace, f"{label}-{run}.trace") if args.trace else None
                server_before = process_cpu(server.pid)
                wall, cpu, rss, load = run_sync(directory, sync_args, os.path.join(work, f"store-{label}.sqlite"), trace,
                                                  os.path.join(work, f"{label}.log"),
                                                  os.path.join(args.perf, f"{label}-{run}.perf") if args.perf else None)
                server_after = process_cpu(server.pid)
                server_cpu = server_after - server_before if server_before is not None and server_after is not None else float("nan")
                results[label].append((wall, cpu, rss, load))
                print(f"{label} run {run}: wall {wall:6.2f} s  cpu {cpu:6.2f} s  stand-in cpu {server_cpu:5.2f} s  "
                      f"peak {rss:5.0f} MB  load {load:4.2f}  "
                      f"= {args.deliveries / wall:,.0f} deliveries/s", flush=True)
        for label, rows in results.items():
            print(f"{label}: median wall {statistics.median(r[0] for r in rows):.2f} s, cpu "
                  f"{statistics.median(r[1] for r in rows):.2f} s, peak {max(r[2] for r in rows):.0f} MB")
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
