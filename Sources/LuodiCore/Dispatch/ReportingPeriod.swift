/// How often a zone's departments report (报送周期).
public enum ReportingCycle: String, CaseIterable, Sendable, Codable {
    /// ISO 8601 weeks, Monday to Sunday, named `2021-W10`.
    case weekly
    /// Half months: the 1st to the 15th (`2021-03H1`) and the 16th to the month's end (`2021-03H2`).
    case halfMonthly
    /// Calendar months, named `2021-03`.
    case monthly
}

/// One reporting period of a cycle: its name and its first and last days (both included).
///
/// Weeks follow ISO 8601: a week belongs to the year that holds its Thursday, so `2020-W53`
/// runs from Monday 2020-12-28 to Sunday 2021-01-03 and counts in 2020. `year` is that named
/// year; a period's figures count in its named year.
public struct ReportingPeriod: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let cycle: ReportingCycle
    /// The year in the period's name (the ISO week-year for weeks).
    public let year: Int
    /// Week (1...53), half month (1...24: January H1 = 1, January H2 = 2, …) or month (1...12).
    public let index: Int
    public let start: CalendarDate
    public let end: CalendarDate

    /// The period of `cycle` that contains `day`.
    public init(containing day: CalendarDate, cycle: ReportingCycle) {
        switch cycle {
        case .weekly:
            let thursday = day.adding(days: 3 - WorkingDayCalendar.weekdayIndex(day))
            self.init(week: (thursday.dayOfYear - 1) / 7 + 1, of: thursday.year)
        case .halfMonthly:
            self.init(halfMonth: (day.month - 1) * 2 + (day.day <= 15 ? 1 : 2), of: day.year)
        case .monthly:
            self.init(month: day.month, of: day.year)
        }
    }

    /// Reads a period name: `2021-W10`, `2021-03H1` / `2021-03H2`, or `2021-03`.
    /// - Throws: `ReportingPeriodError.badName` saying which shapes are accepted, or
    ///   `.noSuchWeek` for week 53 of a year that has 52.
    public init(name: String) throws {
        let text = name.trimmingWhitespace()
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), year >= 1900, year <= 9999 else {
            throw ReportingPeriodError.badName(name)
        }
        let rest = parts[1]
        if rest.hasPrefix("W"), rest.count == 3, let week = Int(rest.dropFirst()), week >= 1 {
            guard week <= Self.isoWeeks(in: year) else { throw ReportingPeriodError.noSuchWeek(name, weeks: Self.isoWeeks(in: year)) }
            self.init(week: week, of: year)
        } else if rest.count == 4, let month = Int(rest.prefix(2)), (1...12).contains(month), rest.dropFirst(2) == "H1" || rest.dropFirst(2) == "H2" {
            self.init(halfMonth: (month - 1) * 2 + (rest.hasSuffix("H1") ? 1 : 2), of: year)
        } else if rest.count == 2, let month = Int(rest), (1...12).contains(month) {
            self.init(month: month, of: year)
        } else {
            throw ReportingPeriodError.badName(name)
        }
    }

    private init(week: Int, of year: Int) {
        // 4 January is always in week 1 (ISO 8601).
        let jan4 = try! CalendarDate(year: year, month: 1, day: 4)
        let monday = jan4.adding(days: -WorkingDayCalendar.weekdayIndex(jan4) + (week - 1) * 7)
        self.init(cycle: .weekly, year: year, index: week, start: monday, end: monday.adding(days: 6))
    }

    private init(halfMonth index: Int, of year: Int) {
        let month = (index - 1) / 2 + 1, first = index % 2 == 1
        let last = CalendarDate.daysIn(month: month, year: year)
        self.init(cycle: .halfMonthly, year: year, index: index,
                  start: try! CalendarDate(year: year, month: month, day: first ? 1 : 16),
                  end: try! CalendarDate(year: year, month: month, day: first ? 15 : last))
    }

    private init(month: Int, of year: Int) {
        self.init(cycle: .monthly, year: year, index: month, start: try! CalendarDate(year: year, month: month, day: 1),
                  end: try! CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year)))
    }

    private init(cycle: ReportingCycle, year: Int, index: Int, start: CalendarDate, end: CalendarDate) {
        self.cycle = cycle
        self.year = year
        self.index = index
        self.start = start
        self.end = end
    }

    /// Weeks in an ISO week-year: 53 when 1 January is a Thursday, or a Wednesday in a leap year.
    public static func isoWeeks(in year: Int) -> Int {
        let jan1 = WorkingDayCalendar.weekdayIndex(try! CalendarDate(year: year, month: 1, day: 1))
        return jan1 == 3 || (jan1 == 2 && CalendarDate.isLeap(year)) ? 53 : 52
    }

    /// `2021-W10`, `2021-03H1` or `2021-03`.
    public var name: String {
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        switch cycle {
        case .weekly: return "\(year)-W\(two(index))"
        case .halfMonthly: return "\(year)-\(two((index - 1) / 2 + 1))H\(index % 2 == 1 ? 1 : 2)"
        case .monthly: return "\(year)-\(two(index))"
        }
    }

    public var description: String { name }

    /// The period after this one.
    public var next: ReportingPeriod { ReportingPeriod(containing: end.adding(days: 1), cycle: cycle) }
    /// The period before this one.
    public var previous: ReportingPeriod { ReportingPeriod(containing: start.adding(days: -1), cycle: cycle) }

    public func contains(_ day: CalendarDate) -> Bool { start <= day && day <= end }

    /// The day a period's figures are taken at: its last day, but no later than 31 December of
    /// its named year (2020-W53 → 2020-12-31) so that year-to-date figures stay in that year,
    /// and no later than `today` while the period runs.
    public func figuresDay(today: CalendarDate) -> CalendarDate {
        min(end, try! CalendarDate(year: year, month: 12, day: 31), today)
    }

    public static func < (a: ReportingPeriod, b: ReportingPeriod) -> Bool { a.start < b.start }
}

/// Why a period name or a report is refused.
public enum ReportingPeriodError: Error, Equatable, Sendable, CustomStringConvertible {
    case badName(String)
    case noSuchWeek(String, weeks: Int)
    case wrongCycle(String, expected: ReportingCycle)

    public var description: String {
        switch self {
        case let .badName(name):
            return "'\(name)' is not a period name: use 2021-W10 (ISO week), 2021-03H1 or 2021-03H2 (half month), or 2021-03 (month)"
        case let .noSuchWeek(name, weeks): return "'\(name)': that year has \(weeks) ISO weeks"
        case let .wrongCycle(name, expected): return "'\(name)' is not a period of the zone's \(expected.rawValue) cycle"
        }
    }
}
