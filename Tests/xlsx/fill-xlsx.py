#!/usr/bin/env python3
"""Fills a Harmoni data request (.xlsx) with openpyxl, as a finance department would, for tests.

Usage: fill-xlsx.py IN.xlsx OUT.xlsx SPEC.json
SPEC: {"<type> <id>": {"<heading>": value, ...}, ...}: for the row whose «Type» and «Id» cells are
<type> and <id> (on any sheet; `gebyr hurum.sfo.plass_5d`),
each named column («Reelt tall», «Kilde», …) is set to value: a JSON number is written as a
number, a string as text, a string starting with "=" as a formula (openpyxl stores no computed
value for it). openpyxl saves with deflated entries and a shared string table, as Excel does.
Prints {"<type> <id>": {"sheet": name, "row": r, "columns": {"<heading>": c}}} (1-based) for each id.
"""
import json
import sys

import openpyxl

book = openpyxl.load_workbook(sys.argv[1])
spec = json.load(open(sys.argv[3], encoding="utf-8"))
found = {}
for ws in book.worksheets:
    header = None
    for row in ws.iter_rows():
        values = [c.value for c in row]
        if header is None:
            if "Id" in values and "Reelt tall" in values:
                header = {v: i for i, v in enumerate(values) if v is not None}
            continue
        cell = lambda h: values[header[h]] if header[h] < len(values) else None
        ident = "%s %s" % (cell("Type"), cell("Id"))
        if ident in spec:
            for heading, value in spec[ident].items():
                row[header[heading]].value = value
            found[ident] = {"sheet": ws.title, "row": row[0].row, "columns": {h: header[h] + 1 for h in spec[ident]}}
missing = set(spec) - set(found)
if missing:
    sys.exit("ids not in the workbook: " + ", ".join(sorted(missing)))
book.save(sys.argv[2])
print(json.dumps(found))
