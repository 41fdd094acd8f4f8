import CSV
import LuodiInterchange
import Foundation
import LuodiCore

/// A bulletin laid out as titled sections of lines and tables, in one language, and rendered as
/// Markdown or CSV (the page renders the same sections as HTML), so every format says the same.
public enum BulletinText {
    struct Section {
        var title: String
        var lines: [String] = []
        var header: [String] = []
        var rows: [[String]] = []
        /// What each table column holds, for typed cells in the workbook (default text).
        var kinds: [CellKind] = []
    }

    /// A table column's content: dates are ISO `yyyy-MM-dd`, numbers plain digits.
    enum CellKind { case text, date, number }

    static func heading(_ b: Bulletin, _ lang: Language) -> String {
        lang.strings.bulletin.heading(b.zone, b.period, b.start, b.end)
    }

    static func sections(_ b: Bulletin, _ lang: Language) -> [Section] {
        let s = lang.strings, t = s.bulletin, r = b.summary
        func total(_ m: MoneyTotal, _ count: Int) -> String {
            count == 0 ? s.blank : m.amounts.map { Format.money($0, lang) }.joined(separator: " + ")
        }
        let behind = r.behindPoints.map { s.behind($0) }
        var summary = Section(title: t.summary, lines: [
            t.asOfLine(b.asOf, b.closed),
            t.summaryLine(r.projects, r.rag),
            t.investmentLine(total(r.plannedInvestment, r.reporting.plannedInvestment), total(r.completedInvestment, r.reporting.completedInvestment),
                             r.completionPercent.map { Format.percent($0) }, Format.percent(r.timeElapsedShare.percent), behind),
            s.convention(r.timeElapsedShare.convention)
                + " (\(r.timeElapsedShare.elapsed)/\(r.timeElapsedShare.total))"
                + (r.completionPercent == nil ? "" : " · " + s.rateBase(r.comparableProjects, r.projects)),
        ])
        if let filed = b.reportsFiled { summary.lines.append(t.reportsLine(filed, r.projects)) }
        var changes = Section(title: t.changes)
        if b.changes.previous == nil {
            changes.lines.append(t.noSnapshot(b.period.isEmpty ? "" : ((try? ReportingPeriod(name: b.period))?.previous.name ?? "")))
        } else {
            changes.lines.append(t.listed(t.newReds, b.changes.newReds))
            changes.lines.append(t.listed(t.greensRegained, b.changes.greensRegained))
        }
        changes.lines.append(t.listed(t.problemsClosed, b.changes.problemsClosed))
        func events(_ title: String, _ list: [Bulletin.Event], milestone: Bool) -> Section {
            Section(title: title, header: [s.name] + (milestone ? [s.milestoneName] : []) + [s.department, t.date],
                    rows: list.map { e in [e.project] + (milestone ? [e.milestone ?? ""] : []) + [e.department ?? s.unassigned, e.date.iso] },
                    kinds: (milestone ? [.text, .text, .text] : [.text, .text]) + [.date])
        }
        let lagging = Section(title: t.lagging, header: [s.name, s.department, s.status, s.reasons], rows: b.lagging.map { p in
            [p.name, p.department ?? s.unassigned, s.rag(p.rag), p.reasons.map { s.reason($0.reason) }.joined(separator: t.reasonSeparator)]
        })
        let problems = Section(title: t.overdueProblems, header: [s.problemTitle, s.name, s.ownerDepartment, s.deadline, t.daysLate, s.supervision],
                               rows: b.overdueProblems.map { p in
            [p.title, p.project ?? s.blank, p.ownerDepartment, p.deadline.iso, String(p.daysLate), p.supervision.map(s.problemLevel) ?? ""]
        }, kinds: [.text, .text, .text, .date, .number, .text])
        var ranking = Section(title: t.ranking, header: [s.targets.rank, s.department, s.targets.score], rows: b.ranking.departments.map { d in
            [String(d.rank), d.department, Format.fixed2(d.score)]
        }, kinds: [.number, .text, .number])
        ranking.lines = [b.ranking.formulaText[lang.rawValue] ?? ""]
        if b.ranking.departments.isEmpty { ranking.lines.insert(s.targets.noTargets, at: 0) }
        return [summary, changes, events(t.starts, b.starts, milestone: false), events(t.milestonesMet, b.milestonesMet, milestone: true),
                events(t.newSignings, b.newSignings, milestone: false), lagging, problems, ranking]
    }

