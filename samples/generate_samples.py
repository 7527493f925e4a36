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
# kpi cac's MQLs and SQLs: a later stage implies the earlier ones, dated by the earliest stage date implying it
in_q = lambda x: x is not None and Q_START <= x.date() <= Q_END
earliest = lambda *xs: min((x for x in xs if x), default=None)
mqls_q = sum(1 for c in contacts if in_q(earliest(c["mql"], c["sql"], c["opp"], c["customer"])))
sqls_q = sum(1 for c in contacts if in_q(earliest(c["sql"], c["opp"], c["customer"])))
print("MQLs in Q3", mqls_q, "cost per MQL", q(marketing / mqls_q), "SQLs in Q3", sqls_q, "cost per SQL", q(marketing / sqls_q))
for ch in sorted(set(d["source"] for d in new)):
    n = sum(1 for d in new if d["source"] == ch)
    cost = spend_total.get(ch, D(0)) + sum(c[3] for c in costs if c[4] == ch)
    print(f"paid CAC {ch}: {cost} / {n} = {q(cost / n)}")

# ---------------------------------------------------------------- GA4 landing pages and Mailchimp (kpi cvr)
# Added after the files above, with a random stream of their own, so the files above stay byte for byte.
rnd2 = random.Random(20250702)
pages = [("/", 0.006), ("/data-sync", 0.011), ("/pricing", 0.018), ("/demo", 0.035), ("/blog/cdc-explained", 0.002)]
source_mix = [("google / organic", 0.34), ("(direct) / (none)", 0.18), ("google / cpc", 0.20), ("linkedin / paid_social", 0.12),
              ("facebook / paid_social", 0.06), ("newsletter / email", 0.05), ("partner.example / referral", 0.05)]
ga_rows, sessions_by_month = [], {}
for (start, _end) in MONTHS:
    for page, conv_rate in pages:
        base = rnd2.randint(900, 2600) if page != "/" else rnd2.randint(3000, 4200)
        for src, share in source_mix:
            sess = int(base * share * rnd2.uniform(0.8, 1.2))
            if sess == 0:
                continue
            users = int(sess * rnd2.uniform(0.78, 0.92))
            engaged = int(sess * rnd2.uniform(0.45, 0.72))
            key_events = int(round(sess * conv_rate * rnd2.uniform(0.6, 1.4)))
            ga_rows.append([page, src, f"{start.year}{start.month:02d}", str(sess), str(users), str(engaged),
                            f"{engaged / sess:.10g}", str(key_events)])
            sessions_by_month[start] = sessions_by_month.get(start, 0) + sess
buf = io.StringIO()
buf.write("# ----------------------------------------\n# Free form 1\n# Account: Larkspur Data\n"
          "# Property: larkspur.example – GA4\n# ----------------------------------------\n#\n# All Users\n"
          "# Start date: 20250701\n# End date: 20250930\n")
w = csv.writer(buf, lineterminator="\n")
w.writerow(["Landing page", "Session source / medium", "Year month", "Sessions", "Active users", "Engaged sessions",
            "Engagement rate", "Key events"])
for r in ga_rows:
    w.writerow(r)
(OUT / "ga4_landing_pages.csv").write_text(buf.getvalue(), encoding="utf-8")

mc_rows = []
list_size = 2480
for i, (day, title) in enumerate([(date(2025, 7, 8), "July product update"), (date(2025, 7, 22), "Webinar: CDC without tears"),
                                  (date(2025, 8, 12), "August product update"), (date(2025, 8, 26), "Case study: Acorn Logistics"),
                                  (date(2025, 9, 9), "September product update"), (date(2025, 9, 23), "Benchmark report 2025")]):
    list_size += rnd2.randint(20, 90)
    soft, hard = rnd2.randint(5, 15), rnd2.randint(2, 9)
    delivered = list_size - soft - hard
    opens = int(delivered * rnd2.uniform(0.24, 0.34))
    clicks = int(delivered * rnd2.uniform(0.025, 0.06))
    forwards = rnd2.randint(0, 12)
    unsubs = rnd2.randint(3, 14)
    mc_rows.append((title, day, list_size, delivered, soft, hard, forwards, opens, clicks, unsubs))
