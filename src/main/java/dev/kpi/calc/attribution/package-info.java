/**
 * Multi-touch attribution: which channels (and campaigns) get credit for conversions and revenue.
 *
 * <h2>Flow</h2>
 * Touchpoints and conversions → {@link dev.kpi.calc.attribution.JourneyBuilder} (one pass, lookback,
 * touches after the conversion dropped) → {@link dev.kpi.calc.attribution.Journey}s, which feed
 * {@link dev.kpi.calc.attribution.HeuristicAttribution} (rule-based models; per campaign if wanted) and
 * a {@link dev.kpi.calc.attribution.PathTable} (distinct paths with conversions, value and nulls). A
 * pre-aggregated table ({@code A > B > C}, ChannelAttribution's format) fills the same PathTable
 * directly. {@link dev.kpi.calc.attribution.MarkovAttribution} and
 * {@link dev.kpi.calc.attribution.ShapleyAttribution} run on the PathTable, so their cost grows with the
 * number of distinct paths. Every model returns an {@link dev.kpi.calc.attribution.AttributionResult}
 * whose credits add up to the exact total conversions and revenue
 * ({@link dev.kpi.calc.attribution.CreditLedger}). {@link dev.kpi.calc.attribution.RoiCalculator} turns
 * credited revenue and cost into ROI, ROAS, cost per conversion and ROMI.
 *
 * <h2>Worked example</h2>
 * Journey: Paid Search (Jan 1) → Direct (Jan 8) → Email (Jan 15) → Direct (Jan 22), converted Jan 29
 * for 1,000. Credit (Paid Search / Direct / Email):
 * <pre>
 * first            1     / 0     / 0
 * last             0     / 1     / 0
 * last-non-direct  0     / 0     / 1        last touch that is not Direct
 * linear           0.25  / 0.5   / 0.25     1/4 per touch; Direct has two touches
 * position         0.4   / 0.5   / 0.1      40 first, 40 last, 20 over the middle (10 + 10)
 * j-shaped         0.2   / 0.7   / 0.1      20 first, 60 last, 20 over the middle
 * inverse-j        0.6   / 0.3   / 0.1      60 first, 20 last, 20 over the middle
 * w-shaped         0.3   / 0.6   / 0.1      30 first, 30 lead touch (no lead time: touch 2 of 4,
 *                                           nearest the middle, ties earlier), 30 last, 10 to the rest
 * full-path        0.25  / 0.5   / 0.25     22.5 × 4 anchors (first, touches 2 and 3, last); no other
 *                                           touch, so the 10 goes evenly to the anchors
 * time-decay       1/15  / 10/15 / 4/15     half-life 7 days: ages 28, 21, 14, 7 days weigh 1/16, 1/8,
 *                                           1/4, 1/2, normalised
 * </pre>
 * Revenue is credited with the same shares (250 / 500 / 250 for linear). One-touch paths give the
 * whole conversion to that touch in every model; two-touch paths split 50/50 in position, w-shaped and
 * full-path, 30/70 in j-shaped and 70/30 in inverse-j.
 *
 * <p>Markov (order 1) on the paths C1 > C2 > C3 (converted), C1 (not), C2 > C3 (not): transitions
 * start→C1 2/3, start→C2 1/3, C1→C2 ½, C1→null ½, C2→C3 1, C3→conversion ½, C3→null ½; P(conversion)
 * = 1/3; without C1 it is 1/6 (removal effect ½), without C2 or C3 it is 0 (effect 1); the conversion is
 * split ½ : 1 : 1 → 0.2 / 0.4 / 0.4.
 *
 * <p>Shapley (unordered channels, conversion game) on 100 conversions with channel sets F 20, O 10, L 17,
 * F+O 17, F+L 30, F+O+L 6: each conversion is split evenly over its distinct channels → F 45.5, O 20.5,
 * L 34. With non-converting paths the default game is the path-probability one: the channels of a
 * converting set share its conversions by the Shapley values of "conversion rate of the journeys with
 * exactly this channel set".
 *
 * <h2>Conventions</h2>
 * Touches with equal timestamps keep their input order. A touch at exactly the conversion time counts.
 * Conversions with no touch in the window are credited to {@code (unattributed)} by every model (Markov
 * gives it no removal effect). Repeated touches of a channel each get their own share, summed per
 * channel; Markov collapses back-to-back repeats of the same state (ChannelAttribution's convention,
 * which does not change its results). Time decay needs timestamps and runs on journeys only; w-shaped
 * and full-path use lead/opportunity times from journeys and positional anchors on path tables.
 */
package dev.kpi.calc.attribution;
