#!/usr/bin/env python3
"""Derives the sample lead list (Sources/LuodiWeb/Samples/cn-shandong-qingdao-leads-from-news.csv)
from the Chinese sample project list, for the demonstration of investment attraction.

Real (from the news rows of cn-shandong-qingdao-named-projects-from-news.csv): the projects, their
investors (named in the row, or in the project's own name where the row has none), their total
investment, and every date quoted there: starts of construction, production or delivery months,
and the date of the list or news item.

Filled in for the demonstration (the sources do not give them), by fixed rules:
  - signing: 60 days before the start (潍柴: 39 days, the news says "签约到开工不到40天"); for a
    project listed without a start, the list's date;
  - first contact: 180 days before signing; negotiation: 90 days before signing;
  - registration: 30 days after signing; landing (land secured): 15 days before the start;
  - a month without a day ("2022-12") is its first day.
Each row's 数据说明 column says which of its dates are real.
"""
import csv
import datetime as dt
import os

here = os.path.dirname(os.path.abspath(__file__))
samples = os.path.join(here, "..", "Sources", "LuodiWeb", "Samples")
projects = {r["seq"]: r for r in csv.DictReader(open(os.path.join(samples, "cn-shandong-qingdao-named-projects-from-news.csv"), encoding="utf-8"))}

D = dt.date.fromisoformat
# seq: (investor, channel, real dates {stage: date}, what is real)
picked = {
    "1": ("青岛海尔智能家电科技有限公司", "businessReferral", {"listed": "2021-03-01"}, "投资方与金额见2021年省重大项目名单(2021-03);各日期为演示填充"),
    "8": ("奇瑞汽车股份有限公司", "residentOffice", {"started": "2021-02-26"}, "开工2021-02-26为新闻所载;投资方取自项目名称;其余日期为演示填充"),
    "9": ("京东方科技集团", "residentOffice", {"started": "2021-10-13", "operating": "2022-12-01"}, "开工2021-10-13、2022年12月量产为新闻所载;投资方取自项目名称;其余为演示填充"),
    "11": ("东旭集团", "fund", {"started": None, "operating": "2022-12-29", "listed": "2022-12-29"}, "2022-12-29新闻称一期已陆续投产;其余日期为演示填充"),
    "12": ("中电光谷", "businessReferral", {"operating": "2021-08-01", "listed": "2021-06-01"}, "一期2021年8月交付使用为新闻所载;其余日期为演示填充"),
    "13": ("潍柴集团", "businessReferral", {"started": "2022-01-28", "signedGap": 39}, "2022-01-28集中开工为新闻所载,签约到开工不到40天;其余日期为演示填充"),
    "14": ("北京汽车集团", "fair", {"started": "2020-07-06"}, "开工奠基2020-07-06为新闻所载;投资方取自项目名称;其余日期为演示填充"),
    "15": ("一汽-大众汽车有限公司", "residentOffice", {"started": "2015-07-31"}, "开工2015-07-31为新闻所载;投资方取自项目名称;其余日期为演示填充"),
    "54": ("惠科股份有限公司", "fund", {"operating": "2021-02-01", "listed": "2020-09-01"}, "2021年2月正式通线为新闻所载;投资方取自项目名称;其余日期为演示填充"),
    "67": ("青岛森麒麟轮胎有限公司", "businessReferral", {"operating": "2009-06-01", "listed": "2008-10-01"}, "一期2009年6月投产为新闻所载;投资方取自项目名称;其余日期为演示填充"),
    "72": ("昌盛晶圆", "online", {"operating": "2009-07-01", "listed": "2008-11-01"}, "一期2009年7月投产为新闻所载;投资方取自项目名称;其余日期为演示填充"),
}

out = []
for seq, (investor, channel, real, note) in picked.items():
    p = projects[seq]
    started = D(real["started"]) if real.get("started") else None
    operating = D(real["operating"]) if real.get("operating") else None
    if started:
        signed = started - dt.timedelta(days=real.get("signedGap", 60))
    elif real.get("listed"):
        signed = D(real["listed"]) - dt.timedelta(days=120 if operating else 0)
    else:
        signed = (operating or D("2021-01-01")) - dt.timedelta(days=365)
    landed = (started - dt.timedelta(days=15)) if started else (signed + dt.timedelta(days=60) if operating or real.get("listed") else None)
    row = {
        "项目名称": p["project_name"], "投资方": investor, "来源国家/地区": "中国", "招商渠道": channel,
        "意向投资": (p["total_investment_yi"] + "亿") if p["total_investment_yi"] else "", "币种": "人民币",
        "责任单位": p["city"] + p["district"],
        "首次接洽": (signed - dt.timedelta(days=180)).isoformat(), "洽谈": (signed - dt.timedelta(days=90)).isoformat(),
        "签约": signed.isoformat(), "注册": (signed + dt.timedelta(days=30)).isoformat(),
        "落地": landed.isoformat() if landed and landed > signed + dt.timedelta(days=30) else "",
        "开工": started.isoformat() if started else "",
        "投产": operating.isoformat() if operating else "",
        "关联项目编号": "cn-news:" + p["project_name"] + "|" + p["list_or_event"],
        "填报人": "演示数据", "数据说明": note,
    }
    out.append(row)

with open(os.path.join(samples, "cn-shandong-qingdao-leads-from-news.csv"), "w", encoding="utf-8", newline="") as f:
    w = csv.DictWriter(f, fieldnames=list(out[0].keys()))
    w.writeheader()
    w.writerows(out)
print(len(out), "leads")
