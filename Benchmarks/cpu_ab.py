#!/usr/bin/env python3
"""Interleaved A/B CPU and wall time of whole processes (issue 16's snapshot figure).

    python3 Benchmarks/cpu_ab.py RUNS BIN_A BIN_B ... -- ARGUMENTS...

Runs every binary with the same arguments RUNS times, the binaries' order alternating each run, and prints each
one's median CPU time (user + system of the child, from os.wait4) and wall time. Standard output is read through a
pipe and dropped; XDG_CONFIG_HOME=/nonexistent as Benchmarks/duckdb_baseline.py sets, so no settings file is read.
"""
import os
import statistics
import sys
import time


def run(binary, args, env):
    read_end, write_end = os.pipe()
    t = time.perf_counter()
    pid = os.posix_spawn(binary, [binary] + args, env, file_actions=[(os.POSIX_SPAWN_DUP2, write_end, 1)])
    os.close(write_end)
    while os.read(read_end, 1 << 16):
        pass
    os.close(read_end)
    _, status, usage = os.wait4(pid, 0)
    wall = (time.perf_counter() - t) * 1000
    if status != 0:
        sys.exit(f"{binary} exited with status {status}")
    return (usage.ru_utime + usage.ru_stime) * 1000, wall


def main():
    argv = sys.argv[1:]
    if "--" not in argv or len(argv) < 3:
        sys.exit(__doc__)
    runs = int(argv[0])
    separator = argv.index("--")
    binaries, args = argv[1:separator], argv[separator + 1:]
    env = {**os.environ, "XDG_CONFIG_HOME": "/nonexistent"}
    cpu = {b: [] for b in binaries}
    wall = {b: [] for b in binaries}
    for r in range(runs):
        for b in (binaries if r % 2 == 0 else binaries[::-1]):
            c, w = run(b, args, env)
            cpu[b].append(c)
            wall[b].append(w)
    print(f"load average {os.getloadavg()[0]:.2f}, {runs} interleaved runs")
    for b in binaries:
        print(f"{b:24} CPU median {statistics.median(cpu[b]):6.2f} ms (min {min(cpu[b]):.2f})   "
              f"wall median {statistics.median(wall[b]):6.2f} ms (min {min(wall[b]):.2f})")


if __name__ == "__main__":
    main()
