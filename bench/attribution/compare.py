#!/usr/bin/env python3
"""Checks that kpi's first/last/linear credits equal DuckDB's: python3 compare.py KPI_JSON DUCKDB_CSV.

Conversions must agree within 1e-6 per channel and revenue within 0.01 (kpi rounds each credit to 6 decimals
and DuckDB sums doubles). Prints the largest differences and exits 1 on a mismatch."""
import csv
import json
import sys

kpi_path, duck_path = sys.argv[1], sys.argv[2]
with open(kpi_path, encoding="utf-8") as f:
    kpi = json.load(f)
got = {}
for row in kpi["rows"]:
    if row["model"] in ("first", "last", "linear"):
        got[(row["model"], row["channel"])] = (float(row["attributedConversions"]), float(row.get("attributedRevenue") or 0))
want = {}
with open(duck_path, encoding="utf-8") as f:
    for row in csv.DictReader(f):
        want[(row["model"], row["channel"])] = (float(row["conversions"]), float(row["revenue"]))
worst_conv = worst_rev = 0.0
bad = []
for key in sorted(set(got) | set(want)):
    g = got.get(key, (0.0, 0.0))
    w = want.get(key, (0.0, 0.0))
    dc, dr = abs(g[0] - w[0]), abs(g[1] - w[1])
    worst_conv, worst_rev = max(worst_conv, dc), max(worst_rev, dr)
    if dc > 1e-6 or dr > 0.01:
        bad.append(f"  {key}: kpi {g} duckdb {w}")
cells = len(set(got) | set(want))
print(f"agreement: {cells} model/channel cells, max |diff| conversions {worst_conv:.2e}, revenue {worst_rev:.2e}")
if bad:
    print("MISMATCH:\n" + "\n".join(bad[:20]))
    sys.exit(1)
