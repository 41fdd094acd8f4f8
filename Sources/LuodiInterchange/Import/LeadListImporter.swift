import Foundation
import LuodiCore

/// One lead read from a lead list, with its dated moves and the row it came from.
public struct LeadPlanRow: Sendable, Hashable {
    public let row: Int
    public let lead: Lead
    public let moves: [LeadTransition]
    /// The key of the zone's project this lead is (linked when it signs, instead of making one).
    public let projectKey: String?
}

/// A lead list checked and ready to apply (all of it or nothing).
public struct LeadPlan: Sendable {
    public let zoneName: String
    public let rows: [LeadPlanRow]
    public let rowsRead: Int
    public let encoding: TextEncoding
}

/// Reads a lead list (招商线索台账, CSV) through a mapping's `lead` section — the same header
/// matching, money units and date formats as project lists — or reports every bad cell as
/// `file:row:column: message`. A row gives the date of each stage it has reached (first contact,
/// negotiation, signing, registration, landing, start, production) and, for a lost lead, the day
/// and the reason; the moves go through `LeadStageMachine`, so a list cannot hold a history the
/// product would refuse.
public enum LeadListImporter {
    /// The lead fields a mapping can give.
    public static let fields = ["title", "investor", "origin", "parentGroup", "channel", "industryCluster", "intendedInvestment", "currency",
                                "ownerDepartment", "officer", "projectCode", "projectKey", "leadOn", "negotiatingOn", "signedOn", "registeredOn", "landedOn",
                                "startedOn", "operatingOn", "lostOn", "lostReason", "by"]
    static let stageDates: [(String, LeadStage)] = [("leadOn", .lead), ("negotiatingOn", .negotiating), ("signedOn", .signed), ("registeredOn", .registered),
                                                     ("landedOn", .landed), ("startedOn", .underConstruction), ("operatingOn", .operating)]

    /// - Throws: `ImportFailure` with every error found.
    public static func plan(data: Data, file: String, mapping: Mapping, zoneName: String? = nil, encoding: TextEncoding? = nil,
                            sizeLimit: Int = ProjectListImporter.defaultSizeLimit, currency: CurrencyCode? = nil) throws(ImportFailure) -> LeadPlan {
        guard data.count <= sizeLimit else {
            throw ImportFailure(issues: [ImportIssue(file: file, row: nil, column: nil, message: "the file has \(data.count) bytes, over the import limit of \(sizeLimit) bytes")])
        }
        guard let sources = mapping.lead else {
            throw ImportFailure(issues: [ImportIssue(file: mapping.name, row: nil, column: "lead", message: "this mapping has no lead section")])
        }
        var issues: [ImportIssue] = []
        for key in sources.keys where !fields.contains(key) {
            issues.append(ImportIssue(file: mapping.name, row: nil, column: "lead.\(key)", message: "not a lead field; use one of \(fields.joined(separator: ", "))"))
        }
        let table: CSVTable
        do { table = try CSVTable(data: data, file: file, encoding: encoding ?? mapping.encoding ?? .auto) } catch let issue as ImportIssue {
            throw ImportFailure(issues: issues + [issue])
        } catch {
            throw ImportFailure(issues: issues + [ImportIssue(file: file, row: nil, column: nil, message: "\(error)")])
        }
        guard issues.isEmpty else { throw ImportFailure(issues: issues) }
        return try plan(table: table, mapping: mapping, zoneName: zoneName, currency: currency)
    }

