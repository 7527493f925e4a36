#!/usr/bin/env python3
"""Agreement check and summary table for the kpi benchmark (Python 3 standard library only).

    compare.py compare --job cac --expected duckdb=out/duckdb-cac.csv \
                       --actual kpi=out/kpi-cac.csv --actual miller=out/miller-cac.csv \
                       [--sums-only miller] [--results out/agreement.tsv]
    compare.py summary --timings out/timings.tsv --results out/agreement.tsv [--baseline duckdb]

Every file is read as CSV with a header. Its column names are mapped to the canonical names below
through COLUMN_ALIASES -- the one place to edit when kpi names a column differently. Each value is
rounded half-even to the column's decimals before comparing, so a float sum from Miller agrees when
it is right to the cent; counts must be equal. A missing or empty sum counts as 0 (a channel without
spend); a missing or empty ratio means "no value" (zero denominator) and must be empty on both sides.
"""
import argparse
import csv
import statistics
import sys
from decimal import Decimal, InvalidOperation, ROUND_HALF_EVEN

# ----------------------------------------------------------------------------- the one mapping
# canonical name -> names accepted in a tool's CSV header (compared case- and separator-insensitively)
COLUMN_ALIASES = {
    "channel": ["channel"],
    "campaign": ["campaign"],
    "cost": ["cost", "marketingCost", "spend", "paidCost", "adCost"],
    "new_customers": ["new_customers", "newCustomers", "customers"],
    "cac": ["cac", "paidCac"],
    "impressions": ["impressions"],
    "clicks": ["clicks"],
    "conversions": ["conversions"],
    "conversion_value": ["conversion_value", "conversionValue"],
    "ctr": ["ctr"],
    "cpc": ["cpc"],
    "cpm": ["cpm"],
    "cpa": ["cpa"],
    "roas": ["roas"],
    "conversion_rate": ["conversion_rate", "conversionRate"],
}

# job -> (key column, [(column, decimals, kind)]); kind: "sum" (missing = 0), "count", "ratio"
JOBS = {
    "cac": ("channel", [("cost", 2, "sum"), ("new_customers", 0, "count"), ("cac", 2, "ratio")]),
    "ads": ("campaign", [("impressions", 0, "count"), ("clicks", 0, "count"), ("cost", 2, "sum"),
                         ("conversions", 2, "sum"), ("conversion_value", 2, "sum"),
                         ("ctr", 6, "ratio"), ("cpc", 2, "ratio"), ("cpm", 2, "ratio"),
                         ("cpa", 2, "ratio"), ("roas", 4, "ratio"), ("conversion_rate", 6, "ratio")]),
}
# rows whose key is one of these are a totals row, not a group: skipped (and reported)
TOTAL_KEYS = {"", "total", "totals", "(total)", "all", "grand total", "(all)"}
NULLS = {"", "null", "none", "nan", "n/a", "na", "-", "--", "\u2014", "inf", "infinity"}
MAX_SHOWN = 8


def norm(name):
    return "".join(ch for ch in name.lower() if ch.isalnum())




def map_header(header):
    """Canonical name per header cell (None when unused). When several cells match one canonical
    column (say `cost` and `marketingCost`), the alias listed first in COLUMN_ALIASES wins."""
    names = [None] * len(header)
    normed = [norm(h) for h in header]
    for canon, aliases in COLUMN_ALIASES.items():
        for alias in aliases:
            if norm(alias) in normed:
                names[normed.index(norm(alias))] = canon
                break
    return names


def parse_number(raw):
    """Decimal from a cell, tolerant of currency signs, grouping and percent; None for no value."""
    s = raw.strip()
    if s.lower() in NULLS:
        return None
    percent = s.endswith("%")
    for junk in ("%", "$", "\u20ac", "\u00a3", ",", "_", " ", "USD", "EUR", "GBP"):
        s = s.replace(junk, "")
    if s.startswith("'"):  # formula-injection guard
        s = s[1:]
    try:
        d = Decimal(s)
    except InvalidOperation:
        raise ValueError(f"not a number: {raw!r}")
    return d / 100 if percent else d


