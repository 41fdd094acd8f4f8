import Fluent
import Foundation
import LuodiCore

/// A zone row. The rule set is kept as JSON so a zone can tune thresholds without a migration.
public final class ZoneRecord: Model, @unchecked Sendable {
    public static let schema = "zones"

    @ID(key: .id) public var id: UUID?
    @Field(key: "name") public var name: String
    @Field(key: "currency") public var currency: String
    @Field(key: "time_zone") public var timeZone: String
    @Field(key: "time_elapsed_convention") public var timeElapsedConvention: String
    @Field(key: "rule_set") public var ruleSet: String
    /// The zone's own calendar exceptions as JSON `{"2021-06-30": false}`; nil when none.
    @OptionalField(key: "calendar_exceptions") public var calendarExceptions: String?
    /// `weekly`, `halfMonthly` or `monthly`; nil until the zone starts reporting.
    @OptionalField(key: "reporting_cycle") public var reportingCycle: String?
    /// The zone's `RankingFormula` as JSON; nil: the standard formula.
    @OptionalField(key: "ranking_formula") public var rankingFormula: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(id: UUID? = nil, zone: Zone) throws {
        self.id = id
        name = zone.name
        currency = zone.currency.code
        timeZone = zone.timeZone
        timeElapsedConvention = zone.timeElapsedConvention.rawValue
        ruleSet = try StoreJSON.encode(zone.ruleSet)
        calendarExceptions = try Self.encode(zone.calendarExceptions)
        reportingCycle = zone.reportingCycle?.rawValue
    }

    static func encode(_ exceptions: [CalendarDate: Bool]) throws -> String? {
        guard !exceptions.isEmpty else { return nil }
        return try StoreJSON.encode(Dictionary(uniqueKeysWithValues: exceptions.map { ($0.key.iso, $0.value) }))
    }

    /// The domain value.
    /// - Throws: `StoreError.corrupt` when a stored code is not valid.
    public func domain() throws -> Zone {
        guard let convention = TimeElapsedConvention(rawValue: timeElapsedConvention) else {
            throw StoreError.corrupt("zone \(name): time_elapsed_convention '\(timeElapsedConvention)'")
        }
        let rules = try StoreJSON.decode(RAGRuleSet.self, ruleSet, what: "zone \(name): rule_set")
        var zone = Zone(name: name, currency: try CurrencyCode(currency), timeZone: timeZone,
                        timeElapsedConvention: convention, ruleSet: rules)
        if let cycle = reportingCycle {
            guard let c = ReportingCycle(rawValue: cycle) else { throw StoreError.corrupt("zone \(name): reporting_cycle '\(cycle)'") }
            zone.reportingCycle = c
        }
        if let text = calendarExceptions {
            do {
                let byText = try JSONDecoder().decode([String: Bool].self, from: Data(text.utf8))
                for (day, working) in byText { zone.calendarExceptions[try CalendarDate(iso: day)] = working }
            } catch {
                throw StoreError.corrupt("zone \(name): calendar_exceptions (\(error))")
            }
        }
        return zone
    }
}
