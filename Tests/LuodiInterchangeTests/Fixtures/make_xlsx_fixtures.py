#!/usr/bin/env python3
"""Re-makes the .xlsx fixtures of the workbook tests with openpyxl (pip install openpyxl).

- government-list.xlsx: a notes sheet first, then sheet 2021年重点项目 as zone offices keep it: a
  merged title row, the header with units in it (总投资（亿元）, 年度计划投资（万元）), dates as real
  Excel dates (serial numbers with a date format), whole and decimal numbers, one bad row (E5).
- date1904.xlsx: the same kind of sheet in the 1904 date system (old Mac Excel).
- bomb.xlsx: a valid workbook with an extra part of 80 MB of zeros (about 80 KB compressed).
- libreoffice-merged-header.xlsx: saved by LibreOffice Calc (apt-get install libreoffice-calc;
  made with openpyxl, then `soffice --headless --convert-to xlsx`, which computes and stores the
  formulas' values): a notes sheet first, then 2022年重点项目 with a merged title row, a two-row
  header (投资情况 merged over 总投资/年度计划投资/累计完成投资（万元）, 编号 and 责任单位 merged down,
  项目名称 in the upper row only), formulas (=ROUND(E4*0.35,2), =4.5*10000, =E5/4) and dates.
"""
import datetime as dt
import os
import subprocess
import tempfile
import zipfile

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

here = os.path.dirname(os.path.abspath(__file__))

wb = openpyxl.Workbook()
notes = wb.active
notes.title = "说明"
notes["A1"] = "本表由招商局填报,金额单位见表头。"
ws = wb.create_sheet("2021年重点项目")
ws["A1"] = "2021年重点项目计划表"
ws.merge_cells("A1:H1")
ws.append(["编号", "项目名称", "项目类别", "责任单位", "总投资（亿元）", "年度计划投资（万元）", "计划开工", "计划竣工"])
ws.append(["X-1", "新能源汽车零部件产业园", "产业项目", "招商一局", 5, 12000, dt.date(2021, 2, 26), dt.date(2022, 12, 31)])
ws.append(["X-2", "城市道路提升工程", "基础设施", "建设局", 8.5, 20000.5, dt.date(2021, 3, 1), dt.date(2021, 6, 30)])
ws.append(["X-3", "坏数据项目", "产业项目", "建设局", -1, 100, dt.date(2021, 4, 1), None])
for row in ws.iter_rows(min_row=3, min_col=7, max_col=8):
    for c in row:
        c.number_format = "yyyy-mm-dd"
wb.save(os.path.join(here, "government-list.xlsx"))

wb = openpyxl.Workbook()
wb.epoch = CALENDAR_MAC_1904
ws = wb.active
ws.title = "项目"
ws.append(["编号", "项目名称", "计划开工"])
ws.append(["M-1", "老Mac表格项目", dt.date(2021, 2, 26)])
ws["C2"].number_format = "yyyy/m/d"
wb.save(os.path.join(here, "date1904.xlsx"))

bomb = os.path.join(here, "bomb.xlsx")
with zipfile.ZipFile(os.path.join(here, "date1904.xlsx")) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as dst:
    for item in src.infolist():
        dst.writestr(item, src.read(item.filename))
    dst.writestr("xl/media/zeros.bin", b"\0" * (80 * 1024 * 1024))
wb = openpyxl.Workbook()
notes = wb.active
notes.title = "说明"
notes["A1"] = "金额单位:万元。累计完成投资为公式。"
ws = wb.create_sheet("2022年重点项目")
ws["A1"] = "2022年市级重点项目推进表"
ws.merge_cells("A1:H1")
ws.append(["编号", "项目名称", "责任单位", "投资情况", None, None, "计划开工", "计划竣工"])
ws.append([None, None, None, "总投资（万元）", "年度计划投资（万元）", "累计完成投资（万元）", None, None])
for cells in ["A2:A3", "C2:C3", "D2:F2", "G2:G3", "H2:H3"]:
    ws.merge_cells(cells)
ws.append(["LO-1", "智能装备产业园", "招商一局", 80000, 20000, "=ROUND(E4*0.35,2)", dt.date(2022, 3, 15), dt.date(2023, 12, 31)])
ws.append(["LO-2", "滨海大道改造工程", "建设局", "=4.5*10000", 15000, "=E5/4", dt.date(2022, 5, 1), dt.date(2022, 11, 30)])
for row in ws.iter_rows(min_row=4, min_col=7, max_col=8):
    for c in row:
        c.number_format = "yyyy-mm-dd"
with tempfile.TemporaryDirectory() as tmp:
    source = os.path.join(tmp, "libreoffice-merged-header.xlsx")
    wb.save(source)
    out = os.path.join(tmp, "out")
    subprocess.run(["soffice", "--headless", "--convert-to", "xlsx", "--outdir", out, source], check=True)
    os.replace(os.path.join(out, "libreoffice-merged-header.xlsx"), os.path.join(here, "libreoffice-merged-header.xlsx"))
print("written")