    /// The bulletin as Markdown: a title, each section as a heading with its lines and a table,
    /// "none" for an empty table. `|` and `\\` are escaped, and `&`, `<`, `>` written as entities, so
    /// a name like `<script>` stays text in any Markdown renderer.
    public static func markdown(_ b: Bulletin, lang: Language) -> String {
        func cell(_ text: String) -> String {
            String(text.map { $0.isNewline ? " " : $0 }).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
                .replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        }
        var out = "# \(heading(b, lang))\n"
        for section in sections(b, lang) {
            out += "\n## \(section.title)\n\n"
            for line in section.lines { out += cell(line) + "\n\n" }
            guard !section.header.isEmpty else { continue }
            if section.rows.isEmpty { out += lang.strings.bulletin.none + "\n"; continue }
            out += "| " + section.header.map(cell).joined(separator: " | ") + " |\n"
            out += "|" + String(repeating: " --- |", count: section.header.count) + "\n"
            for row in section.rows { out += "| " + row.map(cell).joined(separator: " | ") + " |\n" }
        }
        return out
    }

    /// The bulletin as one CSV file (UTF-8 with a byte-order mark, so Excel reads the Chinese):
    /// every row starts with its section's title; a section's lines are rows of one cell after
    /// the title, its table a header row and data rows. Cells that a spreadsheet would read as
    /// a formula are defused as in `ProblemText`.
    public static func csv(_ b: Bulletin, lang: Language) throws -> Data {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream, newline: .crlf)
        try writer.write(row: [lang.strings.bulletin.section, heading(b, lang)].map(ProblemText.cell))
        for section in sections(b, lang) {
            for line in section.lines { try writer.write(row: [section.title, line].map(ProblemText.cell)) }
            guard !section.header.isEmpty else { continue }
            try writer.write(row: ([section.title] + section.header).map(ProblemText.cell))
            for row in section.rows { try writer.write(row: ([section.title] + row).map(ProblemText.cell)) }
        }
        try writer.write(row: [String]())
        writer.stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return Data([0xEF, 0xBB, 0xBF]) + data
    }

    /// The bulletin as an .xlsx workbook, one sheet per section (named by its title): a section
    /// with a table has its header frozen on top, typed rows (dates as dates, days late, ranks and
    /// scores as numbers), then its lines after a blank row; a section of lines only has them
    /// under a header of its title. The first sheet starts with the bulletin's heading.
    public static func workbook(_ b: Bulletin, lang: Language) throws -> Data {
        func typed(_ text: String, _ kind: CellKind) -> XLSXCell {
            switch kind {
            case .date: if let d = try? CalendarDate(iso: text) { return .date(d) }
            case .number: if let n = Double(text) { return .number(n) }
            case .text: break
            }
            return text.isEmpty ? .empty : .text(text)
        }
        var sheets: [XLSXSheetData] = []
        for (i, section) in sections(b, lang).enumerated() {
            let lines = (i == 0 ? [heading(b, lang)] : []) + section.lines
            if section.header.isEmpty {
                sheets.append(XLSXSheetData(name: section.title, header: [section.title], rows: lines.map { [.text($0)] }))
                continue
            }
            var rows = section.rows.map { row in row.enumerated().map { typed($0.element, $0.offset < section.kinds.count ? section.kinds[$0.offset] : .text) } }
            if rows.isEmpty { rows = [[.text(lang.strings.bulletin.none)]] }
            if !lines.isEmpty { rows += [[]] + lines.map { [.text($0)] } }
            sheets.append(XLSXSheetData(name: section.title, header: section.header, rows: rows))
        }
        return try XLSXWriter.workbook(sheets)
    }
}
