"""Independent reference values for the dev.kpi.calc.clv tests (second method).

Run from the project root:  python3 src/test/resources/clv/reference_values.py
Needs numpy, scipy and mpmath. Reads ../shared/data/cdnow_customers_summary_with_transactions.csv.
Formulas are written straight from the papers (Fader, Hardie & Lee 2005 for BG/NBD and the
Pareto/NBD MATLAB note; Fader & Hardie 2013 gamma-gamma note; Fader & Hardie 2007 and 2010 for sBG),
evaluated with scipy.special (gammaln, betaln, hyp2f1) and fitted with scipy.optimize, so they share
no code with the Java implementation. Predictions are evaluated with mpmath at 40 digits (scipy's
float64 form of the BG/NBD expectation loses ~1e-9 to cancellation).
"""
import csv, math, os, sys
import numpy as np
np.seterr(divide='ignore')  # log(0) for customers with t_x = T is -inf, which logaddexp handles
from scipy import optimize, special, integrate

HERE = os.path.dirname(os.path.abspath(__file__))
SUMMARY = os.path.join(HERE, '..', '..', '..', '..', '..', 'shared', 'data',
                       'cdnow_customers_summary_with_transactions.csv')
if not os.path.exists(SUMMARY):
    SUMMARY = '/work/shared/data/cdnow_customers_summary_with_transactions.csv'
rows = list(csv.DictReader(open(SUMMARY)))
ids = [r['ID'] for r in rows]
x = np.array([float(r['x']) for r in rows])
tx = np.array([float(r['t_x']) for r in rows])
T = np.array([float(r['T']) for r in rows])
zbar = np.array([float(r['zbar']) for r in rows])


def bgnbd_ll(p):
    r, al, a, b = p
    A1 = special.gammaln(r + x) - special.gammaln(r) + r * np.log(al)
    A2 = special.gammaln(a + b) + special.gammaln(b + x) - special.gammaln(b) - special.gammaln(a + b + x)
    A3 = -(r + x) * np.log(al + T)
    A4 = np.where(x > 0, np.log(a) - np.log(np.maximum(b + x - 1, 1e-300)) - (r + x) * np.log(al + tx), -np.inf)
    return np.sum(A1 + A2 + np.logaddexp(A3, A4))


def fit(ll, start):
    f = lambda th: -ll(np.exp(th))
    res = optimize.minimize(f, np.log(start), method='Nelder-Mead',
                            options=dict(xatol=1e-10, fatol=1e-10, maxiter=20000, maxfev=40000))
    res = optimize.minimize(f, res.x, method='BFGS', options=dict(gtol=1e-9))
    return np.exp(res.x), -res.fun


def bgnbd_cond(p, t, xi, txi, Ti):
    import mpmath as mp
    mp.mp.dps = 40
    r, al, a, b = [mp.mpf(repr(float(v))) for v in p]
    xi, txi, Ti, t = [mp.mpf(repr(float(v))) for v in (xi, txi, Ti, t)]
    hyp = mp.hyp2f1(r + xi, b + xi, a + b + xi - 1, t / (al + Ti + t))
    num = (a + b + xi - 1) / (a - 1) * (1 - ((al + Ti) / (al + t + Ti)) ** (r + xi) * hyp)
    den = 1 + (1 if xi > 0 else 0) * (a / (b + xi - 1)) * ((al + Ti) / (al + txi)) ** (r + xi)
    return float(num / den)


def bgnbd_palive(p, xi, txi, Ti):
    r, al, a, b = p
    return 1 / (1 + (xi > 0) * (a / (b + xi - 1)) * ((al + Ti) / (al + txi)) ** (r + xi))


def gg_ll(p, xs, ms):
    pp, q, g = p
    return np.sum(special.gammaln(pp * xs + q) - special.gammaln(pp * xs) - special.gammaln(q) + q * np.log(g)
                  + (pp * xs - 1) * np.log(ms) + pp * xs * np.log(xs) - (pp * xs + q) * np.log(g + xs * ms))


def pareto_ll_one(p, xi, txi, Ti):
    # likelihood by numerical integration of the death time (second method, no 2F1)
    r, al, s, be = p
    c = special.gammaln(r + xi) - special.gammaln(r) + r * math.log(al)
    alive = math.exp(c - (r + xi) * math.log(al + Ti) + s * math.log(be / (be + Ti)))
    f = lambda tau: s * be ** s / (be + tau) ** (s + 1) * math.exp(c - (r + xi) * math.log(al + tau))
    dead, _ = integrate.quad(f, txi, Ti, epsabs=0, epsrel=1e-12, limit=200)
    return math.log(alive + dead), alive, dead


