#!/usr/bin/env python3
"""Reads an .xlsx with openpyxl and prints it as JSON, for Harmoni's tests.

Usage: read-xlsx.py FILE.xlsx
Output: {"sheets": [{"name", "freeze", "widths": {"A": w, ...},
                     "rows": [[{"v": value, "t": "n"|"s", "f": number_format} | null, ...], ...]}]}
Numbers are written as JSON numbers, text as strings; an empty cell is null.
"""
import json
import sys

import openpyxl

book = openpyxl.load_workbook(sys.argv[1])
sheets = []
for ws in book.worksheets:
    rows = []
    for row in ws.iter_rows():
        cells = []
        for c in row:
            if c.value is None:
                cells.append(None)
            elif isinstance(c.value, (int, float)):
                cells.append({"v": c.value, "t": "n", "f": c.number_format})
            else:
                cells.append({"v": str(c.value), "t": "s", "f": c.number_format})
        while cells and cells[-1] is None:
            cells.pop()
        rows.append(cells)
    widths = {k: d.width for k, d in ws.column_dimensions.items() if d.width}
    sheets.append({"name": ws.title, "freeze": ws.freeze_panes, "widths": widths, "rows": rows})
json.dump({"sheets": sheets}, sys.stdout, ensure_ascii=False)
