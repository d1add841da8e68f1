#!/usr/bin/env python3
"""Issue 11's figures for `proactive-tui sync`, against the stand-in organization (`dataverse-standin`) on loopback,
both built in release:

1. the initial sync of N deliveries (default 1,000,000), end to end (`sync --once` from a fresh store: token,
   every page of every table, the conversations deliveries link to), with the sync process's peak resident memory;
2. rounds of 1,000 new deliveries: the time from the service's answer to the change being visible on a running
   dashboard (tmux, `--refresh 0.2 --direction all`: with the default `Outgoing` a delivery whose conversation turns
   out incoming leaves the total once that conversation is read): `sync --interval 1` runs beside it, the script adds the rows and times until
   the header's total moves; the sync's own log line gives the round's time.

Usage: python3 Benchmarks/sync_bench.py [--deliveries 1000000] [--rounds 5] [--bin .build/release]
"""
import argparse, os, re, resource, subprocess, sys, tempfile, time, urllib.request


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--deliveries", type=int, default=1_000_000)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--changes", type=int, default=1000)
    ap.add_argument("--bin", default=".build/release")
    ap.add_argument("--no-conversations", action="store_true", help="deliveries link to no conversation")
    args = ap.parse_args()
    tui = os.path.join(args.bin, "proactive-tui")
    standin = os.path.join(args.bin, "dataverse-standin")
    work = tempfile.mkdtemp(prefix="sync-bench-")
    secret = os.path.join(work, "secret")
    db = os.path.join(work, "store.sqlite")
    cmd = [standin, "--deliveries", str(args.deliveries), "--secret-file", secret]
    if args.no_conversations:
        cmd += ["--no-conversations", "1"]
    server = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        print("stand-in:", line.strip())
        url = line.split()[1]
        tenant = re.search(r"tenant=(\S+)", line).group(1)
        client = re.search(r"client-id=(\S+)", line).group(1)
        sync = [tui, "sync", "--org", url, "--authority", url, "--tenant", tenant, "--client-id", client,
                "--client-secret-file", secret, "--db", db]

        # 1. Initial sync.
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        started = time.time()
        out = subprocess.run(sync + ["--once"], capture_output=True, text=True)
        took = time.time() - started
        peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        if out.returncode != 0:
            sys.exit("sync failed: " + out.stderr)
        print(out.stdout.strip())
        print(f"initial sync: {args.deliveries:,} deliveries in {took:.2f} s = {args.deliveries / took:,.0f} deliveries/s "
              f"end to end; peak RSS of the sync process {peak_kb / 1024:.0f} MB"
              + ("" if peak_kb > before else " (the stand-in's peak is larger: read /proc instead)"))

        # 2. Rounds of changes seen on a running dashboard.
        session = "syncbench%d" % os.getpid()
        subprocess.run(["tmux", "-L", session, "new-session", "-d", "-x", "160", "-y", "45",
                        f"TERM=xterm-256color LANG=C.UTF-8 TZ=UTC {tui} dashboard --db {db} --tz UTC --all-dates --direction all --refresh 0.2"],
                       check=True)
        log = open(os.path.join(work, "sync.log"), "w")
        loop = subprocess.Popen(sync + ["--interval", "1"], stdout=log, stderr=log)
        try:
            def total():
                screen = subprocess.run(["tmux", "-L", session, "capture-pane", "-p"], capture_output=True, text=True).stdout
                m = re.search(r"Total ([\d,]+)", screen)
                return int(m.group(1).replace(",", "")) if m else None

            deadline = time.time() + 30
            while total() is None and time.time() < deadline:
                time.sleep(0.1)
            visible = []
            for _ in range(args.rounds):
                shown = total()
                urllib.request.urlopen(urllib.request.Request(f"{url}/_standin/add?count={args.changes}", method="POST")).read()
                added = time.time()
                deadline = added + 20
                while total() != shown + args.changes and time.time() < deadline:
                    time.sleep(0.02)
                visible.append(time.time() - added)
            log.flush()
            rounds = [float(x) for x in re.findall(r"deliveries [\d,]+ rows[^\n]* in ([\d.]+) s", open(log.name).read())]
            print(f"{args.changes:,} new deliveries per round, {args.rounds} rounds, sync --interval 1, dashboard --refresh 0.2:")
            print("  added -> visible on the dashboard (s): " + ", ".join(f"{v:.2f}" for v in visible)
                  + "  (includes waiting up to 1 s for the next round)")
            if rounds:
                print("  the sync's rounds with those rows took (s): " + ", ".join(f"{r:.2f}" for r in rounds[-args.rounds:]))
        finally:
            loop.kill()
            loop.wait()
            subprocess.run(["tmux", "-L", session, "kill-server"])
    finally:
        server.kill()
        server.wait()
        subprocess.run(["rm", "-rf", work])


if __name__ == "__main__":
    main()