buf = io.StringIO()
w = csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="\n")
w.writerow(["Title", "Subject", "List", "Send Date", "Send Weekday", "Total Recipients", "Successful Deliveries",
            "Soft Bounces", "Hard Bounces", "Total Bounces", "Times Forwarded", "Forwarded Opens", "Unique Opens", "Open Rate",
            "Total Opens", "Unique Clicks", "Click Rate", "Total Clicks", "Unsubscribes", "Abuse Complaints",
            "Times Liked on Facebook", "Folder Id", "Unique Id"])
for k, (title, day, size, delivered, soft, hard, forwards, opens, clicks, unsubs) in enumerate(mc_rows):
    w.writerow([title, title, "Larkspur Newsletter", day.strftime("%b %d, %Y") + " 10:00 am", day.strftime("%A"), size,
                delivered, soft, hard, soft + hard, forwards, forwards // 2, opens, f"{opens / delivered * 100:.2f}%",
                int(opens * 1.6), clicks, f"{clicks / delivered * 100:.2f}%", int(clicks * 1.4), unsubs, 0, 0, 204,
                f"c0ffee{k:04d}"])
(OUT / "mailchimp_campaigns.csv").write_text(buf.getvalue(), encoding="utf-8")

# ---------------------------------------------------------------- kpi cvr and kpi funnel, computed independently
# Cohort CVR: a lead converted when its customer date, its own won deal's close, or its account's first won close
# (the earliest) falls 0..365 days after its creation and by the as-of date (the latest lead, customer, won/lost close,
# traffic or email date). A customer date before creation is an existing customer's contact: not a conversion.
WINDOW = timedelta(days=365)
won = [d for d in deals if d["stage"] == "Closed Won"]
first_won_company = {}
for d in won:
    cur = first_won_company.get(d["company"])
    first_won_company[d["company"]] = d["close"] if cur is None else min(cur, d["close"])
dates = [c["created"] for c in contacts] + [c["customer"] for c in contacts if c["customer"]]
dates += [d["created"] for d in deals] + [d["close"] for d in deals if d["stage"] in ("Closed Won", "Closed Lost")]
dates += [datetime(2025, 9, 30)] + [datetime(day.year, day.month, day.day) for (_t, day, *_r) in mc_rows]
as_of = max(dates).date()
cohorts = {}
for c in contacts:
    candidates = [x for x in (c["customer"], first_won_company.get(c["company"]),
                              min((d["close"] for d in won if d["contact"] == c["id"]), default=None)) if x]
    at = min(candidates) if candidates else None
    ok = at is not None and c["created"] <= at <= c["created"] + WINDOW and at.date() <= as_of
    m = f"{c['created'].year}-{c['created'].month:02d}"
    n, k = cohorts.get(m, (0, 0))
    cohorts[m] = (n + 1, k + (1 if ok else 0))
print("cvr as of", as_of, "cohorts (leads, customers):", dict(sorted(cohorts.items())))
print("cvr total", sum(v[0] for v in cohorts.values()), sum(v[1] for v in cohorts.values()))
print("sessions by month", {f"{k.year}-{k.month:02d}": v for k, v in sessions_by_month.items()})
print("email delivered, opens, clicks", sum(r[3] for r in mc_rows), sum(r[7] for r in mc_rows), sum(r[8] for r in mc_rows))

# Lead funnel (Lead → MQL → SQL → Opportunity → Customer), sequential: the furthest stage with evidence counts, with
# every earlier one. A deal belongs to its contact (all sample deals name one).
by_id = {c["id"]: c for c in contacts}
furthest = {}
for c in contacts:
    ev = {0}
    if c["mql"] or c["stage"] == "Marketing Qualified Lead": ev.add(1)
    if c["sql"] or c["stage"] == "Sales Qualified Lead": ev.add(2)
    if c["opp"] or c["stage"] == "Opportunity": ev.add(3)
    if c["customer"] or c["stage"] == "Customer": ev.add(4)
    for d in deals:
        if d["contact"] == c["id"]:
            ev.add(3)
            if d["stage"] == "Closed Won": ev.add(4)
    furthest[c["id"]] = max(ev)
