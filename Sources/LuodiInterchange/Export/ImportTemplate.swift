import Foundation
import LuodiCore

/// A blank .xlsx import template for a profile or mapping: the first sheet's header is the
/// columns the mapping reads (identity columns first, then its project, milestone or lead fields
/// in their documented order), each coded column with a drop-down list of the words it accepts
/// (the mapping's own `values`, else the glossary's words or the codes), money columns with the
/// mapping's unit in the header; the second sheet says, column by column, what to write.
/// The first sheet imports with the same profile as soon as rows are filled in.
public enum ImportTemplate {
    /// - Parameter chinese: prefer Chinese column names and words where the mapping has them.
    /// - Throws: ZIPFoundation's errors.
    public static func workbook(_ mapping: Mapping, chinese: Bool) throws -> Data {
        let columns = self.columns(mapping, chinese: chinese)
        var allowed: [Int: [String]] = [:]
        for (i, c) in columns.enumerated() where !c.values.isEmpty { allowed[i] = c.values }
        let input = XLSXSheetData(name: chinese ? "填写" : "Data", header: columns.map(\.header), rows: [], allowedValues: allowed)
        let notes = XLSXSheetData(
            name: chinese ? "填写说明" : "How to fill in",
            header: chinese ? ["列", "必填", "内容", "可选值"] : ["Column", "Required", "What to write", "Allowed values"],
            rows: columns.map { c in
                [.text(c.header), .text(c.required ? (chinese ? "是" : "yes") : ""), .text(c.format), .text(c.values.joined(separator: chinese ? "、" : ", "))]
            } + [[], [.empty, .empty, .text(mapping.description ?? mapping.name)]])
        return try XLSXWriter.workbook([input, notes])
    }

    /// One column of a template.
    struct Column: Equatable {
        var header: String
        var required: Bool
        var format: String
        var values: [String]
    }

    static let dateFields: Set<String> = ["statisticalEnrollment", "plannedStart", "plannedFinish", "actualStart", "actualFinish",
                                          "leadOn", "negotiatingOn", "signedOn", "registeredOn", "landedOn", "startedOn", "operatingOn", "lostOn"]
    /// The money fields of project, milestone and lead sections (their headers carry the unit).
    static let moneyFields: Set<String> = ["totalInvestment", "annualPlannedInvestment", "completedInvestment", "budget", "spent", "intendedInvestment"]

    static func columns(_ mapping: Mapping, chinese: Bool) -> [Column] {
        func name(_ column: Mapping.ColumnName) -> String { column.shown(chinese: chinese) }
        var out: [Column] = []
        func add(_ field: String, _ source: Mapping.FieldSource?, section: String) {
            guard let source else { return }
            // A field made from other columns (`{Project School Name}: {Project Description}`): those columns.
            let required = source.required == true || (section == "project" && field == "name")
            for token in Self.tokens(source.template ?? "") where !out.contains(where: { $0.header == token }) {
                out.append(Column(header: token, required: required, format: chinese ? "文字(组成 \(field))" : "text (makes up \(field))", values: []))
            }
            guard let column = source.column, !out.contains(where: { $0.header == name(column) }) else { return }
            var header = name(column)
            var format = chinese ? "文字" : "text"
            if dateFields.contains(field) {
                format = chinese ? "日期,如 2021-03-31(或 Excel 日期)" : "a date such as 2021-03-31 (or an Excel date)"
            } else if moneyFields.contains(field) {
                let unit = source.unit ?? mapping.moneyUnit ?? .one
                // A lead list's amounts are in its currency column's money: 万, not 万元.
                let lead = mapping.lead != nil
                let word: String
                switch unit {
                case .one: word = chinese ? "元(或该币种的单位)" : "whole units of the currency"
                case .wan: word = lead ? (chinese ? "万(该行币种)" : "万 (10,000) of the row's currency") : (chinese ? "万元" : "万元 (10,000 yuan)")
                case .yi: word = lead ? (chinese ? "亿(该行币种)" : "亿 (10⁸) of the row's currency") : (chinese ? "亿元" : "亿元 (10⁸ yuan)")
                }
                // The unit in the header, in either language, so a number means the same in both.
                if unit != .one, HeaderIndex.split(header).1 == nil {
                    let suffix = (unit == .wan ? "万" : "亿") + (lead ? "" : "元")
                    header += chinese ? "（\(suffix)）" : " (\(suffix))"
                }
                format = chinese ? "金额,单位\(word);单元格可写 8.5亿元、3000万元" : "an amount in \(word); a cell may say 8.5亿元 or $1,234.50"
            } else if field == "predecessors" {
                format = chinese ? "前置节点:供地 FS+10; 规划许可" : "predecessors: 供地 FS+10; 规划许可"
            } else if field == "projectCode" {
                format = chinese ? "项目代码 YYYY-AAAAAA-II-TT-NNNNNN" : "national project code YYYY-AAAAAA-II-TT-NNNNNN"
            }
            out.append(Column(header: header, required: required, format: format,
                              values: values(field, section: section, source: source, chinese: chinese)))
        }
        let fieldColumns = Set((Array(mapping.project.values) + Array((mapping.lead ?? [:]).values)).compactMap { $0.column.map(name) })
        // An identity column that is also a field's (项目名称) comes with that field.
        for identity in mapping.identity.columns where !fieldColumns.contains(name(identity)) {
            out.append(Column(header: name(identity), required: false, format: chinese ? "编号:同一编号的行属于同一项目" : "key: rows of one key are one project", values: []))
        }
        if let lead = mapping.lead {
            for field in LeadListImporter.fields { add(field, lead[field], section: "lead") }
        } else {
            for field in ProjectField.allCases { add(field.rawValue, mapping.project[field.rawValue], section: "project") }
            for field in MilestoneField.allCases { add(field.rawValue, mapping.milestone?[field.rawValue], section: "milestone") }
        }
        return out
    }

    /// The column names in a template string: `{city}{district}` → city, district.
    static func tokens(_ template: String) -> [String] {
        template.split(separator: "{", omittingEmptySubsequences: true).compactMap { part in
            part.firstIndex(of: "}").map { String(part[..<$0]) }
        }.filter { !$0.isEmpty }
    }

    /// The words a coded column accepts: the mapping's own list, else the glossary's words (or codes).
    static func values(_ field: String, section: String, source: Mapping.FieldSource, chinese: Bool) -> [String] {
        if let own = source.values {
            // An English template of a list whose words are Chinese offers the codes (accepted too).
            let chineseWords = own.keys.contains(where: Mapping.ColumnName.isChinese)
            return !chinese && chineseWords ? Set(own.values).sorted() : own.keys.sorted()
        }
        switch (section, field) {
        case ("project", "category"): return ProjectCategory.allCases.map { CodedWords.category($0, chinese: chinese) }
        case ("project", "projectClass"): return ProjectClass.allCases.map { CodedWords.projectClass($0, chinese: chinese) }
        case ("project", "stage"): return Stage.allCases.map { CodedWords.stage($0, chinese: chinese) }
        case ("milestone", "kind"): return MilestoneKind.allCases.map { CodedWords.milestoneKind($0, chinese: chinese) }
        case ("lead", "channel"): return LeadChannel.allCases.map(\.rawValue)
        default: return []
        }
    }
}