def pareto_ll(p):
    r, al, s, be = p
    # lifetimes-style closed form with scipy hyp2f1
    if al >= be:
        mx, mn, bb = al, be, s + 1
    else:
        mx, mn, bb = be, al, r + x
    rsx = r + s + x
    z1, z2 = (mx - mn) / (mx + tx), (mx - mn) / (mx + T)
    p1 = special.hyp2f1(rsx, bb, rsx + 1, z1)
    p2 = special.hyp2f1(rsx, bb, rsx + 1, z2)
    logA0 = np.log(p1 / (mx + tx) ** rsx - p2 / (mx + T) ** rsx)
    A1 = special.gammaln(r + x) - special.gammaln(r) + r * np.log(al) + s * np.log(be)
    A2 = np.logaddexp(-(r + x) * np.log(al + T) - s * np.log(be + T), np.log(s) + logA0 - np.log(rsx))
    return np.sum(A1 + A2)


def sbg_ll(p, alive):
    a, b = p
    n = len(alive) - 1
    ll = 0.0
    for t in range(1, n + 1):
        lost = alive[t - 1] - alive[t]
        ll += lost * (special.betaln(a + 1, b + t - 1) - special.betaln(a, b))
    ll += alive[n] * (special.betaln(a, b + n) - special.betaln(a, b))
    return ll


