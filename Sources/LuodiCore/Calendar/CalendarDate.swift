/// A calendar date in the zone's own time zone (Asia/Shanghai by default), with no time of day.
///
/// Dates are never instants: a `CalendarDate` cannot drift a day when read in another time
/// zone, because it holds only year, month and day (proleptic Gregorian calendar). Its text
/// form is ISO 8601 `yyyy-MM-dd`, which is also how the store keeps it.
public struct CalendarDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Year, e.g. 2021.
    public let year: Int
    /// Month, 1...12.
    public let month: Int
    /// Day of month, 1...28/29/30/31.
    public let day: Int

    /// Creates a date, checking that it exists.
    /// - Throws: `CalendarDateError.notACalendarDate` for e.g. 2021-02-30 or month 13.
    public init(year: Int, month: Int, day: Int) throws {
        guard (1...9999).contains(year) else {
            throw CalendarDateError.notACalendarDate(Self.text(year, month, day), reason: "year \(year) is outside 1...9999")
        }
        guard (1...12).contains(month) else {
            throw CalendarDateError.notACalendarDate(Self.text(year, month, day), reason: "there is no month \(month)")
        }
        let length = Self.daysIn(month: month, year: year)
        guard (1...length).contains(day) else {
            throw CalendarDateError.notACalendarDate(
                Self.text(year, month, day), reason: "month \(month) of \(year) has \(length) days")
        }
        self.year = year
        self.month = month
        self.day = day
    }

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The years a date read from text may have. Dates are computed on (periods, working days,
    /// weeks back and forth) well beyond what is typed, so what is typed stays centuries away
    /// from the ends of 1...9999 where that arithmetic would leave the calendar.
    public static let parsedYears = 1000...8999

    /// Parses ISO 8601 `yyyy-MM-dd`.
    /// - Throws: `CalendarDateError` when the text is not of that shape, not a real date, or its
    ///   year is outside `parsedYears`.
    public init(iso text: String) throws {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { throw CalendarDateError.badFormat(text, expected: "yyyy-MM-dd") }
        try self.init(parsedYear: y, month: m, day: d, text: text)
    }

    /// A date read from text: checked as `init(year:month:day:)`, its year within `parsedYears`.
    init(parsedYear y: Int, month m: Int, day d: Int, text: String) throws {
        guard Self.parsedYears.contains(y) else {
            throw CalendarDateError.notACalendarDate(text, reason: "year \(y) is outside \(Self.parsedYears.lowerBound)–\(Self.parsedYears.upperBound)")
        }
        do { try self.init(year: y, month: m, day: d) } catch let CalendarDateError.notACalendarDate(_, reason) {
            throw CalendarDateError.notACalendarDate(text, reason: reason)
        }
    }

    /// Decodes from the ISO text `yyyy-MM-dd`.
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(iso: text) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\(error)"))
        }
    }

    /// Encodes as the ISO text `yyyy-MM-dd`.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }

    /// `yyyy-MM-dd`.
    public var iso: String { Self.text(year, month, day) }
    public var description: String { iso }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Whether `year` is a Gregorian leap year.
    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Number of days in `month` of `year`.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// 365 or 366.
    public static func daysIn(year: Int) -> Int { isLeap(year) ? 366 : 365 }

    /// Ordinal day of the year, 1 for 1 January (2021-06-30 → 181).
    public var dayOfYear: Int {
        (1..<month).reduce(0) { $0 + Self.daysIn(month: $1, year: year) } + day
    }

    /// Days since 1970-01-01 (negative before), by the civil-from-days algorithm of
    /// Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms".
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `daysSinceEpoch` days after 1970-01-01.
    public init(daysSinceEpoch z0: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(unchecked: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// This date moved by `days` calendar days (negative moves back).
    public func adding(days: Int) -> CalendarDate { CalendarDate(daysSinceEpoch: daysSinceEpoch + days) }

    /// Calendar days from `self` to `other` (positive when `other` is later).
    public func days(until other: CalendarDate) -> Int { other.daysSinceEpoch - daysSinceEpoch }

    /// Whole months from `self` to `other`, counted as a person would: 2021-01-31 → 2021-02-28 is
    /// 0 months, → 2021-03-01 is 1 month. Negative when `other` is earlier.
    public func wholeMonths(until other: CalendarDate) -> Int {
        if other < self { return -other.wholeMonths(until: self) }
        var months = (other.year - year) * 12 + (other.month - month)
        if other.day < day { months -= 1 }
        return months
    }

    /// The same day `months` later, clamped to the month's last day (2021-01-31 + 1 → 2021-02-28).
    public func adding(months: Int) -> CalendarDate {
        let index = year * 12 + (month - 1) + months
        let y = index / 12, m = index % 12 + 1
        return CalendarDate(unchecked: y, m, min(day, Self.daysIn(month: m, year: y)))
    }

    /// The last day of this date's year.
    public var endOfYear: CalendarDate { CalendarDate(unchecked: year, 12, 31) }

    /// Today's date in the given IANA time zone (Asia/Shanghai by default).
    public static func today(timeZoneIdentifier: String = "Asia/Shanghai", unixTime: Int = TimeZoneOffsets.now()) -> CalendarDate {
        let offset = TimeZoneOffsets.secondsEast(of: timeZoneIdentifier, at: unixTime)
        let local = unixTime + offset
        return CalendarDate(daysSinceEpoch: Int((Double(local) / 86_400).rounded(.down)))
    }

    private static func text(_ y: Int, _ m: Int, _ d: Int) -> String {
        func pad(_ v: Int, _ w: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }
}

/// Why text is not a `CalendarDate`.
public enum CalendarDateError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text does not have the expected shape (`expected` names the format).
    case badFormat(String, expected: String)
    /// The parts are numbers but name no real day (`reason` says why, e.g. "month 2 of 2021 has 28 days").
    case notACalendarDate(String, reason: String)

    public var description: String {
        switch self {
        case let .badFormat(text, expected): return "'\(text)' is not a date in the format \(expected)"
        case let .notACalendarDate(text, reason): return "'\(text)' is not a calendar date: \(reason)"
        }
    }
}
