/// The one stylesheet, served from `SiteURL.stylesheet`. CJK fonts first so Chinese renders
/// with Noto Sans CJK where installed.
enum Stylesheet {
    static let css = """
    :root { --red:#dc2626; --amber:#f59e0b; --green:#16a34a; --ink:#111827; --muted:#6b7280; --line:#e5e7eb; --bg:#f8fafc; }
    * { box-sizing: border-box; }
    body { margin:0; font-family: "Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif; color:var(--ink); background:var(--bg); font-size:14px; }
    header.top { display:flex; align-items:center; gap:24px; padding:10px 24px; background:#0f172a; color:#fff; }
    header.top a { color:#e2e8f0; text-decoration:none; }
    header.top .brand { font-weight:700; font-size:16px; color:#fff; }
    header.top nav { display:flex; flex-wrap:wrap; gap:4px 16px; flex:1; }
    header.top nav a, header.top .who a { white-space:nowrap; }
    header.top a.current { color:#fff; border-bottom:2px solid #f59e0b; }
    main { padding:18px 24px; max-width:1400px; }
    h1 { font-size:20px; margin:4px 0 12px; }
    h2 { font-size:16px; margin:18px 0 8px; }
    .toolbar { display:flex; gap:10px; align-items:end; flex-wrap:wrap; margin-bottom:12px; }
    .toolbar label { display:flex; flex-direction:column; font-size:12px; color:var(--muted); gap:2px; }
    input, select, button { font:inherit; padding:4px 6px; border:1px solid #cbd5e1; border-radius:4px; background:#fff; }
    button { background:#1d4ed8; color:#fff; border-color:#1d4ed8; cursor:pointer; }
    .note { color:var(--muted); font-size:12px; }
    .cards { display:grid; grid-template-columns: 340px repeat(3, 1fr); gap:12px; }
    .card { background:#fff; border:1px solid var(--line); border-radius:6px; padding:12px 14px; }
    .card .label { color:var(--muted); font-size:12px; }
    .card .value { font-size:22px; font-weight:700; margin-top:2px; }
    .card.gauge-card { grid-row: span 2; text-align:center; }
    .rag-counts { display:flex; gap:8px; }
    .rag-counts a { flex:1; text-decoration:none; color:#fff; border-radius:6px; padding:8px; text-align:center; }
    .rag-counts a .value { font-size:22px; font-weight:700; }
    .bg-red { background:var(--red); } .bg-amber { background:var(--amber); } .bg-green { background:var(--green); }
    table { border-collapse:collapse; width:100%; background:#fff; border:1px solid var(--line); }
    th, td { padding:6px 8px; border-bottom:1px solid var(--line); text-align:left; vertical-align:top; }
    th { background:#f1f5f9; font-weight:600; font-size:12px; white-space:nowrap; }
    th a { color:inherit; text-decoration:none; }
    td.num, th.num { text-align:right; white-space:nowrap; font-variant-numeric: tabular-nums; }
    td a { color:#1d4ed8; text-decoration:none; }
    .light { display:inline-flex; align-items:center; gap:4px; white-space:nowrap; }
    .light::before { content:""; width:10px; height:10px; border-radius:50%; display:inline-block; }
    .light.red::before { background:var(--red); } .light.amber::before { background:var(--amber); } .light.green::before { background:var(--green); }
    ul.reasons { margin:0; padding-left:16px; }
    ul.reasons li.more { list-style:none; color:var(--muted); font-size:12px; }
    ul.reasons li.red { color:#991b1b; } ul.reasons li.amber { color:#92400e; }
    dl.fields { display:grid; grid-template-columns: 140px 1fr 140px 1fr; gap:6px 12px; background:#fff; border:1px solid var(--line); padding:12px; border-radius:6px; }
    dl.fields dt { color:var(--muted); } dl.fields dd { margin:0; }
    .pager { display:flex; gap:12px; align-items:center; margin:10px 0; }
    .errors li { color:#991b1b; font-family: ui-monospace, monospace; font-size:12px; }
    .notes li { color:#374151; font-family: ui-monospace, monospace; font-size:12px; }
    .two { display:grid; grid-template-columns: 1fr 1fr; gap:16px; }
    .overdue { color:var(--red); font-weight:600; }
    form.stack { display:flex; flex-direction:column; gap:8px; max-width:720px; background:#fff; border:1px solid var(--line); padding:12px; border-radius:6px; }
    form.stack label { display:flex; flex-direction:column; gap:2px; font-size:12px; color:var(--muted); }
    form.stack button { align-self:flex-start; }
    .flag { display:inline-block; font-size:12px; color:#92400e; background:#fef3c7; border:1px solid #fcd34d; border-radius:4px; padding:0 5px; margin-left:6px; white-space:nowrap; font-weight:400; }
    .missing { color:var(--muted); }
    form.inline { display:inline; }
    form.inline input[type=text] { width:110px; } form.inline select { max-width:140px; }
    form.stack.narrow { max-width:360px; }
    .board { display:grid; grid-template-columns: repeat(9, minmax(110px, 1fr)); gap:8px; align-items:start; margin:12px 0; }
    .board .column { background:#eef2f7; border-radius:6px; padding:6px; min-height:60px; }
    .board .column h3 { font-size:13px; margin:2px 4px 6px; }
    .board a.lead { display:block; text-decoration:none; color:inherit; background:#fff; border:1px solid var(--line); border-radius:6px;
                    padding:6px 8px; margin:0 0 6px; font-size:12px; line-height:1.45; }
    .board a.lead strong { color:#1d4ed8; }
    .muted { color:var(--muted); }
    ol.timeline { padding-left:20px; color:#374151; }
    header.top .who { display:flex; gap:8px; align-items:center; }
    p.notice { background:#ecfdf5; border:1px solid #6ee7b7; padding:8px 12px; border-radius:6px; }
    p.notice code { font-size:13px; user-select:all; }
    p.error { background:#fef2f2; border:1px solid #fca5a5; color:#991b1b; padding:8px 12px; border-radius:6px; }
    p.help { color:var(--muted); font-size:12px; }
    table.facts { width:auto; } table.facts th { text-align:left; padding-right:16px; }
    .changes { margin:12px 0; } .changes p { margin:2px 0; }
    .photos { display:flex; flex-wrap:wrap; gap:10px; margin-bottom:10px; }
    .photos a { display:flex; flex-direction:column; gap:2px; width:180px; text-decoration:none; }
    .photos img { width:180px; height:135px; object-fit:cover; border:1px solid var(--line); border-radius:4px; background:#fff; }
    button.small { padding:1px 6px; font-size:12px; background:#fff; color:#1d4ed8; }
    td.nowrap { white-space:nowrap; }
    td.json { font-family: ui-monospace, monospace; font-size:11px; max-width:360px; word-break:break-all; color:#374151; }
    table.compact input { width:9.5em; }
    .battle-map-frame { overflow-x:auto; background:#fff; border:1px solid var(--line); }
    .battle-map-frame svg { display:block; width:100%; height:auto; }
    .bulletin { background:#fff; padding:12px 18px; border:1px solid var(--line); max-width:1000px; }
    .bulletin h1 { text-align:center; font-size:20px; }
    .bulletin p { margin:4px 0; line-height:1.6; }
    .bulletin td.name { min-width:10em; }
    @page { size: A3 landscape; margin: 8mm; }
    @page a4 { size: A4 portrait; margin: 14mm 12mm; }
    @media print { .bulletin { page: a4; border:none; padding:0; max-width:none; font-size:11pt; } .bulletin table { page-break-inside:auto; } .bulletin tr { page-break-inside:avoid; } .bulletin h2 { break-after:avoid; page-break-after:avoid; } }
    @media print {
      header.top, form.toolbar, .noprint { display:none; }
      main { padding:0; max-width:none; }
      .battle-map-frame { border:none; overflow:visible; }
      .battle-map-frame svg { width:100%; height:auto; }
    }
    """
}
