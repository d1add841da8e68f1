#!/usr/bin/env python3
"""Interleaved A/B of the dashboard's first frame in a fresh process (issue 16's start-up figure).

    python3 Benchmarks/startup_ab.py RUNS STORE BIN_A BIN_B

Runs `BIN bench-startup --db STORE` of each binary in turn, RUNS times (the order alternating each run), and prints
each one's median launch -> first frame (from just before the launch to the child's first frame, on the monotonic
clock both read), CPU time to the first frame, the in-process first frame, VmHWM, and when the child's block rows
were built after its frame.
"""
import json
import statistics
import subprocess
import sys
import time


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    runs, store, bins = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
    results = {b: [] for b in bins}
    for i in range(runs):
        for b in (bins if i % 2 == 0 else list(reversed(bins))):
            start = time.monotonic_ns()
            out = subprocess.run([b, 'bench-startup', '--db', store], capture_output=True, text=True, check=True).stdout
            j = json.loads(out)
            results[b].append(((j['frameMonotonicNs'] - start) / 1e6, j['processCPUMs'], j['firstFrameMs'],
                               j['vmHWMKiB'] / 1024, j.get('blockRowsAfterFirstFrameMs')))
    with open('/proc/loadavg') as f:
        print('load average', f.read().split()[0] + ',', runs, 'interleaved runs each')
    for b, v in results.items():
        med = lambda k: statistics.median(x[k] for x in v)
        blocks = [x[4] for x in v if x[4] is not None]
        print(f'{b}: launch -> first frame median {med(0):.1f} ms (min {min(x[0] for x in v):.1f}), CPU to the first frame '
              f'{med(1):.1f} ms, in process {med(2):.1f} ms, VmHWM {med(3):.1f} MiB'
              + (f', block rows built {statistics.median(blocks):.1f} ms after the frame' if blocks else ''))


if __name__ == '__main__':
    main()
