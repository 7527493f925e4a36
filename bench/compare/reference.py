#!/usr/bin/env python3
"""Independent reference for the kpi benchmark jobs, Python 3 standard library only (csv + decimal).

Slow (pure Python): meant for the --quick data, as the oracle that DuckDB, Miller and kpi are
checked against, and as a stand-in for kpi while kpi's commands do not exist yet (it accepts kpi's
command line and, with --style kpi, prints kpi's column names).

    reference.py cac --spend spend.csv --deals deals.csv [--by channel] [--format csv] [--style canonical|kpi]
    reference.py ads --spend spend.csv [--by campaign] [--format csv] [--style canonical|kpi]

Definitions (the same as bench/duckdb/DuckBench.java, written independently):
  cac  per channel: cost = sum of spend cost; new_customers = accounts whose first won deal (stage
       "Closed Won"; earliest `closed`, ties -> smallest `id` compared as a string) has that channel;
       cac = cost / new_customers, 2 decimals half-even, empty when there are no customers.
       Channels of either file are listed; a channel without spend has cost 0.00.
  ads  per campaign: sums of impressions, clicks, cost, conversions, conversion_value;
       ctr = clicks/impressions (6 dp), cpc = cost/clicks (2 dp), cpm = 1000*cost/impressions (2 dp),
       cpa = cost/conversions (2 dp), roas = conversion_value/cost (4 dp),
       conversion_rate = conversions/clicks (6 dp); half-even; empty when the denominator is 0.
"""
import argparse
import csv
import sys
from decimal import Decimal, ROUND_HALF_EVEN, getcontext

getcontext().prec = 60

CANONICAL = {
    "cac": ["channel", "cost", "new_customers", "cac"],
    "ads": ["campaign", "impressions", "clicks", "cost", "conversions", "conversion_value",
            "ctr", "cpc", "cpm", "cpa", "roas", "conversion_rate"],
}
KPI_NAMES = {
    "new_customers": "newCustomers", "cost": "cost", "conversion_value": "conversionValue",
    "conversion_rate": "conversionRate",
}
KPI_CAC_COST = "marketingCost"


def ratio(num, den, places):
    if den == 0:
        return ""
    q = Decimal(num) / Decimal(den)
    return str(q.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN))


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        yield from csv.DictReader(f)


def cac(spend, deals):
    cost = {}
    for r in read(spend):
        cost[r["channel"]] = cost.get(r["channel"], Decimal(0)) + Decimal(r["cost"])
    first = {}  # account -> (closed, id, channel)
    for r in read(deals):
        if r["stage"] != "Closed Won":
            continue
        key = (r["closed"], r["id"])  # 'yyyy-MM-dd HH:mm:ss' sorts as text in time order
        cur = first.get(r["account_id"])
        if cur is None or key < cur[:2]:
            first[r["account_id"]] = (r["closed"], r["id"], r["channel"])
    customers = {}
    for _, _, ch in first.values():
        customers[ch] = customers.get(ch, 0) + 1
    rows = []
    for ch in sorted(set(cost) | set(customers)):
        c = cost.get(ch, Decimal("0.00")).quantize(Decimal("0.01"))
        n = customers.get(ch, 0)
        rows.append([ch, str(c), str(n), ratio(c, n, 2)])
    return rows


def ads(spend):
    sums = {}
    for r in read(spend):
        s = sums.setdefault(r["campaign"], [0, 0, Decimal(0), Decimal(0), Decimal(0)])
        s[0] += int(r["impressions"])
        s[1] += int(r["clicks"])
        s[2] += Decimal(r["cost"])
        s[3] += Decimal(r["conversions"])
        s[4] += Decimal(r["conversion_value"])
    rows = []
    for name in sorted(sums):
        imp, clk, cost, conv, val = sums[name]
        rows.append([name, str(imp), str(clk), str(cost.quantize(Decimal("0.01"))),
                     str(conv.quantize(Decimal("0.01"))), str(val.quantize(Decimal("0.01"))),
                     ratio(clk, imp, 6), ratio(cost, clk, 2), ratio(1000 * cost, imp, 2),
                     ratio(cost, conv, 2), ratio(val, cost, 4), ratio(conv, clk, 6)])
    return rows


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("job", choices=["cac", "ads"])
    p.add_argument("--spend", required=True)
    p.add_argument("--deals")
    p.add_argument("--by", default=None, help="accepted for kpi compatibility; cac is by channel, ads by campaign")
    p.add_argument("--format", default="csv", choices=["csv"])
    p.add_argument("--style", default="canonical", choices=["canonical", "kpi"])
    a = p.parse_args()
    expected_by = {"cac": "channel", "ads": "campaign"}[a.job]
    if a.by not in (None, expected_by):
        p.error(f"{a.job} supports only --by {expected_by}")
    if a.job == "cac" and not a.deals:
        p.error("cac needs --deals")
    rows = cac(a.spend, a.deals) if a.job == "cac" else ads(a.spend)
    header = CANONICAL[a.job]
    if a.style == "kpi":
        header = [KPI_NAMES.get(h, h) for h in header]
        if a.job == "cac":
            header[1] = KPI_CAC_COST
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)


if __name__ == "__main__":
    main()