    /// Plans from a table already read (a worksheet).
    /// - Throws: `ImportFailure` with every error found.
    /// - Parameter currency: the zone's currency, for leads that name none (default the mapping's zone's, else yuan).
    public static func plan(table: CSVTable, mapping: Mapping, zoneName: String? = nil, currency: CurrencyCode? = nil) throws(ImportFailure) -> LeadPlan {
        guard let sources = mapping.lead else {
            throw ImportFailure(issues: [ImportIssue(file: mapping.name, row: nil, column: "lead", message: "this mapping has no lead section")])
        }
        let file = table.file
        var issues: [ImportIssue] = []
        let header = HeaderIndex(header: table.header)
        var columns: [String: (index: Int, name: String)] = [:]
        for (field, source) in sources {
            guard let column = source.column else { continue }
            if let i = header.index(of: column) {
                columns[field] = (i, table.header[i])
            } else if source.required == true {
                issues.append(ImportIssue(file: file, row: 1, column: nil, message: "no column \(column) for \(field); the header has \(table.header.joined(separator: ", "))"))
            }
        }
        let blanks = Set(mapping.blankValues ?? [])
        let zone = (zoneName ?? mapping.zone?.name ?? "").trimmingWhitespace()
        let zoneCurrency = currency ?? (try? CurrencyCode(mapping.zone?.currency ?? "CNY")) ?? .cny
        var rows: [LeadPlanRow] = []
        var seen: [String: Int] = [:]
        for (i, record) in table.rows.enumerated() where !record.isEmpty {
            let row = i + 2
            var rowIssues: [ImportIssue] = []
            func cell(_ field: String) -> (text: String, column: String)? {
                guard let c = columns[field], c.index < record.count else { return nil }
                var text = record[c.index].trimmingWhitespace()
                if blanks.contains(text) { text = "" }
                if let values = sources[field]?.values, let hit = values.first(where: { $0.key.lowercased() == text.lowercased() }) { text = hit.value }
                return text.isEmpty ? nil : (text, c.name)
            }
            func required(_ field: String) -> String {
                guard let c = cell(field) else {
                    rowIssues.append(ImportIssue(file: file, row: row, column: columns[field]?.name ?? field, message: "\(field) is required"))
                    return ""
                }
                return c.text
            }
            func date(_ field: String) -> CalendarDate? {
                guard let c = cell(field) else { return nil }
                do { return try PlanBuilder.listDate(c.text, format: sources[field]?.dateFormat ?? mapping.dateFormat) } catch {
                    rowIssues.append(ImportIssue(file: file, row: row, column: c.column, message: "\(error)"))
                    return nil
                }
            }
            let title = required("title"), investor = required("investor"), owner = required("ownerDepartment")
            var channel = LeadChannel.other
            if let c = cell("channel") {
                if let ch = LeadChannel(rawValue: c.text) { channel = ch } else {
                    rowIssues.append(ImportIssue(file: file, row: row, column: c.column,
                                                 message: "unknown channel '\(c.text)'; use one of \(LeadChannel.allCases.map(\.rawValue).joined(separator: ", ")) (or map the list's words in the mapping's values)"))
                }
            }
            var currency = zoneCurrency
            if let c = cell("currency") {
                do { currency = try CurrencyCode(c.text) } catch { rowIssues.append(ImportIssue(file: file, row: row, column: c.column, message: "\(error)")) }
            }
            var amount: Money?
            if let c = cell("intendedInvestment") {
                var text = c.text
                if text.hasSuffix("美元") { currency = .usd; text.removeLast(2) }
                // As the forms read it: 万 for yuan, whole units for other currencies, unless the header or the cell says otherwise.
                let unit = sources["intendedInvestment"]?.unit ?? columns["intendedInvestment"].flatMap { header.units[$0.index] }
                    ?? (currency == .cny ? mapping.moneyUnit ?? .one : .one)
                do { amount = try MoneyParser(currency: currency, defaultUnit: unit).parse(text) } catch {
                    rowIssues.append(ImportIssue(file: file, row: row, column: c.column, message: "\(error)"))
                }
            }
            var code: ProjectCode?
            if let c = cell("projectCode") {
                do { code = try ProjectCode(c.text) } catch { rowIssues.append(ImportIssue(file: file, row: row, column: c.column, message: "\(error)")) }
            }
            // In pipeline order; a later stage dated before an earlier one is a typing error, named by its columns.
            let dated = stageDates.compactMap { field, stage in date(field).map { (stage, $0, field) } }
            for (a, b) in zip(dated, dated.dropFirst()) where b.1 < a.1 {
                rowIssues.append(ImportIssue(file: file, row: row, column: columns[b.2]?.name,
                                             message: "\(b.1) is before \(columns[a.2]?.name ?? a.2) (\(a.1)); a later stage cannot be reached earlier"))
            }
            let lostOn = date("lostOn")
            let by = cell("by")?.text ?? "import"
            var moves: [LeadTransition] = []
            if dated.isEmpty, rowIssues.isEmpty {
                rowIssues.append(ImportIssue(file: file, row: row, column: nil, message: "give the date of at least one stage (first contact, signing, …)"))
            }
            if rowIssues.isEmpty {
                do throws(LeadTransitionError) {
                    for (stage, day, _) in dated { moves.append(try LeadStageMachine.check(history: moves, to: stage, on: day, reason: nil, by: by)) }
                    if let lostOn { moves.append(try LeadStageMachine.check(history: moves, to: .lost, on: lostOn, reason: cell("lostReason")?.text, by: by)) }
                } catch {
                    rowIssues.append(ImportIssue(file: file, row: row, column: nil, message: error.description))
                }
            }
            let identity = "\(title)\u{1F}\(investor)"
            if rowIssues.isEmpty, let first = seen[identity] {
                rowIssues.append(ImportIssue(file: file, row: row, column: nil, message: "the same investment and investor as row \(first); one row per lead"))
            }
            seen[identity] = seen[identity] ?? row
            issues += rowIssues
            guard rowIssues.isEmpty else { continue }
            let lead = Lead(title: title, investor: Investor(name: investor, origin: cell("origin")?.text, parentGroup: cell("parentGroup")?.text),
                            channel: channel, industryCluster: cell("industryCluster")?.text, intendedInvestment: amount, ownerDepartment: owner,
                            officer: cell("officer")?.text, projectCode: code)
            rows.append(LeadPlanRow(row: row, lead: lead, moves: moves, projectKey: cell("projectKey")?.text))
        }
        guard issues.isEmpty else { throw ImportFailure(issues: issues) }
        return LeadPlan(zoneName: zone, rows: rows, rowsRead: table.rows.count, encoding: table.encoding)
    }
}
