#!/usr/bin/env python3
"""Writes the sample exports of Larkspur Data, an invented B2B SaaS company, for Q3 2025.

The files imitate the real exports' formats (preambles, totals rows, UTF-16 tab files, HubSpot's
column labels). Run from the repository root: python3 samples/generate_samples.py. Deterministic.
At the end it prints the KPIs the README shows, computed here with exact decimals, so tests can
check kpi against a second, independent computation.
"""
import csv
import io
import random
from datetime import date, datetime, timedelta
from decimal import Decimal as D, ROUND_HALF_EVEN
from pathlib import Path

OUT = Path(__file__).resolve().parent
rnd = random.Random(20250701)
Q_START, Q_END = date(2025, 7, 1), date(2025, 9, 30)
DAYS = [Q_START + timedelta(days=i) for i in range((Q_END - Q_START).days + 1)]
MONTHS = [(date(2025, 7, 1), date(2025, 7, 31)), (date(2025, 8, 1), date(2025, 8, 31)), (date(2025, 9, 1), date(2025, 9, 30))]
cents = lambda x: D(x).quantize(D("0.01"), ROUND_HALF_EVEN)
spend_total = {}  # channel -> Decimal


def add_spend(channel, amount):
    spend_total[channel] = spend_total.get(channel, D(0)) + amount


def grouped(n):
    return f"{n:,}"


# ---------------------------------------------------------------- Google Ads (CSV download, Day segment)
google = [("GA | Search | Brand", "Search", 40, 0.09, 1.15, 0.05, 300),
          ("GA | Search | Data Sync, US", "Search", 95, 0.035, 4.20, 0.02, 600),
          ("GA | PMax | Free Trial", "Performance Max", 60, 0.012, 2.60, 0.015, 450)]
rows = []
tot = {"impr": 0, "clicks": 0, "cost": D(0), "conv": D(0), "value": D(0)}
by_type = {}
for day in DAYS:
    for name, ctype, budget, ctr, cpc, cr, value_per in google:
        clicks = max(1, int(budget / cpc * rnd.uniform(0.7, 1.1)))
        impr = int(clicks / ctr * rnd.uniform(0.85, 1.15))
        cost = cents(clicks * cpc * rnd.uniform(0.9, 1.1))
        conv = D(rnd.choice([0, 0, 0, 0.5, 1, 1, 2])) if rnd.random() < 0.6 else D(0)
        conv = conv.quantize(D("0.01"))
        value = cents(conv * value_per)
        rows.append([day.isoformat(), name, ctype, "USD", grouped(impr), grouped(clicks),
                     f"{clicks / impr * 100:.2f}%", f"{cost / clicks:.2f}", f"{cost}", f"{conv}", f"{value:,.2f}"])
        for k, v in (("impr", impr), ("clicks", clicks), ("cost", cost), ("conv", conv), ("value", value)):
            tot[k] += v
        t = by_type.setdefault(ctype, {"impr": 0, "clicks": 0, "cost": D(0), "conv": D(0), "value": D(0)})
        for k, v in (("impr", impr), ("clicks", clicks), ("cost", cost), ("conv", conv), ("value", value)):
            t[k] += v
        add_spend("Paid Search", cost)
buf = io.StringIO()
buf.write("Campaign report\n\"July 1, 2025 - September 30, 2025\"\n")
w = csv.writer(buf, lineterminator="\n")
w.writerow(["Day", "Campaign", "Campaign type", "Currency code", "Impr.", "Clicks", "CTR", "Avg. CPC", "Cost", "Conversions", "Conv. value"])
for r in rows:
    w.writerow(r)


def total_row(label, t, ctype=""):
    return [label, " --" if label == "Total: Campaigns" else "", ctype, "USD", grouped(t["impr"]), grouped(t["clicks"]),
            f"{t['clicks'] / t['impr'] * 100:.2f}%", f"{t['cost'] / t['clicks']:.2f}", f"{t['cost']}", f"{t['conv']}",
            f"{t['value']:,.2f}"]


