import Foundation
import LuodiCore

/// A column mapping (import profile): which column is which field, the date format, the money
/// unit, and how rows group into projects and milestones. Written as JSON; the format is
/// documented in README.md ("Column mappings") and the bundled profiles are examples.
public struct Mapping: Codable, Sendable {
    /// Profile name, e.g. `nyc-sca`.
    public var name: String
    public var description: String?
    /// The zone the rows belong to, unless `luodi import --zone` names another.
    public var zone: ZoneSpec?
    /// `auto` (default), `utf-8` or `gb18030`.
    public var encoding: TextEncoding?
    /// Date pattern for every date field unless the field says otherwise; default `yyyy-MM-dd`
    /// (which also accepts `yyyy/M/d`).
    public var dateFormat: DateFormat?
    /// Unit of bare numbers in money columns unless the field or header says otherwise; default `one`.
    public var moneyUnit: MoneyUnit?
    /// Cell values that mean "no value" (e.g. `PNS`, phase not started, where a date should be).
    public var blankValues: [String]?
    /// How rows are grouped into projects.
    public var identity: Identity
    /// Project fields, keyed by field name (see `ProjectField`).
    public var project: [String: FieldSource]
    /// Milestone fields, keyed by field name (see `MilestoneField`); omit when rows are projects only.
    public var milestone: [String: FieldSource]?
    /// Where each lead field comes from (`LeadListImporter.fields`); a mapping with this section
    /// reads a lead list (招商线索台账) instead of a project list.
    public var lead: [String: FieldSource]?

    /// The zone a mapping creates when it is new.
    public struct ZoneSpec: Codable, Sendable {
        public var name: String
        public var currency: String?
        public var timeZone: String?
        /// A rule-set preset name (`standard`, `capital-program`).
        public var ruleSet: String?
        /// `days` or `months`.
        public var timeElapsedConvention: TimeElapsedConvention?
    }

    /// Rows whose identity columns are equal belong to one project. The project's stable key is
    /// `prefix` + the values joined by `|`.
    public struct Identity: Codable, Sendable {
        public var columns: [ColumnName]
        public var prefix: String?
        /// What a repeated milestone name under one identity means: `error` (default), or
        /// `newProject`, when a source lists distinct projects that share every identifying
        /// column one after another; each repeat starts project `key#2`, `key#3`… with a note.
        public var whenMilestoneRepeats: Repeat?
        public enum Repeat: String, Codable, Sendable { case error, newProject }
    }

    /// Where a field's value comes from: one column, a template over columns, or a constant.
    public struct FieldSource: Codable, Sendable {
        public var column: ColumnName?
        /// E.g. `"{Project School Name}: {Project Description}"`.
        public var template: String?
        /// A constant value.
        public var value: String?
        /// How values of several rows combine into one project value: `first` (default: every
        /// non-blank value must agree), `sum` (money), `min`, `max` (dates).
        public var aggregate: Aggregate?
        /// Source value → field value, e.g. `{"Construction": "construction"}` (case-insensitive).
        public var values: [String: String]?
        public var unit: MoneyUnit?
        public var dateFormat: DateFormat?
        public var required: Bool?
        /// The column may be absent from the file (bundled templates mark their optional
        /// columns so); otherwise a mapped column missing from the header is an error.
        public var optional: Bool?
        /// For `stage`: infer it from the milestones' actual dates when the column gives none.
        public var fromMilestones: Bool?

        public enum Aggregate: String, Codable, Sendable { case first, sum, min, max }
    }

    /// A header name, or a list of alternative names (e.g. `["name", "项目名称"]`); the first one
    /// present in the file is used.
    public struct ColumnName: Codable, Sendable, Hashable, CustomStringConvertible {
        public var alternatives: [String]
        public init(_ alternatives: [String]) { self.alternatives = alternatives }
        public init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let one = try? c.decode(String.self) { alternatives = [one] } else { alternatives = try c.decode([String].self) }
        }
        public func encode(to encoder: Encoder) throws {
            var c = encoder.singleValueContainer()
            if alternatives.count == 1 { try c.encode(alternatives[0]) } else { try c.encode(alternatives) }
        }
        public var description: String { alternatives.map { "'\($0)'" }.joined(separator: " or ") }

        /// The name a sheet of that language shows: the first Chinese alternative (one with a CJK
        /// character, U+2E80 on) in Chinese, else the first alternative.
        public func shown(chinese: Bool) -> String {
            chinese ? (alternatives.first(where: Self.isChinese) ?? alternatives[0]) : alternatives[0]
        }

        /// Whether a text has a CJK character (U+2E80 on).
        public static func isChinese(_ text: String) -> Bool { text.unicodeScalars.contains { $0.value >= 0x2E80 } }
    }

    /// Reads a mapping file.
    /// - Throws: `ImportIssue` naming the file and the JSON path of the problem.
    public static func load(_ data: Data, file: String) throws -> Mapping {
        do {
            let mapping = try JSONDecoder().decode(Mapping.self, from: data)
            try mapping.validateFieldNames(file: file)
            return mapping
        } catch let issue as ImportIssue {
            throw issue
        } catch let DecodingError.dataCorrupted(context) {
            throw ImportIssue(file: file, row: nil, column: context.codingPath.jsonPath, message: "not a valid mapping: \(context.debugDescription)")
        } catch let DecodingError.keyNotFound(key, context) {
            throw ImportIssue(file: file, row: nil, column: (context.codingPath + [key]).jsonPath, message: "required key '\(key.stringValue)' is missing")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw ImportIssue(file: file, row: nil, column: context.codingPath.jsonPath, message: "wrong type: \(context.debugDescription)")
        } catch {
            throw ImportIssue(file: file, row: nil, column: nil, message: "not a valid mapping: \(error)")
        }
    }

    private func validateFieldNames(file: String) throws {
        for key in project.keys where ProjectField(rawValue: key) == nil {
            throw ImportIssue(file: file, row: nil, column: "project.\(key)",
                              message: "unknown project field '\(key)'; known fields: \(ProjectField.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        for key in (milestone ?? [:]).keys where MilestoneField(rawValue: key) == nil {
            throw ImportIssue(file: file, row: nil, column: "milestone.\(key)",
                              message: "unknown milestone field '\(key)'; known fields: \(MilestoneField.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if lead == nil, project[ProjectField.name.rawValue] == nil {
            throw ImportIssue(file: file, row: nil, column: "project.name", message: "a mapping must say where the project name comes from")
        }
        if let m = milestone, m[MilestoneField.name.rawValue] == nil {
            throw ImportIssue(file: file, row: nil, column: "milestone.name", message: "a milestone section must say where the milestone name comes from")
        }
    }
}

/// Project fields a mapping can fill.
public enum ProjectField: String, CaseIterable, Sendable {
    case name, projectCode, category, projectClass, stage, industryCluster, department, responsibleLeader
    case enterprise, location, totalInvestment, annualPlannedInvestment, completedInvestment
    case statisticalEnrollment, plannedStart, plannedFinish, actualStart, progressNote, source
}

/// Milestone fields a mapping can fill.
public enum MilestoneField: String, CaseIterable, Sendable {
    case name, kind, plannedStart, plannedFinish, actualStart, actualFinish, status, budget, spent
    /// The milestone's predecessors: `供地 FS+10; 规划许可` (see `MilestoneLinkSyntax`).
    case predecessors
}

extension Array where Element == CodingKey {
    var jsonPath: String { map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".") }
}
