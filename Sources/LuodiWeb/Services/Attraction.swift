import Fluent
import Foundation
import LuodiCore
import LuodiStore
import Vapor

/// The attraction figures of a zone, shared by the pages, the API and the CLI so they agree.
public enum Attraction {
    /// A rate typed as decimal text (`6.4601`), read exactly (no binary floating point).
    /// - Throws: `LeadError.invalid` naming `rate`.
    static func rate(_ text: String) throws -> Decimal {
        let text = text.trimmingWhitespace()
        guard !text.isEmpty, text.allSatisfy({ $0.isNumber || $0 == "." }), let rate = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
            throw LeadError.invalid(field: "rate", reason: "'\(text)' is not a decimal number such as 6.4601")
        }
        return rate
    }

    /// A day given for a lead change, or today in the zone; never after today.
    /// - Throws: 422 naming `on`.
    public static func checkedDay(_ given: CalendarDate?, zone: StoredZone) throws -> CalendarDate {
        let today = CalendarDate.today(timeZoneIdentifier: zone.zone.timeZone)
        let day = given ?? today
        guard day <= today else { throw Abort(.unprocessableEntity, reason: "on: \(day) is after today (\(today))") }
        return day
    }

    /// The funnel of the zone's leads for `from...to` (default: this year up to today).
    static func funnel(_ db: any Database, zone: StoredZone, from: CalendarDate?, to: CalendarDate?, stallDays: Int?) async throws -> Funnel {
        let today = CalendarDate.today(timeZoneIdentifier: zone.zone.timeZone)
        let end = to ?? today
        let start = try from ?? CalendarDate(year: end.year, month: 1, day: 1)
        guard start <= end else { throw Abort(.badRequest, reason: "from: \(start) is after to (\(end))") }
        let days = stallDays ?? 30
        guard (1...3650).contains(days) else { throw Abort(.badRequest, reason: "stallDays: a number of days from 1 to 3650") }
        let leads = try await LeadRepository(db: db).leads(zoneID: zone.id)
        return Funnel.compute(leads.map(\.funnel), from: start, to: end, stallDays: days)
    }

    /// Contracted and arrived capital of the zone's leads dated within `from...to`, in `currency`
    /// through the dated exchange rates (the rates used listed), or per currency when none is asked.
    struct CapitalTotals: Content {
        var currency: String?
        var contracted: [Money]
        var inPlace: [Money]
        var ratesUsed: [ExchangeRate]
    }

    static func capital(_ db: any Database, zone: StoredZone, currency: CurrencyCode?, from: CalendarDate, to: CalendarDate) async throws -> CapitalTotals {
        let records = try await LeadRepository(db: db).leads(zoneID: zone.id).flatMap(\.capital).filter { $0.on >= from && $0.on <= to }
        func perCurrency(_ kind: CapitalRecord.Kind) -> [Money] {
            var sums: [CurrencyCode: Int64] = [:]
            for r in records where r.kind == kind { sums[r.amount.currency, default: 0] += r.amount.minorUnits }
            return sums.keys.sorted().map { Money(minorUnits: sums[$0]!, currency: $0) }
        }
        guard let currency else { return CapitalTotals(currency: nil, contracted: perCurrency(.contracted), inPlace: perCurrency(.inPlace), ratesUsed: []) }
        let table = ExchangeRateTable(try await LeadRepository(db: db).exchangeRates())
        do {
            let (contracted, r1) = try table.total(records.filter { $0.kind == .contracted }.map { ($0.amount, $0.on) }, in: currency)
            let (inPlace, r2) = try table.total(records.filter { $0.kind == .inPlace }.map { ($0.amount, $0.on) }, in: currency)
            return CapitalTotals(currency: currency.code, contracted: [contracted], inPlace: [inPlace], ratesUsed: r1 + r2.filter { !r1.contains($0) })
        } catch {
            throw Abort(.unprocessableEntity, reason: "currency: \(error)")
        }
    }
}

extension LeadError: AbortError {
    public var status: HTTPResponseStatus { .unprocessableEntity }
    public var reason: String { description }
}

extension StoredLead: Content {}
extension Funnel: Content {}