w.writerow(total_row("Total: Campaigns", tot))
w.writerow(total_row("Total: Account", tot))
for ctype, t in by_type.items():
    w.writerow(total_row(f"Total: {ctype}", t, ctype))
(OUT / "google_ads.csv").write_text(buf.getvalue(), encoding="utf-8")

# ---------------------------------------------------------------- Meta Ads (monthly breakdown, summary row first)
meta = [("META | Lead Gen | Data Sync Guide", 1400, 0.011, 0.9, 0.06), ("META | Retargeting | Demo", 700, 0.008, 1.6, 0.04)]
mrows = []
acc = {"reach": 0, "impr": 0, "spend": D(0), "clicks": 0, "leads": 0}
for (start, end) in MONTHS:
    for name, budget, ctr, cpc, lr in meta:
        spend = cents(budget * rnd.uniform(0.85, 1.1))
        clicks = int(spend / D(str(cpc)) * D(str(rnd.uniform(0.9, 1.1))))
        impr = int(clicks / ctr)
        reach = int(impr / rnd.uniform(1.6, 2.4))
        leads = int(clicks * lr)
        mrows.append([start.isoformat(), end.isoformat(), name, "active", "7-day click or 1-day view", leads,
                      "actions:onsite_conversion.lead_grouped", reach, f"{spend}", impr, clicks, leads,
                      "Ongoing"])
        acc["reach"] += reach; acc["impr"] += impr; acc["spend"] += spend; acc["clicks"] += clicks; acc["leads"] += leads
        add_spend("Paid Social", spend)
buf = io.StringIO()
buf.write('"Reporting starts","Reporting ends","Campaign name","Campaign delivery","Attribution setting",Results,'
          '"Result indicator",Reach,"Amount spent (USD)",Impressions,"Link clicks",Leads,Ends\n')
w = csv.writer(buf, lineterminator="\n")
w.writerow([Q_START.isoformat(), Q_END.isoformat(), "", "", "", "", "", acc["reach"], f"{acc['spend']}", acc["impr"],
            acc["clicks"], acc["leads"], ""])
for r in mrows:
    w.writerow(r)
(OUT / "meta_ads.csv").write_text(buf.getvalue(), encoding="utf-8")

# ---------------------------------------------------------------- LinkedIn Ads (UTF-16LE, tab, monthly)
linkedin = [("LI | ABM | Data Platform Leaders", 2600, 0.0045, 11.5), ("LI | Lead Gen | Sync Benchmark, 2025", 1500, 0.009, 7.8)]
lrows = []
for (start, end) in MONTHS:
    for i, (name, budget, ctr, cpc) in enumerate(linkedin):
        spend = cents(budget * rnd.uniform(0.9, 1.08))
        clicks = int(spend / D(str(cpc)))
        impr = int(clicks / ctr)
        leads = int(clicks * 0.12) if i == 1 else 0
        conv = rnd.randint(2, 6) if i == 0 else leads
        lrows.append([f"{start.month}/{start.day}/{start.year}", "Larkspur Data", "USD", "508812340", "Q3 Pipeline",
                      str(61120301 + i), name, "Sponsored Content", "Website Conversions" if i == 0 else "Lead Generation",
                      "Active", f"{spend}", str(impr), str(clicks), f"{clicks / impr * 100:.3f}%", str(leads), str(conv)])
        add_spend("Paid Social", spend)
buf = io.StringIO()
buf.write("Campaign Performance Report (in UTC)\n\"Report Start: July 1, 2025, 12:00 AM\"\n"
          "\"Report End: September 30, 2025, 11:59 PM\"\n\"Date Generated: October 2, 2025, 8:12 AM\"\n\n")
w = csv.writer(buf, delimiter="\t", lineterminator="\n")
w.writerow(["Start Date (in UTC)", "Account Name", "Currency", "Campaign Group ID", "Campaign Group Name", "Campaign ID",
            "Campaign Name", "Campaign Type", "Campaign Objective", "Campaign Status", "Total Spent", "Impressions",
            "Clicks", "Click Through Rate", "Leads", "Conversions"])
for r in lrows:
    w.writerow(r)