print("lead funnel reached", [sum(1 for f in furthest.values() if f >= k) for k in range(5)])

# ---------------------------------------------------------------- Stripe exports for kpi clv
# Appended after everything above and drawn from their own random generators, so the files and KPIs above
# do not change. Subscriptions: Larkspur's self-serve base since January 2024 (monthly and annual plans,
# trials, upgrades, downgrades, churn and returns) plus the Q3 deals above as annual contracts starting at
# their close dates. Payments: one-off "data credit" packs bought by card by small customers.
srnd = random.Random(20240101)
AS_OF = date(2025, 9, 30)
micro = lambda x: D(x).quantize(D("0.000001"), ROUND_HALF_EVEN)
PLANS = {"Starter": ("month", D(490)), "Growth": ("month", D(1490)), "Starter annual": ("year", D(4900))}


def add_months(d, n):
    y, m = divmod(d.month - 1 + n, 12)
    y, m = d.year + y, m + 1
    last = [31, 29 if y % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
    return date(y, m, min(d.day, last))


subs = []  # (id, customer id, company, plan, qty, interval, amount, currency, status, start, trial end, ended)


def sub(cus, company, plan, start, ended=None, qty=1, amount=None, interval=None, currency="usd", trial=None):
    iv, price = PLANS.get(plan, (interval, None))
    subs.append({"id": f"sub_1Lk{len(subs) + 1:04d}", "cus": cus, "company": company, "plan": plan, "qty": qty,
                 "interval": interval or iv, "amount": D(amount) if amount is not None else price, "currency": currency,
                 "start": start, "trial": trial, "ended": ended})


self_serve = [c for c in companies if c not in ("Acorn Logistics", "Cedarpoint Retail", "Dovetail Media", "Elmstead Bank",
                                                "Juniper Schools", "Kestrel Airlines", "Fernhill Foods")]
self_serve += ["Aspen Dental", "Bramble Books", "Cobalt Couriers", "Driftwood Cafés", "Ember Fitness", "Fjord Outdoor",
               "Garnet Jewels", "Heron Pharmacy", "Indigo Print", "Jasper Realty", "Kelp Seafood", "Lumen Optics"]
for i, company in enumerate(self_serve):
    cus = f"cus_Lk{i + 1:03d}"
    start = date(2024, 1, 3) + timedelta(days=srnd.randrange(0, 560))
    plan = srnd.choice(["Starter", "Starter", "Growth", "Starter annual"])
    trial = start + timedelta(days=14) if srnd.random() < 0.3 else None
    paying = trial or start
    r = srnd.random()
    if plan == "Starter annual":
        ended = add_months(paying, 12) if r < 0.3 and add_months(paying, 12) <= AS_OF else None
        sub(cus, company, plan, start, ended, trial=trial)
    elif r < 0.2:  # upgrade to Growth after some months
        up = add_months(paying, srnd.randint(2, 8))
        if up < AS_OF:
            sub(cus, company, plan, start, up, trial=trial)
            sub(cus, company, "Growth", up)
        else:
            sub(cus, company, plan, start, trial=trial)
    elif r < 0.3 and plan == "Growth":  # downgrade to Starter, with 2 seats
        down = add_months(paying, srnd.randint(2, 6))
        if down < AS_OF:
            sub(cus, company, plan, start, down, trial=trial)
            sub(cus, company, "Starter", down, qty=2)
        else:
            sub(cus, company, plan, start, trial=trial)
    elif r < 0.75:  # churns after some months; one in three comes back later
        end = add_months(paying, srnd.randint(3, 18)) + timedelta(days=srnd.randrange(0, 20))
        if end < AS_OF:
            sub(cus, company, plan, start, end, trial=trial)
            back = add_months(end, srnd.randint(2, 5))
            if srnd.random() < 0.35 and back < AS_OF:
                sub(cus, company, "Starter", back)
        else:
            sub(cus, company, plan, start, trial=trial)
    else:
        sub(cus, company, plan, start, trial=trial)
# two scripted histories so every movement shows in 2025: a downgrade (Growth → 2 Starter seats) and a return
sub("cus_Lk901", "Marram Media", "Growth", date(2024, 11, 4), date(2025, 6, 4))
sub("cus_Lk901", "Marram Media", "Starter", date(2025, 6, 4), qty=2)
sub("cus_Lk902", "Nettle Networks", "Starter", date(2024, 9, 16), date(2025, 3, 20))
sub("cus_Lk902", "Nettle Networks", "Starter", date(2025, 7, 8))
# the Q3 deals as annual contracts (amounts per year); Fernhill's June pilot and Acorn's expansion included
for d in deals:
    if d["stage"] != "Closed Won":
        continue
    cus = f"cus_LkD{company_id[d['company']] % 1000:03d}"
    cur = d["currency"].lower()
    sub(cus, d["company"], d["name"].split(" – ")[1] + " contract", d["close"].date(), amount=d["amount"], interval="year",
        currency=cur)
subs.sort(key=lambda s: (s["start"], s["id"]))


def anniversary(s, day):
    """Start of the billing period containing `day` (monthly or yearly from the paying start)."""
    step = 1 if s["interval"] == "month" else 12
    p, k = s["trial"] or s["start"], 0
    while add_months(p, (k + 1) * step) <= day:
        k += 1
    return add_months(p, k * step)


with open(OUT / "stripe_subscriptions.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["id", "Customer ID", "Customer Name", "Customer Email", "Plan", "Quantity", "Interval", "Amount", "Currency",
                "Status", "Created (UTC)", "Start (UTC)", "Current Period Start (UTC)", "Current Period End (UTC)",
                "Trial Start (UTC)", "Trial End (UTC)", "Canceled At (UTC)", "Ended At (UTC)"])
    for s in subs:
        last = min(s["ended"], AS_OF) if s["ended"] else AS_OF
        cps = anniversary(s, last - timedelta(days=1) if s["ended"] else last)
        cpe = add_months(cps, 1 if s["interval"] == "month" else 12)
        status = "canceled" if s["ended"] else ("trialing" if s["trial"] and s["trial"] > AS_OF else "active")
        t = lambda d: f"{d.isoformat()} 10:00" if d else ""
        canceled = s["ended"] - timedelta(days=3) if s["ended"] else None
        email = "billing@" + s["company"].split()[0].lower().replace("ș", "s").replace("ü", "u").replace("é", "e") + ".example"
        w.writerow([s["id"], s["cus"], s["company"], email, s["plan"], s["qty"], s["interval"], f"{s['amount']:.2f}",
                    s["currency"], status, t(s["start"]), t(s["start"]), t(cps), t(cpe),
                    t(s["start"]) if s["trial"] else "", t(s["trial"]), t(canceled), t(s["ended"])])

