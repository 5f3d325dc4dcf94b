#!/usr/bin/env python3
"""Independent reference computation of SPEC §2-§6 on UCI Online Retail, in plain Python.

Written separately from the TypeScript core (different language, no shared code) so the
end-to-end test can compare every client's classes with it. Prints one line per client:
client, value (cents), abc, xyz, status, tier, purchase days, recency, cadence; then totals.

Usage: python3 scripts/reference/online_retail.py ../shared/data/online_retail_uci/online_retail.csv
"""
import csv
import sys
from collections import defaultdict
from datetime import date
from decimal import Decimal, ROUND_HALF_UP
from statistics import median


def cents(quantity, price):
    return int((Decimal(quantity) * Decimal(price) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def month_index(d):
    return d.year * 12 + d.month - 1


def main(path):
    lines = defaultdict(list)  # client -> [(date, cents)]
    rows = rejected = 0
    with open(path, newline='', encoding='utf-8') as f:
        for rec in csv.DictReader(f):
            rows += 1
            if not rec['CustomerID'].strip():
                rejected += 1
                continue
            d = date.fromisoformat(rec['InvoiceDate'][:10])
            lines[rec['CustomerID'].strip()].append((d, cents(rec['Quantity'], rec['UnitPrice'])))

    as_of = max(d for ls in lines.values() for d, _ in ls)
    last_month = month_index(as_of) if as_of.month != (date.fromordinal(as_of.toordinal() + 1)).month else month_index(as_of) - 1
    first_month = last_month - 11

    clients = sorted(lines)
    value, series_start, days_of, former = {}, {}, {}, {}
    monthly = {}
    for c in clients:
        by_day = defaultdict(int)
        negative = defaultdict(bool)
        m = defaultdict(int)
        v = 0
        for d, a in lines[c]:
            by_day[d] += a
            negative[d] = negative[d] or a < 0
            if first_month <= month_index(d) <= last_month:
                v += a
                m[month_index(d)] += a
        days = sorted(d for d, s in by_day.items() if s > 0 or (s == 0 and not negative[d]))
        value[c], monthly[c], days_of[c] = v, m, days
        if days:
            last = days[-1]
            former[c] = sum(a for d, a in lines[c] if 0 <= (last - d).days <= 364)
        else:
            former[c] = 0

    def rank_classes(values, a, b):
        ranked = sorted((c for c in clients if values[c] > 0), key=lambda c: (-values[c], c))
        total = sum(values[c] for c in ranked)
        out, above = {}, 0
        for c in ranked:
            before = above / total
            out[c] = 'A' if before < a else 'B' if before < b else 'C'
            above += values[c]
        return out

    abc = rank_classes(value, 0.8, 0.95)
    tiers = {c: {'A': 'gold', 'B': 'silver', 'C': 'bronze'}[k] for c, k in rank_classes(former, 0.75, 0.95).items()}

    out = []
    for c in clients:
        days = days_of[c]
        xyz = ''
        if c in abc:
            start = max(first_month, month_index(days[0]))
            s = [monthly[c].get(i, 0) for i in range(start, last_month + 1)]
            if len(s) < 3:
                xyz = 'N'
            else:
                mean = sum(s) / len(s)
                sd = (sum((x - mean) ** 2 for x in s) / len(s)) ** 0.5
                cv = sd / mean
                xyz = 'X' if cv <= 0.5 else 'Y' if cv <= 1.0 else 'Z'
        status = cadence = recency = ''
        if days:
            gaps = [(days[i] - days[i - 1]).days for i in range(1, len(days))][-12:]
            cad = median(gaps) if len(days) >= 3 else None
            rec = (as_of - days[-1]).days
            risk, lost = (1.5 * cad, max(3 * cad, 60)) if cad is not None else (90, 180)
            status = 'lost' if rec > lost else 'at-risk' if rec > risk else 'new' if (as_of - days[0]).days < 90 else 'active'
            cadence = '' if cad is None else f'{cad:g}'
            recency = str(rec)
        out.append('\t'.join([c, str(value[c]), abc.get(c, ''), xyz, status, tiers.get(c, ''), str(len(days)), recency, cadence]))
    print(f'# rows {rows} rejected {rejected} clients {len(clients)} asOf {as_of} window {first_month // 12}-{first_month % 12 + 1:02d}..{last_month // 12}-{last_month % 12 + 1:02d}')
    print('\n'.join(out))


if __name__ == '__main__':
    main(sys.argv[1])
