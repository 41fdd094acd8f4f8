import Foundation
import LuodiCore

/// Turns a project list (CSV) into an `ImportPlan` through a `Mapping`, or reports every bad
/// row. Nothing here writes anything: the caller applies the plan all-or-nothing.
public enum ProjectListImporter {
    /// Largest file accepted, in bytes (32 MiB): the largest real list seen (8,124 rows) is 1.3 MB.
    public static let defaultSizeLimit = 32 * 1024 * 1024

    /// - Parameters:
    ///   - data: the file's bytes.
    ///   - file: the name used in every message.
    ///   - mapping: the profile or mapping file.
    ///   - zoneName: overrides the mapping's zone name (`--zone`).
    ///   - encoding: overrides the mapping's encoding (`--encoding`).
    /// - Throws: `ImportFailure` with every error, located as `file:row:column`.
    public static func plan(
        data: Data, file: String, mapping: Mapping, zoneName: String? = nil,
        encoding: TextEncoding? = nil, sizeLimit: Int = defaultSizeLimit
    ) throws(ImportFailure) -> ImportPlan {
        guard data.count <= sizeLimit else {
            throw ImportFailure(issues: [ImportIssue(file: file, row: nil, column: nil,
                message: "the file has \(data.count) bytes, over the import limit of \(sizeLimit) bytes; split it or raise --max-bytes")])
        }
        let zone: Zone
        let table: CSVTable
        do {
            zone = try makeZone(mapping: mapping, override: zoneName)
            table = try CSVTable(data: data, file: file, encoding: encoding ?? mapping.encoding ?? .auto)
        } catch let issue as ImportIssue {
            throw ImportFailure(issues: [issue])
        } catch {
            throw ImportFailure(issues: [ImportIssue(file: file, row: nil, column: nil, message: "\(error)")])
        }
        return try plan(table: table, mapping: mapping, zone: zone)
    }

    /// Plans from a table already read (a worksheet), with the zone the mapping names.
    /// - Throws: `ImportFailure` with every error, located in the table.
    public static func plan(table: CSVTable, mapping: Mapping, zoneName: String? = nil) throws(ImportFailure) -> ImportPlan {
        let zone: Zone
        do { zone = try makeZone(mapping: mapping, override: zoneName) } catch let issue as ImportIssue {
            throw ImportFailure(issues: [issue])
        } catch {
            throw ImportFailure(issues: [ImportIssue(file: table.file, row: nil, column: nil, message: "\(error)")])
        }
        return try plan(table: table, mapping: mapping, zone: zone)
    }

    /// A currency named in the header (`总投资（USD）`) is the zone's: it overrides the mapping's,
    /// so a list exported from a dollar zone reads back in dollars with profile `luodi`. Two
    /// headers naming different currencies are refused, since amounts are never mixed.
    static func plan(table: CSVTable, mapping: Mapping, zone: Zone) throws(ImportFailure) -> ImportPlan {
        var zone = zone
        let named = HeaderIndex(header: table.header).currencies.sorted { $0.key < $1.key }
        if let first = named.first {
            if let other = named.first(where: { $0.value != first.value }) {
                throw ImportFailure(issues: [ImportIssue(file: table.file, row: 1, column: table.header[other.key],
                    message: "this column is in \(other.value.code) but '\(table.header[first.key])' is in \(first.value.code); amounts in different currencies are never mixed in one list")])
            }
            zone.currency = first.value
        }
        var builder = PlanBuilder(table: table, mapping: mapping, zone: zone)
        let plan = builder.build()
        let errors = builder.issues.filter { $0.severity == .error }
        guard errors.isEmpty else { throw ImportFailure(issues: errors) }
        return plan
    }

    static func makeZone(mapping: Mapping, override: String?) throws -> Zone {
        let spec = mapping.zone
        let name = (override ?? spec?.name ?? "Default zone").trimmingWhitespace()
        guard !name.isEmpty else {
            throw ImportIssue(file: mapping.name, row: nil, column: override == nil ? "zone.name" : "--zone", message: "the zone name is empty")
        }
        var zone = Zone(name: name)
        if let c = spec?.currency {
            do { zone.currency = try CurrencyCode(c) } catch {
                throw ImportIssue(file: mapping.name, row: nil, column: "zone.currency", message: "\(error)")
            }
        }
        if let tz = spec?.timeZone {
            guard TimeZone(identifier: tz) != nil else {
                throw ImportIssue(file: mapping.name, row: nil, column: "zone.timeZone", message: "'\(tz)' is not an IANA time zone")
            }
            zone.timeZone = tz
        }
        if let name = spec?.ruleSet {
            guard let rules = RAGRuleSet.presets[name] else {
                throw ImportIssue(file: mapping.name, row: nil, column: "zone.ruleSet",
                                  message: "unknown rule set '\(name)'; presets: \(RAGRuleSet.presets.keys.sorted().joined(separator: ", "))")
            }
            zone.ruleSet = rules
        }
        if let c = spec?.timeElapsedConvention { zone.timeElapsedConvention = c }
        return zone
    }
}
