import Foundation
import LuodiCore

/// One lead as the lead list holds it: its record, its moves and the key of its project.
public struct LeadListEntry: Sendable {
    public let lead: Lead
    public let stage: LeadStage
    public let transitions: [LeadTransition]
    public let projectKey: String?

    public init(lead: Lead, stage: LeadStage, transitions: [LeadTransition], projectKey: String?) {
        self.lead = lead
        self.stage = stage
        self.transitions = transitions
        self.projectKey = projectKey
    }
}

/// The lead list as a worksheet in the shape of the lead-list template (profile `leads`), so it
/// re-imports with that profile: the profile's column names, channel and currency in the
/// profile's own words (展会招商, 美元) in Chinese and as codes in English, the intended
/// investment in 万 of its own currency (`意向投资（万）`: 5000 with 美元 is 50,000,000 dollars),
/// the day each stage was first reached, the lost day and reason, then the current stage.
/// What a list row cannot hold stays on the lead's page: notes, capital, and moves back or on hold
/// (a history with those re-imports as its first reaching of each stage).
public struct LeadListSheet: Sendable {
    public let chinese: Bool
    private let template: Mapping

    /// - Throws: `ImportIssue` if the bundled `leads` profile cannot be read (a packaging fault).
    public init(chinese: Bool) throws {
        self.chinese = chinese
        template = try BundledProfiles.named("leads")
    }

    /// - Parameter stageHeader: the last column's header (the current stage), in the reader's language.
    /// - Parameter stageName: the current stage's name in the reader's language.
    public func sheet(_ entries: [LeadListEntry], sheetName: String, stageHeader: String, stageName: (LeadStage) -> String) -> XLSXSheetData {
        // The importer's fields, in its order (the row below follows it).
        let header = LeadListImporter.fields.map { field -> String in
            let name = (template.lead?[field]?.column ?? Mapping.ColumnName([field])).shown(chinese: chinese)
            return field == "intendedInvestment" ? (chinese ? "\(name)（万）" : "\(name) (万)") : name
        }
        func word(_ field: String, _ code: String) -> String {
            guard chinese, let values = template.lead?[field]?.values else { return code }
            // The longest word for the code: 展会招商 rather than 展会.
            return values.filter { $0.value == code }.map(\.key).max { ($0.count, $1) < ($1.count, $0) } ?? code
        }
        func text(_ t: String?) -> XLSXCell { t.map(XLSXCell.text) ?? .empty }
        let rows: [[XLSXCell]] = entries.map { e in
            let l = e.lead
            let amount = l.intendedInvestment.map { XLSXCell.decimal($0.decimal(in: .wan)) } ?? .empty
            let reached = LeadListImporter.stageDates.map { _, stage in e.transitions.first { $0.to == stage }.map { XLSXCell.date($0.on) } ?? .empty }
            let lost = e.stage == .lost ? e.transitions.last { $0.to == .lost } : nil
            return [.text(l.title), .text(l.investor.name), text(l.investor.origin), text(l.investor.parentGroup), .text(word("channel", l.channel.rawValue)),
                    text(l.industryCluster), amount, l.intendedInvestment.map { .text(word("currency", $0.currency.code)) } ?? .empty,
                    .text(l.ownerDepartment), text(l.officer), text(l.projectCode?.value), text(e.projectKey)]
                + reached + [lost.map { .date($0.on) } ?? .empty, text(lost?.reason), text(e.transitions.first?.by), .text(stageName(e.stage))]
        }
        return XLSXSheetData(name: sheetName, header: header + [stageHeader], rows: rows)
    }
}