def load(path, job):
    """{key: {canonical column: raw text}}, list of skipped total keys, list of unmapped columns."""
    key_col, _ = JOBS[job]
    with open(path, newline="", encoding="utf-8-sig") as f:
        reader = csv.reader(f)
        header = next(reader, None)
        if header is None:
            raise ValueError(f"{path}: empty file")
        names = map_header(header)
        if key_col not in names:
            raise ValueError(f"{path}: no '{key_col}' column in header {header}")
        unmapped = [h for h, n in zip(header, names) if n is None]
        rows, totals = {}, []
        for rec in reader:
            if not rec:
                continue
            row = {n: v for n, v in zip(names, rec) if n is not None}
            key = row.get(key_col, "")
            if key.startswith("'") and key[1:2] in ("=", "+", "-", "@"):
                key = key[1:]
            if key.strip().lower() in TOTAL_KEYS:
                totals.append(key)
                continue
            if key in rows:
                raise ValueError(f"{path}: key {key!r} appears twice")
            rows[key] = row
    return rows, totals, unmapped


def quantize(d, places):
    return d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)


def compare(expected, actual, job, sums_only):
    """List of difference strings and list of notes."""
    key_col, columns = JOBS[job]
    diffs, notes = [], []
    missing = sorted(set(expected) - set(actual))
    extra = sorted(set(actual) - set(expected))
    if missing:
        diffs.append(f"{len(missing)} {key_col}(s) missing, e.g. {missing[:3]}")
    if extra:
        diffs.append(f"{len(extra)} unexpected {key_col}(s), e.g. {extra[:3]}")
    present_cols = set()
    for row in actual.values():
        present_cols.update(row)
    checked = [c for c in columns if not (sums_only and c[2] == "ratio")]
    for col, _, _ in checked:
        if col not in present_cols:
            diffs.append(f"column '{col}' not found (see COLUMN_ALIASES)")
    noisy = 0
    for key in sorted(set(expected) & set(actual)):
        for col, places, kind in checked:
            if col not in present_cols:
                continue
            try:
                e = parse_number(expected[key].get(col, ""))
                a = parse_number(actual[key].get(col, ""))
            except ValueError as ex:
                diffs.append(f"{key_col}={key!r} {col}: {ex}")
                continue
            if kind != "ratio":
                e = Decimal(0) if e is None else e
                a = Decimal(0) if a is None else a
            if e is None or a is None:
                if e is not a:
                    diffs.append(f"{key_col}={key!r} {col}: expected {fmt(e)} got {fmt(a)}")
                continue
            qa = quantize(a, places)
            if qa != a:
                noisy += 1
            if quantize(e, places) != qa:
                diffs.append(f"{key_col}={key!r} {col}: expected {fmt(e)} got {fmt(a)}")
    if noisy:
        notes.append(f"{noisy} value(s) carried more decimals than the column's precision (rounded before comparing)")
    return diffs, notes


def fmt(d):
    return "empty" if d is None else str(d)


def cmd_compare(a):
    exp_name, exp_path = a.expected.split("=", 1)
    expected, _, _ = load(exp_path, a.job)
    ok_all = True
    lines = []
    for spec in a.actual:
        name, path = spec.split("=", 1)
        sums_only = name in a.sums_only
        try:
            actual, totals, unmapped = load(path, a.job)
            diffs, notes = compare(expected, actual, a.job, sums_only)
        except (OSError, ValueError) as ex:
            diffs, notes, totals, unmapped = [str(ex)], [], [], []
        if totals:
            notes.append(f"skipped totals row(s): {totals}")
        if unmapped:
            notes.append(f"unmapped column(s) ignored: {unmapped}")
        ok = not diffs
        ok_all &= ok
        scope = "sums and counts" if sums_only else "all columns"
        verdict = "yes" if ok else "NO"
        print(f"[{a.job}] {name} vs {exp_name} ({scope}, {len(expected)} rows): agree={verdict}")
        for d in diffs[:MAX_SHOWN]:
            print(f"    - {d}")
        if len(diffs) > MAX_SHOWN:
            print(f"    ... and {len(diffs) - MAX_SHOWN} more differences")
        for n in notes:
            print(f"    note: {n}")
        detail = "; ".join(diffs[:2]) if diffs else scope
        lines.append(f"{a.job}\t{name}\t{verdict}\t{detail}\n")
    if a.results:
        with open(a.results, "a", encoding="utf-8") as f:
            f.writelines(lines)
    return 0 if ok_all else 1


