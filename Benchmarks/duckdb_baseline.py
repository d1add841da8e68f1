#!/usr/bin/env python3
"""DuckDB baseline for `snapshot --format json` (issue 16).

Setup: `pip install duckdb` (nothing else).

Loads the raw delivery rows of a store (one row per delivery with its combination's values, read with Python's
sqlite3 module) into an in-memory DuckDB table once, then, interleaved run by run:
  - DuckDB: the snapshot's seven aggregates over those rows, in process (totals; deliveries by status; status
    by day, which gives the days' totals too; processed by result; processed by dial mode; by configuration;
    by queue), for the same days and the default direction filter (Outgoing, or no conversation);
  - proactive-tui: a whole `snapshot --format json` process over the same days.
Wall time and CPU time are reported for both (the machine is shared: medians of interleaved runs), and every
DuckDB result is checked equal to the snapshot's JSON (exit 1 when one differs).

    python3 Benchmarks/duckdb_baseline.py --bin .build/release/proactive-tui --db /tmp/bench-1m.sqlite --runs 21
"""
import argparse
import json
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta

try:
    import duckdb
except ImportError:
    sys.exit("duckdb_baseline.py needs DuckDB: pip install duckdb")

QUERIES = {
    "totals": """SELECT count(*), count(*) FILTER (WHERE status = 'Complete') FROM raw WHERE {w}""",
    "byStatus": """SELECT status, count(*) FROM raw WHERE {w} GROUP BY status""",
    "statusByDay": """SELECT day, status, count(*) FROM raw WHERE {w} GROUP BY day, status""",
    "byResult": """SELECT result, count(*) FROM raw WHERE {w} AND status = 'Complete' GROUP BY result""",
    "byDialMode": """SELECT dial_mode, count(*) FROM raw WHERE {w} AND status = 'Complete' GROUP BY dial_mode""",
    "byConfiguration": """SELECT config_id, count(*), count(*) FILTER (WHERE status = 'Complete') FROM raw WHERE {w}
                          GROUP BY config_id""",
    "byQueue": """SELECT queue_id, count(*), count(*) FILTER (WHERE status = 'Complete') FROM raw WHERE {w}
                  GROUP BY queue_id""",
}


def load(db_path):
    """The raw rows, from the store (read-only), into an in-memory DuckDB table `raw`."""
    source = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    rows = source.execute("""
        SELECT d.created, d.created / 86400, c.status, c.result, c.dial_mode, c.config_id, c.queue_id, c.direction
        FROM deliveries d JOIN combos c ON c.id = d.combo""").fetchall()
    source.close()
    con = duckdb.connect()
    con.execute("""CREATE TABLE raw(created BIGINT, day BIGINT, status VARCHAR, result VARCHAR, dial_mode VARCHAR,
                   config_id VARCHAR, queue_id VARCHAR, direction INTEGER)""")
    bulk(con, rows)
    return con, len(rows)


def bulk(con, rows):
    # executemany is slow for a million rows: through a temporary CSV that DuckDB reads itself.
    import csv
    import tempfile
    with tempfile.NamedTemporaryFile("w", suffix=".csv", newline="", delete=False) as f:
        csv.writer(f).writerows(rows)
        name = f.name
    try:
        con.execute(f"""INSERT INTO raw SELECT * FROM read_csv('{name}', header = false, all_varchar = true,
                        columns = {{'created': 'BIGINT', 'day': 'BIGINT', 'status': 'VARCHAR', 'result': 'VARCHAR',
                        'dial_mode': 'VARCHAR', 'config_id': 'VARCHAR', 'queue_id': 'VARCHAR', 'direction': 'INTEGER'}})""")
    finally:
        os.unlink(name)


def where(first, last):
    start = (first - date(1970, 1, 1)).days * 86400
    end = (last - date(1970, 1, 1)).days * 86400 + 86400
    return f"created >= {start} AND created < {end} AND direction IN (0, 1)"


def duck_run(con, w):
    return {name: con.execute(sql.format(w=w)).fetchall() for name, sql in QUERIES.items()}


def snapshot_run(binary, db, first, last):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    out = subprocess.run([binary, "snapshot", "--format", "json", "--db", db, "--tz", "UTC",
                          "--from", first.isoformat(), "--to", last.isoformat()],
                         check=True, capture_output=True, env={**os.environ, "XDG_CONFIG_HOME": "/nonexistent"}).stdout
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return json.loads(out), wall * 1000, cpu * 1000


def blank(v):
    return v if v else "(Blank)"


