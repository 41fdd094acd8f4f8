#!/usr/bin/env python3
"""Reads an .xlsx with openpyxl (an independent reader) and prints what a spreadsheet user sees,
as JSON: per sheet its name, frozen pane, drop-down lists and the first rows' cells as
[value, type, number format], type being openpyxl's data_type with "d" for a date-formatted number.
Used by WorkbookReadBackTests (run when LUODI_PYTHON_CHECKS=1; .ci/run installs python3-openpyxl)."""
import datetime
import json
import sys

import openpyxl

book = openpyxl.load_workbook(sys.argv[1])
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 5
out = []
for ws in book.worksheets:
    cells = []
    for row in ws.iter_rows(min_row=1, max_row=rows):
        line = []
        for c in row:
            value = c.value
            kind = "d" if c.is_date else c.data_type
            if isinstance(value, (datetime.datetime, datetime.date)):
                value = value.strftime("%Y-%m-%d")
            line.append([value, kind, c.number_format])
        cells.append(line)
    out.append({
        "name": ws.title,
        "frozen": ws.freeze_panes,
        "validations": [[str(v.sqref), v.type, v.formula1] for v in ws.data_validations.dataValidation],
        "orientation": ws.page_setup.orientation,
        "rows": cells,
    })
print(json.dumps(out, ensure_ascii=False))