def cmd_summary(a):
    runs = {}
    with open(a.timings, encoding="utf-8") as f:
        for line in f:
            f = line.rstrip("\n").split("\t")
            tool, job, wall, rss, rc = f[:5]
            cpu = float(f[5]) if len(f) > 5 else None
            runs.setdefault((tool, job), []).append((float(wall), int(rss), int(rc), cpu))
    agree = {}
    if a.results:
        try:
            with open(a.results, encoding="utf-8") as f:
                for line in f:
                    job, tool, verdict, _ = line.rstrip("\n").split("\t", 3)
                    agree[(tool, job)] = verdict
        except FileNotFoundError:
            pass
    medians = {k: statistics.median(r[0] for r in v if r[2] == 0) for k, v in runs.items()
               if any(r[2] == 0 for r in v)}
    header = ["tool", "job", "runs", "median wall s", "min s", "max s", "median cpu s", "peak RSS MB",
              f"ratio vs {a.baseline}", "agree"]
    table = []
    for (tool, job), v in sorted(runs.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        ok = [r for r in v if r[2] == 0]
        if not ok:
            table.append([tool, job, f"0/{len(v)}", "failed", "", "", "", "", "", agree.get((tool, job), "-")])
            continue
        med = medians[(tool, job)]
        base = medians.get((a.baseline, job))
        table.append([tool, job, f"{len(ok)}/{len(v)}", f"{med:.3f}", f"{min(r[0] for r in ok):.3f}",
                      f"{max(r[0] for r in ok):.3f}",
                      f"{statistics.median(r[3] for r in ok):.2f}" if ok[0][3] is not None else "-",
                      f"{max(r[1] for r in ok) / 1024:.0f}",
                      f"{med / base:.2f}" if base else "-",
                      agree.get((tool, job), "(ref)" if tool == a.baseline else "-")])
    widths = [max(len(str(r[i])) for r in [header] + table) for i in range(len(header))]
    for i, r in enumerate([header] + table):
        print("  ".join(str(c).rjust(w) if j >= 2 else str(c).ljust(w) for j, (c, w) in enumerate(zip(r, widths))))
        if i == 0:
            print("  ".join("-" * w for w in widths))
    return 0


def cmd_scaling(a):
    """Median wall per tool and job at each scale, and time / (scale x time at the smallest scale)."""
    points = []
    for spec in a.point:
        k, path = spec.split("=", 1)
        runs = {}
        with open(path, encoding="utf-8") as f:
            for line in f:
                tool, job, wall, _, rc = line.rstrip("\n").split("\t")[:5]
                if rc == "0":
                    runs.setdefault((tool, job), []).append(float(wall))
        points.append((float(k), {key: statistics.median(v) for key, v in runs.items()}))
    points.sort()
    keys = sorted({key for _, m in points for key in m}, key=lambda t: (t[1], t[0]))
    k0 = points[0][0]
    print("tool         job   " + "  ".join(f"{k:g}x: median s (per-unit ratio)".rjust(30) for k, _ in points))
    for key in keys:
        base = points[0][1].get(key)
        cells = []
        for k, m in points:
            t = m.get(key)
            if t is None:
                cells.append("-".rjust(30))
            else:
                per = f"({t / (base * k / k0):.2f})" if base else ""
                cells.append(f"{t:.3f} {per}".rjust(30))
        print(f"{key[0]:<12} {key[1]:<5} " + "  ".join(cells))
    print("per-unit ratio = time / (scale x time at the first scale); 1.00 is perfectly linear")
    return 0


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("compare")
    c.add_argument("--job", required=True, choices=sorted(JOBS))
    c.add_argument("--expected", required=True, metavar="NAME=FILE")
    c.add_argument("--actual", action="append", default=[], metavar="NAME=FILE")
    c.add_argument("--sums-only", action="append", default=[], metavar="NAME",
                   help="check only sums and counts for this tool (Miller: float ratios)")
    c.add_argument("--results", help="append one line per tool: job, tool, yes/NO, detail")
    s = sub.add_parser("summary")
    s.add_argument("--timings", required=True, help="lines: tool, job, wall seconds, peak RSS KB, exit code")
    s.add_argument("--results")
    s.add_argument("--baseline", default="duckdb")
    g = sub.add_parser("scaling")
    g.add_argument("--point", action="append", required=True, metavar="SCALE=TIMINGS.tsv")
    a = p.parse_args()
    sys.exit({"compare": cmd_compare, "summary": cmd_summary, "scaling": cmd_scaling}[a.cmd](a))


if __name__ == "__main__":
    main()
