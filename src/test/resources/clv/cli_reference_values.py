"""Independent reference values for ClvCommandTest (second method, shares no code with kpi).

Run from the project root:  python3 src/test/resources/clv/cli_reference_values.py
Needs numpy, scipy and mpmath. Builds the RFM summary of ../shared/data/cdnow_transactions.csv the way
lifetimes' summary_data_from_transaction_data does (purchases combined per day, weeks = days / 7,
calibration end 1997-09-30 inclusive), fits BG/NBD and gamma-gamma with the likelihoods of
reference_values.py (written from the papers), and evaluates the per-customer predictions with mpmath.
Then the holdout window (1997-10-01 .. 1998-06-30) and the sBG fit on the hand-built subscription
cohorts of src/test/resources/clv/subscriptions_ledger.csv.
"""
import collections
import csv
import datetime as dt
import math
import os
import sys

import numpy as np
from scipy import special

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference_values as rv  # noqa: E402  (likelihoods and the fit routine)

HERE = os.path.dirname(os.path.abspath(__file__))
TX = os.path.join(HERE, '..', '..', '..', '..', '..', 'shared', 'data', 'cdnow_transactions.csv')
if not os.path.exists(TX):
    TX = '/work/shared/data/cdnow_transactions.csv'

END = dt.date(1997, 9, 30)
HOLD = dt.date(1998, 6, 30)
days = collections.defaultdict(lambda: collections.defaultdict(float))
hold = collections.defaultdict(set)
for r in csv.DictReader(open(TX)):
    d = dt.date.fromisoformat(r['date'])
    if d <= END:
        days[r['customer_id']][d] += float(r['amount'])
    elif d <= HOLD:
        hold[r['customer_id']].add(d)
ids = list(days)
x = np.array([len(days[c]) - 1 for c in ids], float)
tx = np.array([(max(days[c]) - min(days[c])).days / 7 for c in ids])
T = np.array([(END - min(days[c])).days / 7 for c in ids])
m = np.array([sum(days[c][k] for k in sorted(days[c])[1:]) / (len(days[c]) - 1) if len(days[c]) > 1 else 0.0
              for c in ids])
rv.x, rv.tx, rv.T = x, tx, T
p, ll = rv.fit(rv.bgnbd_ll, [1, 1, 1, 1])
print('BG/NBD r alpha a b = %.8f %.8f %.8f %.8f  LL = %.6f' % (*p, ll))
rep = x > 0
g, gll = rv.fit(lambda q: rv.gg_ll(q, x[rep], m[rep]), [1, 1, 1])
print('gamma-gamma p q gamma = %.8f %.8f %.8f  LL = %.6f  (%d repeat buyers)' % (*g, gll, rep.sum()))
pp, q, gm = g
wpm = 365.25 / 12 / 7
for c in ['1', '2', '18', '509']:
    i = ids.index(c)
    ey = rv.bgnbd_cond(p, 39, x[i], tx[i], T[i])
    pa = rv.bgnbd_palive(p, x[i], tx[i], T[i])
    ev = pp * (gm + x[i] * m[i]) / (pp * x[i] + q - 1)
    clv = sum(ev * (rv.bgnbd_cond(p, k * wpm, x[i], tx[i], T[i]) - rv.bgnbd_cond(p, (k - 1) * wpm, x[i], tx[i], T[i]))
              / 1.01 ** k for k in range(1, 13))
    print('  id %s x=%d t_x=%.6f T=%.6f m=%.6f  E[Y(39)]=%.8f P(alive)=%.8f E(M)=%.8f CLV=%.8f'
          % (c, x[i], tx[i], T[i], m[i], ey, pa, ev, clv))
# holdout: distinct purchase days after the calibration end, up to 1998-06-30, of calibration customers
actual = sum(len(hold[c]) for c in ids)
dur = (HOLD - END).days / 7
pred = sum(rv.bgnbd_cond(p, dur, x[i], tx[i], T[i]) for i in range(len(ids)))
print('holdout: duration %.6f weeks, actual purchase days %d, predicted %.6f' % (dur, actual, pred))

# sBG on the monthly cohorts of subscriptions_ledger.csv (customers paying every month since their first):
# Jan cohort A, B, C: 3 3 2 2 2 2 (C stops in March); Feb cohort E: 1 1 1 1 1; Mar cohort D: 1 1 1 0
cohorts = [[3, 3, 2, 2, 2, 2], [1, 1, 1, 1, 1], [1, 1, 1, 0]]
sp, sll = rv.fit(lambda q: sum(rv.sbg_ll(q, c) for c in cohorts), [1, 1])
a, b = sp
print('sBG subscriptions alpha beta = %.8f %.8f  LL = %.6f' % (a, b, sll))


def derl(d, n):  # n - 1 renewals made, by summing S(n + k) / S(n - 1) / (1 + d)^k
    return sum(math.exp(special.betaln(a, b + n + k) - special.betaln(a, b + n - 1) - k * math.log1p(d))
               for k in range(0, 20000))


del_ = sum(math.exp(special.betaln(a, b + t) - special.betaln(a, b) - t * math.log1p(0.01)) for t in range(20000))
arpa = 2616.666665 / 24
print('  DEL(0.01) = %.8f  ARPA = %.8f  new customer value = %.6f' % (del_, arpa, arpa * del_))
# paying in June: A 120 for 6 months, B 100 for 6, C 80 for 2 (back in May), E 83.333333 for 5
res = 120 * derl(0.01, 6) + 100 * derl(0.01, 6) + 80 * derl(0.01, 2) + 83.333333 * derl(0.01, 5)
print('  residual value (June base) = %.6f' % res)