def main():
    out = sys.stdout
    p, ll = fit(bgnbd_ll, [1, 1, 1, 1])
    p = np.round(p, 8)  # the rounded values the tests construct the model from
    print('BG/NBD r alpha a b = %.8f %.8f %.8f %.8f  LL = %.6f' % (*p, ll), file=out)
    t = 39.0
    for i in [0, 1, 2, 3, 17, 1515]:
        print('  id %s x=%g tx=%g T=%g  E[Y(39)]=%.12f  P(alive)=%.12f' % (
            ids[i], x[i], tx[i], T[i], bgnbd_cond(p, t, x[i], tx[i], T[i]), bgnbd_palive(p, x[i], tx[i], T[i])), file=out)
    # heavy repeat buyer (synthetic) to exercise large x
    print('  synthetic x=40 tx=38 T=38.86 E[Y(39)]=%.12f' % bgnbd_cond(p, t, 40.0, 38.0, 38.86), file=out)
    r, al, a, b = p
    print('  new customer E[X(39)] = %.12f' % bgnbd_cond(p, t, 0, 0, 0), file=out)

    rep = x > 0
    g, gll = fit(lambda q: gg_ll(q, x[rep], zbar[rep]), [1, 1, 1])
    g = np.round(g, 8)
    print('Gamma-Gamma (zbar, %d repeat buyers) p q gamma = %.8f %.8f %.8f  LL = %.6f' % (rep.sum(), *g, gll), file=out)
    pp, q, gm = g
    for i in [0, 1, 2, 17]:
        ev = (pp * (gm + x[i] * zbar[i])) / (pp * x[i] + q - 1)
        print('  id %s E[M] = %.12f' % (ids[i], ev), file=out)

    # CLV: 12 months of 365.25/12 days, in weeks; monthly discount 1 %
    wpm = 365.25 / 12 / 7
    for i in [0, 1, 17]:
        ev = (pp * (gm + x[i] * zbar[i])) / (pp * x[i] + q - 1) if x[i] > 0 else pp * gm / (q - 1)
        clv = 0.0
        for m in range(1, 13):
            d = bgnbd_cond(p, m * wpm, x[i], tx[i], T[i]) - bgnbd_cond(p, (m - 1) * wpm, x[i], tx[i], T[i])
            clv += ev * d / 1.01 ** m
        print('  id %s CLV(12 months, 1%%) = %.12f' % (ids[i], clv), file=out)

    # the same models from an independent summary of cdnow_transactions.csv (days combined, unrounded)
    import collections, datetime as dt
    tpath = SUMMARY.replace('cdnow_customers_summary_with_transactions.csv', 'cdnow_transactions.csv')
    days = collections.defaultdict(lambda: collections.defaultdict(float))
    end = dt.date(1997, 9, 30)
    for r_ in csv.DictReader(open(tpath)):
        d = dt.date.fromisoformat(r_['date'])
        if d <= end:
            days[r_['customer_id']][d] += float(r_['amount'])
    ux, utx, uT, um = [], [], [], []
    for c, dd in days.items():
        ks = sorted(dd)
        ux.append(len(ks) - 1)
        utx.append((ks[-1] - ks[0]).days / 7)
        uT.append((end - ks[0]).days / 7)
        um.append(sum(dd[k] for k in ks[1:]) / (len(ks) - 1) if len(ks) > 1 else 0.0)
    ux, utx, uT, um = map(np.array, (ux, utx, uT, um))
    saved = (x, tx, T)
    globals().update(x=ux, tx=utx, T=uT)
    pu, llu = fit(bgnbd_ll, [1, 1, 1, 1])
    globals().update(x=saved[0], tx=saved[1], T=saved[2])
    print('BG/NBD from transactions (unrounded t_x, T) r alpha a b = %.8f %.8f %.8f %.8f  LL = %.6f' % (*pu, llu), file=out)
    rep_u = ux > 0
    gu, gllu = fit(lambda q: gg_ll(q, ux[rep_u], um[rep_u]), [1, 1, 1])
    print('Gamma-Gamma from transactions (unrounded means) p q gamma = %.8f %.8f %.8f  LL = %.6f' % (*gu, gllu), file=out)

    pz, pll = fit(pareto_ll, [1, 1, 1, 1])
    print('Pareto/NBD r alpha s beta = %.8f %.8f %.8f %.8f  LL = %.6f' % (*pz, pll), file=out)
    pz = np.round(pz, 8)
    r, al, s, be = pz
    for i in [0, 1, 17]:
        lli, alive, dead = pareto_ll_one(pz, x[i], tx[i], T[i])
        pa = alive / (alive + dead)
        e = (r + x[i]) * (be + T[i]) / ((al + T[i]) * (s - 1)) * (1 - ((be + T[i]) / (be + T[i] + 39)) ** (s - 1)) * pa
        print('  id %s LL_i(quad)=%.12f P(alive)=%.12f E[Y(39)]=%.12f' % (ids[i], lli, pa, e), file=out)
    print('  new customer E[X(39)] = %.12f' % (r * be / (al * (s - 1)) * (1 - (be / (be + 39)) ** (s - 1))), file=out)

    for name, pct in [('regular', [100, 63.1, 46.8, 38.2, 32.6, 28.9, 26.2, 24.1, 22.3, 20.7, 19.4, 18.3, 17.3]),
                      ('high end', [100, 86.9, 74.3, 65.3, 59.3, 55.1, 51.7, 49.1, 46.8, 44.5, 42.7, 40.9, 39.4])]:
        alive = [round(v * 10) for v in pct[:8]]
        sp, sll = fit(lambda q: sbg_ll(q, alive), [1, 1])
        a, b = np.round(sp, 8)
        S = [math.exp(special.betaln(a, b + t) - special.betaln(a, b)) for t in range(13)]
        print('sBG %s alpha beta = %.8f %.8f  LL = %.6f' % (name, *sp, sll), file=out)
        print('  S(t) t=0..12 x100: ' + ' '.join('%.4f' % (100 * v) for v in S), file=out)
        for d, n in [(0.10, 1), (0.10, 5), (0.05, 3)]:
            # discounted expected residual lifetime by summing the survival ratio series
            derl = sum(math.exp(special.betaln(a, b + n + k) - special.betaln(a, b + n - 1)) * math.exp(-k * math.log1p(d))
                       for k in range(0, 20000))
            print('  DERL(d=%.2f, n=%d) = %.10f' % (d, n, derl), file=out)
        del_ = special.hyp2f1(1, b, a + b, 1 / 1.1)
        print('  DEL(d=0.10) = %.10f' % del_, file=out)

    # joint fit of two cohorts of different lengths (regular years 0..7 and high end years 0..4)
    reg = [round(v * 10) for v in [100, 63.1, 46.8, 38.2, 32.6, 28.9, 26.2, 24.1]]
    high = [round(v * 10) for v in [100, 86.9, 74.3, 65.3, 59.3]]
    jp, jll = fit(lambda q: sbg_ll(q, reg) + sbg_ll(q, high), [1, 1])
    print('sBG joint (regular 0..7 + high end 0..4) alpha beta = %.8f %.8f  LL = %.6f' % (*jp, jll), file=out)


if __name__ == '__main__':
    main()