# MRR by month, computed here independently: a subscription counts in a month when it pays on the month's last
# day (started, trial over, not ended); yearly amounts / 12, kept unrounded (28 significant digits) and
# rounded half-even to the micro only when printed; EUR at 1.08.
def mrr_of(s):
    amount = s["amount"] * s["qty"] * (D("1.08") if s["currency"] == "eur" else 1)
    return amount / 12 if s["interval"] == "year" else amount


def month_ends(first, last):
    y, m = first
    while (y, m) <= last:
        nxt = date(y + (m == 12), m % 12 + 1, 1)
        yield (y, m), nxt - timedelta(days=1)
        y, m = nxt.year, nxt.month


ledger = {}
for (ym, end) in month_ends((2024, 1), (2025, 9)):
    for s in subs:
        paying = s["trial"] or s["start"]
        if paying <= end and (s["ended"] is None or s["ended"] > end):
            ledger.setdefault(s["cus"], {}).setdefault(ym, D(0))
            ledger[s["cus"]][ym] += mrr_of(s)
window = [(2025, 7), (2025, 8), (2025, 9)]
prev_of = {(2025, 7): (2025, 6), (2025, 8): (2025, 7), (2025, 9): (2025, 8)}
tot = {k: D(0) for k in ("new", "exp", "con", "churn", "react", "mrr", "start")}
at_start = churned = accounts = 0
for ym in window:
    mv = {k: D(0) for k in ("new", "exp", "con", "churn", "react")}
    mrr = start = D(0)
    n_start = n_churn = n_end = 0
    for cus, months in ledger.items():
        prev, cur = months.get(prev_of[ym], D(0)), months.get(ym, D(0))
        start += prev
        mrr += cur
        n_start += prev > 0
        n_end += cur > 0
        if prev == 0 and cur > 0:
            mv["react" if any(k < ym and v > 0 for k, v in months.items()) else "new"] += cur
        elif prev > 0 and cur == 0:
            mv["churn"] += prev
            n_churn += 1
        elif cur > prev:
            mv["exp"] += cur - prev
        elif cur < prev:
            mv["con"] += prev - cur
    for k in mv:
        tot[k] += mv[k]
    tot["mrr"] += mrr
    tot["start"] += start
    at_start += n_start
    churned += n_churn
    accounts += n_end
    print(f"MRR {ym[0]}-{ym[1]:02d}: start {micro(start)} new {micro(mv['new'])} expansion {micro(mv['exp'])}"
          f" reactivation {micro(mv['react'])} contraction {micro(mv['con'])} churned {micro(mv['churn'])} end {micro(mrr)};"
          f" customers {n_start} -> {n_end}, churned {n_churn}")
