"""Writes the table and markdown golden files of the renderer tests from hand-written cell text.

An independent second method: the cells below are typed by hand from the numbers derived in
SampleReports' Javadoc; padding uses Python's unicodedata (East Asian Width W/F = 2 columns,
combining marks = 0), not the Java code under test. Run: python3 make_goldens.py
"""
import unicodedata

def width(s):
    w = 0
    for ch in s:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ('Mn', 'Me', 'Cf'):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ('W', 'F') else 1
    return w

def pad(s, n, right):
    g = ' ' * max(0, n - width(s))
    return g + s if right else s + g

def table(headers, right, rows, total=None, legend=False, color=False):
    all_rows = rows + ([total] if total else [])
    ws = [max(width(r[i]) for r in [headers] + all_rows) for i in range(len(headers))]
    B, D, R = ('\x1b[1m', '\x1b[2m', '\x1b[0m') if color else ('', '', '')
    line = lambda cells: '  '.join(pad(c, ws[i], right[i]) for i, c in enumerate(cells)).rstrip(' ')
    rule = D + '─' * (sum(ws) + 2 * (len(ws) - 1)) + R
    out = [B + line(headers) + R, rule] + [line(r) for r in rows]
    if total:
        out += [rule, B + line(total) + R]
    if legend:
        out.append(LEGEND)
    return '\n'.join(out) + '\n'

def md_table(headers, right, rows):
    esc = lambda c: c.replace('|', '\\|')
    headers = [esc(h) for h in headers]
    rows = [[esc(c) for c in r] for r in rows]
    ws = [max([3] + [width(r[i]) for r in [headers] + rows]) for i in range(len(headers))]
    line = lambda cells: '| ' + ' | '.join(pad(c, ws[i], right[i]) for i, c in enumerate(cells)) + ' |'
    align = '| ' + ' | '.join(('-' * (w - 1) + ':') if right[i] else '-' * w for i, w in enumerate(ws)) + ' |'
    return '\n'.join([line(headers), align] + [line(r) for r in rows]) + '\n'

LEGEND = ('* low sample (fewer than 30 trials, or fewer than 5 successes or failures): '
          'read the interval, not the point value')

MAIN_H = ['Channel', 'New customers', 'Cost', 'CAC', 'CVR', 'ROAS']
MAIN_R = [False, True, True, True, True, True]
MAIN_ROWS = [
    ['google', '12', '$1,205,533,242.29', '$100,461,103.52', '15.0% [9.3–23.3]', '4.20×'],
    ['北京 Ads', '0', '$0.30', '—', '15.0% [5.2–36.0]*', '—'],
    ['Ștefănescu', '1,234,567', '$1,000.00', '$0.00', '12.50%', '0.50×'],
]
MAIN_TOTAL = ['Total', '1,234,579', '$1,205,534,242.59', '$976.47', '14.8% [9.7–22.0]', '4.20×']
FLAV_H = ['Flavour', 'CAC', 'Share']
FLAV_R = [False, True, False]
FLAV_ROWS = [
    ['blended', '$976.47', '█' * 10 + '░' * 10 + ' 50.0%'],
    ['paid | search', '—', '█' + '░' * 19 + ' 2.5%'],  # 0.025 × 20 = 0.5 blocks, rounded half-up to 1
]
MON_H = ['Month', 'New customers']
MON_R = [False, True]
MON_ROWS = [['2025-01', '5'], ['2025-02', '7']]
NOTE = 'CAC = (marketing cost + sales cost) / new paying customers'

def cac_table(color):
    B, R = ('\x1b[1m', '\x1b[0m') if color else ('', '')
    return (table(MAIN_H, MAIN_R, MAIN_ROWS, MAIN_TOTAL, legend=True, color=color)
            + '\n' + B + 'By flavour' + R + '\n' + table(FLAV_H, FLAV_R, FLAV_ROWS, color=color)
            + '\n' + B + 'Monthly' + R + '\n' + table(MON_H, MON_R, MON_ROWS, color=color)
            + '\n' + NOTE + '\n')

def cac_md():
    return '\n'.join([
        md_table(MAIN_H, MAIN_R, MAIN_ROWS + [MAIN_TOTAL]),
        '\\' + LEGEND + '\n',
        '### By flavour\n',
        md_table(FLAV_H, FLAV_R, FLAV_ROWS),
        '### Monthly\n',
        md_table(MON_H, MON_R, MON_ROWS),
        NOTE + '\n',
    ])

for name, text in [('cac-table.txt', cac_table(False)), ('cac-table-color.txt', cac_table(True)),
                   ('cac.md', cac_md())]:
    with open(name, 'w', encoding='utf-8', newline='\n') as f:
        f.write(text)