(OUT / "linkedin_ads.csv").write_bytes(b"\xff\xfe" + buf.getvalue().encode("utf-16-le"))

# ---------------------------------------------------------------- costs (finance sheet, kpi's own columns)
costs = []
for (start, _end), commission in zip(MONTHS, (D("4200.00"), D("6150.00"), D("7925.50"))):
    m = f"{start.year}-{start.month:02d}"
    costs += [(m, "marketing", "Salaries", D("21500.00"), ""), (m, "marketing", "Tools", D("1840.00"), ""),
              (m, "sales", "Salaries", D("38000.00"), ""), (m, "sales", "Commissions", commission, "")]
costs.append(("2025-08", "marketing", "LinkedIn agency", D("3000.00"), "Paid Social"))
with open(OUT / "costs.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["month", "team", "category", "amount", "channel"])
    for c in costs:
        w.writerow([c[0], c[1], c[2], f"{c[3]}", c[4]])

# ---------------------------------------------------------------- HubSpot contacts and deals
sources = [("Paid Search", "search-brand", ""), ("Paid Search", "search-data-sync-us", ""), ("Paid Social", "LinkedIn", "li-abm-data-leaders"),
           ("Paid Social", "Facebook", "meta-leadgen-sync-guide"), ("Organic Search", "", "google.com"), ("Email Marketing", "newsletter-q3", ""),
           ("Referrals", "partner.example", ""), ("Direct Traffic", "", "")]
companies = ["Acorn Logistics", "Birchline Health", "Cedarpoint Retail", "Dovetail Media", "Elmstead Bank", "Fernhill Foods",
             "Glenmoor Energy", "Hawthorn Legal", "Ironbark Mining", "Juniper Schools", "Kestrel Airlines", "Linden Insurance",
             "Maplewood Clinics", "Northgate Freight", "Oakridge Labs", "Pinecrest Hotels", "Quillon Robotics", "Rowan & Sage",
             "Sequoia Payments", "Tamarack Studios", "Umbra Security", "Verbena Beauty", "Willowbrook Farms", "Yarrow Telecom",
             "Zelkova Motors", "Ștefănescu Transport", "Müller Maschinenbau"]
first = ["Ava", "Ben", "Chloé", "Dev", "Elif", "Finn", "Grace", "Hiro", "Ines", "Jon", "Kai", "Lena", "Mateo", "Nia",
         "Omar", "Priya", "Quinn", "Rosa", "Sam", "Tomás", "Uma", "Vik", "Wen", "Xavi", "Yara", "Zoe"]
contacts, deals = [], []
cid, did = 90210100, 40440100
company_id = {c: 31200500 + i for i, c in enumerate(companies)}


def ts(d, hour, minute):
    return datetime(d.year, d.month, d.day, hour, minute)


def fmt(dt):
    return dt.strftime("%Y-%m-%d %H:%M") if dt else ""


leads_by_channel, mql_count = {}, 0
for i in range(44):
    src, dd1, dd2 = sources[i % len(sources)] if i < 40 else sources[rnd.randrange(len(sources))]
    created = ts(Q_START - timedelta(days=20) + timedelta(days=int(i * 2.3)), 9 + i % 8, (i * 7) % 60)
    company = companies[i % len(companies)]
    mql = created + timedelta(days=2 + i % 5) if i % 3 != 2 else None
    sql = mql + timedelta(days=4 + i % 6) if mql and i % 2 == 0 else None
    cid += 1
    contacts.append({"id": str(cid), "first": first[i % len(first)], "last": f"Example{i:02d}", "company": company,
                     "src": src, "dd1": dd1, "dd2": dd2, "created": created, "mql": mql, "sql": sql,
                     "opp": None, "customer": None, "stage": "Lead", "deals": []})

# deals: (contact index, stage, amount, currency, amount_usd, close date, create offset days, lost reason)
plan = [(0, "Closed Won", "24000", "USD", "24000", date(2025, 7, 28)),
        (2, "Closed Won", "48000", "USD", "48000", date(2025, 8, 19)),
        (3, "Closed Won", "15000", "EUR", "16200", date(2025, 8, 27)),   # EUR deal, 1.08 in company currency
        (4, "Closed Won", "36000", "USD", "36000", date(2025, 9, 12)),
        (9, "Closed Won", "12000", "USD", "12000", date(2025, 9, 24)),
        (10, "Closed Won", "60000", "USD", "60000", date(2025, 9, 30)),
        (5, "Closed Won", "9000", "USD", "9000", date(2025, 9, 18)),      # 2nd win of Fernhill? see below
        (0, "Closed Won", "8000", "USD", "8000", date(2025, 9, 26)),      # expansion of Acorn: not a new customer
        (12, "Closed Lost", "30000", "USD", "30000", date(2025, 8, 14)),
        (14, "Closed Lost", "18000", "USD", "18000", date(2025, 9, 3)),
        (17, "Closed Lost", "22000", "USD", "22000", date(2025, 9, 22)),
        (19, "Closed Lost", "40000", "USD", "40000", date(2025, 7, 30)),
        (20, "Closed Lost", "7000", "USD", "7000", date(2025, 8, 5)),
        (22, "Contract Sent", "28000", "USD", "28000", date(2025, 10, 20)),
        (24, "Decision Maker Bought-In", "52000", "USD", "52000", date(2025, 11, 14)),
        (26, "Presentation Scheduled", "19000", "USD", "19000", date(2025, 11, 28)),
        (28, "Qualified To Buy", "33000", "USD", "33000", date(2025, 12, 12)),
        (30, "Appointment Scheduled", "", "USD", "", None)]
for k, (ci, stage, amount, cur, usd, close) in enumerate(plan):
    c = contacts[ci]
    did += 1
    created = c["created"] + timedelta(days=6 + k % 9, hours=2)
    deal = {"id": str(did), "name": f"{c['company']} – {['Starter', 'Growth', 'Enterprise'][k % 3]}", "stage": stage,
            "amount": amount, "currency": cur, "usd": usd, "close": ts(close, 16, 30) if close else None,
            "created": created, "source": c["src"], "company": c["company"], "contact": c["id"],
            "lost": {"Closed Lost": ["Price", "Chose competitor", "No budget", "Timing", "Missing SSO"][k % 5]}.get(stage, "")}
    deals.append(deal)
    c["deals"].append(deal["id"])
    c["opp"] = c["opp"] or created
    if stage == "Closed Won":
        c["customer"] = c["customer"] or deal["close"]
        c["stage"] = "Customer"
    elif c["stage"] != "Customer":
        c["stage"] = "Opportunity"
# Fernhill Foods (contact 5) already became a customer in June 2025: its Q3 win is not a new customer.
did += 1
deals.insert(0, {"id": str(did), "name": "Fernhill Foods – Pilot", "stage": "Closed Won", "amount": "6000", "currency": "USD",
                 "usd": "6000", "close": datetime(2025, 6, 20, 11, 0), "created": datetime(2025, 5, 2, 10, 0),
                 "source": contacts[5]["src"], "company": contacts[5]["company"], "contact": contacts[5]["id"], "lost": ""})
contacts[5]["deals"].insert(0, str(did))
contacts[5]["customer"] = datetime(2025, 6, 20, 11, 0)
for c in contacts:
    if c["stage"] == "Lead" and c["mql"]:
        c["stage"] = "Sales Qualified Lead" if c["sql"] else "Marketing Qualified Lead"

with open(OUT / "hubspot_contacts.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, quoting=csv.QUOTE_ALL, lineterminator="\n")
    w.writerow(["Record ID", "First Name", "Last Name", "Email", "Company Name", "Lifecycle Stage", "Original Source",
                "Original Source Drill-Down 1", "Original Source Drill-Down 2", "Create Date", "Became a Lead Date",
                "Became a Marketing Qualified Lead Date", "Became a Sales Qualified Lead Date", "Became an Opportunity Date",
                "Became a Customer Date", "Associated Company IDs", "Associated Deal IDs"])
    for c in contacts:
        email = f"{c['first'].lower()}.{c['last'].lower()}@{c['company'].split()[0].lower()}.example"
        w.writerow([c["id"], c["first"], c["last"], email, c["company"], c["stage"], c["src"], c["dd1"], c["dd2"],
                    fmt(c["created"]), fmt(c["created"]), fmt(c["mql"]), fmt(c["sql"]), fmt(c["opp"]), fmt(c["customer"]),
                    str(company_id[c["company"]]), ";".join(c["deals"])])

with open(OUT / "hubspot_deals.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, quoting=csv.QUOTE_ALL, lineterminator="\n")
    w.writerow(["Record ID", "Deal Name", "Pipeline", "Deal Stage", "Amount", "Currency", "Amount in company currency",
                "Close Date", "Create Date", "Deal owner", "Deal Type", "Original Source Type", "Closed Lost Reason",
                "Associated Company", "Associated Company IDs", "Associated Contact IDs"])
    for k, d in enumerate(deals):
        w.writerow([d["id"], d["name"], "Sales Pipeline", d["stage"], d["amount"], d["currency"], d["usd"], fmt(d["close"]),
                    fmt(d["created"]), ["Maya Lindqvist", "Jonah Okafor"][k % 2], "New Business", d["source"], d["lost"],
                    d["company"], str(company_id[d["company"]]), d["contact"]])

# ---------------------------------------------------------------- the KPIs, computed independently
marketing = sum(spend_total.values()) + sum(c[3] for c in costs if c[1] == "marketing")
sales = sum(c[3] for c in costs if c[1] == "sales")
first_won = {}
for d in deals:
    if d["stage"] == "Closed Won":
        key = d["company"]
        if key not in first_won or (d["close"], d["id"]) < (first_won[key]["close"], first_won[key]["id"]):
            first_won[key] = d
new = [d for d in first_won.values() if Q_START <= d["close"].date() <= Q_END]
leads_q = [c for c in contacts if Q_START <= c["created"].date() <= Q_END]
q = lambda x: x.quantize(D("0.01"), ROUND_HALF_EVEN)
print("ad spend by channel:", {k: str(v) for k, v in spend_total.items()})
print("marketing cost", marketing, "sales cost", sales, "total", marketing + sales)
print("new customers", len(new), sorted(d["company"] for d in new))
print("blended CAC", q((marketing + sales) / len(new)), "marketing CAC", q(marketing / len(new)))
print("leads in Q3", len(leads_q), "CPL", q(marketing / len(leads_q)))
for ch in sorted(set(d["source"] for d in new)):
    n = sum(1 for d in new if d["source"] == ch)
    cost = spend_total.get(ch, D(0)) + sum(c[3] for c in costs if c[4] == ch)
    print(f"paid CAC {ch}: {cost} / {n} = {q(cost / n)}")

# ---------------------------------------------------------------- touchpoints (kpi attribution), kpi's own columns
# Appended after everything above and drawn from its own generator, so the files and figures above do not change.
# One journey per company (journey_id = the HubSpot company id, as deals carry it): the first contact's original
# source at its creation, then later touches; a few fall after the close date or long before it.
trnd = random.Random(20250705)
touch_channels = [("Paid Search", ["GA | Search | Brand", "GA | Search | Data Sync, US", "GA | PMax | Free Trial"]),
                  ("Paid Social", ["META | Lead Gen | Data Sync Guide", "META | Retargeting | Demo",
                                   "LI | ABM | Data Platform Leaders", "LI | Lead Gen | Sync Benchmark, 2025"]),
                  ("Organic Search", [""]), ("Email Marketing", ["newsletter-q3"]), ("Referrals", [""]),
                  ("Direct Traffic", [""])]
first_contact = {}
for c in contacts:
    first_contact.setdefault(c["company"], c)
touches = []  # (journey id, datetime, channel, campaign) in file order
for company in companies:
    c = first_contact.get(company)
    start = c["created"] if c else datetime(2025, 5, 2, 9, 0)
    src = c["src"] if c else "Direct Traffic"
    camp = {"Paid Search": c["dd1"] if c else "", "Email Marketing": "newsletter-q3"}.get(src, "")
    if src == "Paid Search":
        camp = "GA | Search | Brand" if camp == "search-brand" else "GA | Search | Data Sync, US"
    elif src == "Paid Social":
        camp = "LI | ABM | Data Platform Leaders" if c and c["dd1"] == "LinkedIn" else "META | Lead Gen | Data Sync Guide"
    jid = str(company_id[company])
    rows = [(start - timedelta(days=120), "Organic Search", "")] if trnd.random() < 0.15 else []  # outside a 90-day lookback
    rows.append((start, src, camp))
    t = start
    for _ in range(trnd.randint(1, 5)):
        t = t + timedelta(days=trnd.randint(2, 21), hours=trnd.randint(0, 8), minutes=trnd.choice([0, 15, 30, 45]))
        ch, camps = touch_channels[trnd.choice([0, 0, 1, 1, 2, 3, 4, 5])]
        rows.append((t, ch, trnd.choice(camps)))
    if company == "Cedarpoint Retail":  # two touches at the same minute: they keep file order (Referrals comes last)
        rows.append((rows[-1][0], "Referrals", ""))
    for r in rows:
        touches.append((jid, r[0], r[1], r[2]))
# a touch after each company's last won deal (ignored: it comes after the conversion)
won_by_company = {}
for d in deals:
    if d["stage"] == "Closed Won":
        won_by_company.setdefault(d["company"], []).append(d)
for company, ds in won_by_company.items():
    last = max(d["close"] for d in ds)
    touches.append((str(company_id[company]), last + timedelta(days=3), "Direct Traffic", ""))
with open(OUT / "touchpoints.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["journey_id", "timestamp", "channel", "campaign"])
    for jid, ts_, ch, camp in touches:
        w.writerow([jid, ts_.strftime("%Y-%m-%d %H:%M"), ch, camp])

# first / last / linear credit for Q3 with a 90-day lookback, with exact fractions: the figures README and CliTest
# show for `kpi attribution --config samples/kpi.yaml --touchpoints samples/touchpoints.csv --from 2025-07-01
# --to 2025-09-30 --lookback 90d --model first,last,linear`. Conversions: won deals (amount in company currency),
# journeys per company; each deal gets the touches after the company's previous win up to its close.
from fractions import Fraction as F
by_journey = {}
for jid, ts_, ch, camp in touches:
    by_journey.setdefault(jid, []).append((ts_, ch))
credit = {m: {} for m in ("first", "last", "linear")}
revenue = {m: {} for m in ("first", "last", "linear")}
n_conv, total_rev = 0, D(0)
for company, ds in won_by_company.items():
    jid = str(company_id[company])
    tl = sorted(by_journey.get(jid, []), key=lambda x: x[0])  # stable: equal times keep file order
    prev = None
    for d in sorted(ds, key=lambda d: d["close"]):
        close = d["close"]
        path = [ch for ts_, ch in tl if ts_ <= close and (prev is None or ts_ > prev) and ts_ >= close - timedelta(days=90)]
        prev = close
        if not (Q_START <= close.date() <= Q_END):
            continue
        n_conv += 1
        value = D(d["usd"])
        total_rev += value
        shares = {"first": {path[0]: F(1)}, "last": {path[-1]: F(1)}, "linear": {}} if path else None
        if path:
            for ch in path:
                shares["linear"][ch] = shares["linear"].get(ch, F(0)) + F(1, len(path))
        for m in credit:
            for ch, s in (shares[m].items() if shares else [("(unattributed)", F(1))]):
                credit[m][ch] = credit[m].get(ch, F(0)) + s
                revenue[m][ch] = revenue[m].get(ch, F(0)) + s * F(str(value))
print("attribution Q3, lookback 90d:", n_conv, "conversions, revenue", total_rev)
for m in credit:
    print(f"  {m}:", ", ".join(f"{ch} {float(credit[m][ch]):.6f} / {float(revenue[m][ch]):.6f}" for ch in sorted(credit[m])))
print("  marketing ROI", q((total_rev - marketing) / marketing * 100), "% , revenue : cost", (total_rev / marketing).quantize(D("0.0001")))
