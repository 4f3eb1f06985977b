"""Writes the curve variant of scenarios/portfolio-1000.csv and its markets file into a directory.

Every bs row gets market "curve" (the 12-pillar discount and 8-pillar dividend curve of
scenarios/curves.json) with its rate and dividend cells emptied, so that the market's curves
apply (a row's own rate would override them); heston rows stay flat (no market) because
heston takes no curve on this branch. Run from the repository root: python3 make-inputs.py OUTDIR
"""
import csv, json, sys, os
out = sys.argv[1]
lines = open('scenarios/portfolio-1000.csv').read().splitlines()
rows = list(csv.reader([l for l in lines if not l.startswith('#')]))
h = rows[0]; ir, idv, im = h.index('rate'), h.index('dividend'), h.index('model')
body = [h + ['market']]
for r in rows[1:]:
    if r[im] == 'bs':
        r = list(r); r[ir] = ''; r[idv] = ''; body.append(r + ['curve'])
    else:
        body.append(r + [''])
with open(os.path.join(out, 'portfolio-curve.csv'), 'w', newline='') as f:
    f.write('# portfolio-1000.csv with every bs row on the shared market "curve" (rate and dividend cells emptied); heston rows flat\n')
    csv.writer(f, lineterminator='\n').writerows(body)
m = json.load(open('scenarios/curves.json'))['markets']['spx-usd']
json.dump({"markets": {"curve": {"discount_curve": m["discount_curve"], "dividend_curve": m["dividend_curve"]}}},
          open(os.path.join(out, 'portfolio-markets.json'), 'w'), indent=1)
