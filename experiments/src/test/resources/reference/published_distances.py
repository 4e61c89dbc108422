#!/usr/bin/env python3
"""Mean |paper Table 2 - notebook table| over the paper's 36 cells, for the notebook's affinity and winrate tables
(the published CSVs under experiments/src/main/resources/published/). Asserted by
Table2Test.thePapersTable2IsCloserToTheNotebooksAffinityTable.

Run from the repository root:  python3 experiments/src/test/resources/reference/published_distances.py"""
import csv
import os

HERE = os.path.dirname(os.path.abspath(__file__))
PUBLISHED = os.path.join(HERE, '..', '..', '..', 'main', 'resources', 'published')
ROWS = {'identity': 'None', 'zscore': 'znorm'}
COLUMNS = {'laplacian': 'lap'}


def load(name):
    rows = list(csv.reader(open(os.path.join(PUBLISHED, name))))
    return {(r[0], rows[0][c]): float(r[c]) for r in rows[1:] for c in range(1, len(rows[0]))}


paper = load('paper_table2.csv')
for against in ('affinity', 'winrate'):
    notebook = load('notebook_table2_%s.csv' % against)
    d = [abs(v - notebook[(ROWS.get(n, n), COLUMNS.get(f, f))]) for (n, f), v in paper.items()]
    print('%s: %d cells, mean |difference| %.4f' % (against, len(d), sum(d) / len(d)))