arpa = tot["mrr"] / accounts
print(f"Q3 ARPA {q(arpa)} ({micro(tot['mrr'])} / {accounts}); customer churn {churned} / {at_start};"
      f" revenue CLV {q(tot['mrr'] * at_start / (accounts * churned))}; gross MRR churn {micro(tot['churn'])} / {micro(tot['start'])}")

# one-off "data credit" packs bought by card: a BG/NBD buying process (weekly rates ~ Gamma(0.6, 12),
# drop-out after each purchase with p ~ Beta(0.9, 3)) and gamma-gamma spend, customers joining Jan–Jun 2024
prnd = random.Random(20240102)
payments = []
for i in range(360):
    cus = f"cus_Pk{i + 1:04d}"
    t = datetime(2024, 1, 1, 8) + timedelta(days=prnd.randrange(0, 182), minutes=prnd.randrange(0, 600))
    lam = prnd.gammavariate(0.6, 1 / 12)  # purchases per week
    p_drop = prnd.betavariate(0.9, 3)
    nu = prnd.gammavariate(4, 1 / 180)    # spend scale
    end = datetime(2025, 9, 30, 23, 59)
    while t <= end:
        amount = cents(max(D(5), D(str(prnd.gammavariate(6, 1 / nu)))))
        payments.append((t, cus, amount))
        if prnd.random() < p_drop:
            break
        t += timedelta(weeks=min(prnd.expovariate(lam), 1000.0)) if lam > 0 else timedelta(weeks=1000)
payments.sort()
with open(OUT / "stripe_payments.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["id", "Description", "Created (UTC)", "Amount", "Amount Refunded", "Currency", "Status", "Customer ID"])
    for k, (t, cus, amount) in enumerate(payments):
        status = "Failed" if k % 41 == 7 else "Paid"
        refunded = amount if k % 97 == 13 else D(0)
        w.writerow([f"ch_3Pk{k + 1:05d}", "Data credits", t.strftime("%Y-%m-%d %H:%M"), f"{amount:.2f}",
                    f"{refunded:.2f}", "usd", "Refunded" if refunded and status == "Paid" else status, cus])
print(f"payments: {len(payments)} charges from {len({c for _, c, _ in payments})} customers")
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