def compare(duck, snap):
    """Differences between DuckDB's results and the snapshot's JSON (empty when equal)."""
    problems = []
    def same(name, a, b):
        if a != b:
            problems.append(f"{name}: duckdb {sorted(a.items()) if isinstance(a, dict) else a} != snapshot "
                            f"{sorted(b.items()) if isinstance(b, dict) else b}")
    total, processed = duck["totals"][0]
    same("totals", {"deliveries": total, "processed": processed}, snap["totals"])
    same("deliveriesByStatus", {s: n for s, n in duck["byStatus"] if n}, {k: v for k, v in snap["deliveriesByStatus"].items() if v})
    days = {}
    for day, status, n in duck["statusByDay"]:
        days.setdefault(day, {})[status] = n
    snap_days = {(date.fromisoformat(d["date"]) - date(1970, 1, 1)).days: {k: v for k, v in d["counts"].items() if v}
                 for d in snap["statusByDate"]}
    same("statusByDate", {d: c for d, c in days.items()}, {d: c for d, c in snap_days.items() if c})
    by_date = {(date.fromisoformat(d["date"]) - date(1970, 1, 1)).days: (d["total"], d["processed"])
               for d in snap["byDate"] if d["total"]}
    same("byDate", {d: (sum(c.values()), c.get("Complete", 0)) for d, c in days.items()}, by_date)
    same("processedByResult", {blank(r): n for r, n in duck["byResult"]}, {k: v for k, v in snap["processedByResult"].items() if v})
    same("processedByDialMode", {blank(r): n for r, n in duck["byDialMode"]}, {k: v for k, v in snap["processedByDialMode"].items() if v})
    same("byConfiguration", {c: (t, p) for c, t, p in duck["byConfiguration"]},
         {c["id"]: (c["total"], c["processed"]) for c in snap["byConfiguration"] if c["total"]})
    same("byQueue", {q: (t, p) for q, t, p in duck["byQueue"]},
         {q["id"]: (q["total"], q["processed"]) for q in snap["byQueue"] if q["total"]})
    return problems


def stats(values):
    values = sorted(values)
    return {"median": statistics.median(values), "min": values[0], "max": values[-1]}


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--bin", default=".build/release/proactive-tui")
    p.add_argument("--db", required=True)
    p.add_argument("--to", help="last day (YYYY-MM-DD, UTC); default the day of the store's latest delivery")
    p.add_argument("--days", type=int, default=30)
    p.add_argument("--runs", type=int, default=21)
    p.add_argument("--json", action="store_true")
    a = p.parse_args()

    t = time.perf_counter()
    con, rows = load(a.db)
    load_s = time.perf_counter() - t
    if a.to:
        last = date.fromisoformat(a.to)
    else:
        last = date(1970, 1, 1) + timedelta(days=con.execute("SELECT max(day) FROM raw").fetchone()[0])
    first = last - timedelta(days=a.days - 1)
    w = where(first, last)
    duck_run(con, w)  # warm: the first run pays for planning and the table's first scan
    duck_wall, duck_cpu, snap_wall, snap_cpu, problems = [], [], [], [], []
    for i in range(a.runs):
        c0, t0 = time.process_time(), time.perf_counter()
        duck = duck_run(con, w)
        duck_wall.append((time.perf_counter() - t0) * 1000)
        duck_cpu.append((time.process_time() - c0) * 1000)
        snap, wall, cpu = snapshot_run(a.bin, a.db, first, last)
        snap_wall.append(wall)
        snap_cpu.append(cpu)
        if i == 0:
            problems = compare(duck, snap)
    report = {
        "rows": rows, "from": first.isoformat(), "to": last.isoformat(), "runs": a.runs,
        "duckdbVersion": duckdb.__version__, "duckdbLoadSeconds": load_s,
        "duckdbInProcess": {"wallMs": stats(duck_wall), "cpuMs": stats(duck_cpu)},
        "snapshotProcess": {"wallMs": stats(snap_wall), "cpuMs": stats(snap_cpu)},
        "ratioOfMedians": statistics.median(snap_wall) / statistics.median(duck_wall),
        "equal": not problems, "differences": problems,
        "loadAverage": os.getloadavg(),
    }
    if a.json:
        print(json.dumps(report, indent=2))
    else:
        print(f"{rows:,} deliveries, {first} .. {last} (UTC, direction Outgoing), {a.runs} interleaved runs, "
              f"load average {report['loadAverage'][0]:.1f}")
        for name, key in [("DuckDB, seven queries in process", "duckdbInProcess"), ("snapshot --format json process", "snapshotProcess")]:
            r = report[key]
            print(f"  {name:36} wall median {r['wallMs']['median']:7.1f} ms (min {r['wallMs']['min']:.1f}, max {r['wallMs']['max']:.1f}); "
                  f"CPU median {r['cpuMs']['median']:.1f} ms")
        print(f"  snapshot / DuckDB (wall medians): {report['ratioOfMedians']:.2f}  (target ≤ 0.5)")
        print("  results: " + ("equal" if not problems else "DIFFERENT:\n    " + "\n    ".join(problems)))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
