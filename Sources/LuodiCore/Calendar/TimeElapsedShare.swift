/// How the share of the reporting year elapsed at an as-of date (序时进度) is counted.
///
/// Both conventions are published practice in Chinese investment reporting: by days for
/// dispatch at any date, by months for monthly statistics ("1–7月" reports).
public enum TimeElapsedConvention: String, CaseIterable, Sendable, Codable {
    /// Day of year of the as-of date ÷ days in the year (2021-06-30 → 181/365 = 49.59 %).
    case days
    /// Completed months ÷ 12, where the as-of month counts only on its last day
    /// (2021-07-31 → 7/12 = 58.33 %; 2021-07-30 → 6/12 = 50 %).
    case months
}

/// The time-elapsed share (序时进度) at an as-of date.
public struct TimeElapsedShare: Hashable, Sendable {
    /// Elapsed units (days or months).
    public let elapsed: Int
    /// Units in the year (365, 366 or 12).
    public let total: Int
    /// The convention used, to be stated wherever the share is shown.
    public let convention: TimeElapsedConvention

    /// The share as a fraction in 0...1.
    public var fraction: Double { Double(elapsed) / Double(total) }
    /// The share in percent, 0...100.
    public var percent: Double { fraction * 100 }

    /// The share of `asOf`'s calendar year elapsed at the end of `asOf`.
    public init(asOf: CalendarDate, convention: TimeElapsedConvention = .days) {
        self.convention = convention
        switch convention {
        case .days:
            elapsed = asOf.dayOfYear
            total = CalendarDate.daysIn(year: asOf.year)
        case .months:
            let lastDay = CalendarDate.daysIn(month: asOf.month, year: asOf.year)
            elapsed = asOf.day == lastDay ? asOf.month : asOf.month - 1
            total = 12
        }
    }
}
