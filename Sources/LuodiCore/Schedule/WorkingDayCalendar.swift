/// A calendar of working days: a weekly pattern, the public holidays and adjusted working days
/// of the State Council's notices, and a zone's own exceptions on top.
///
/// Lags and durations "in working days" (DESIGN.md) count only the days this calendar marks as
/// working. Time of day is not modelled here; the schedule engine works on whole days.
public struct WorkingDayCalendar: Sendable, Hashable {
    /// Working weekdays, indexed Monday = 0 … Sunday = 6.
    public var workingWeekdays: [Bool]
    /// Dates whose status differs from the weekly pattern: true = working, false = not working.
    public private(set) var exceptions: [CalendarDate: Bool]

    /// Monday to Friday, no exceptions.
    public init(workingWeekdays: [Bool] = [true, true, true, true, true, false, false]) {
        precondition(workingWeekdays.count == 7, "one flag per weekday, Monday first")
        self.workingWeekdays = workingWeekdays
        exceptions = [:]
    }

    /// `china()` built once.
    public static let chinaShared = WorkingDayCalendar.china()

    /// Monday to Friday with the PRC public holidays and 调休 working days of `notices`
    /// (by default every notice shipped, 2020–2026).
    public static func china(_ notices: [HolidayNotice] = HolidayNotice.china) -> WorkingDayCalendar {
        var calendar = WorkingDayCalendar()
        for notice in notices {
            for range in notice.holidays {
                var day = range.lowerBound
                while day <= range.upperBound {
                    calendar.exceptions[day] = false
                    day = day.adding(days: 1)
                }
            }
            for day in notice.adjustedWorkingDays { calendar.exceptions[day] = true }
        }
        return calendar
    }

    /// Marks a day as working or not, overriding the pattern and the notices (a zone's own
    /// closures or weekend work).
    public mutating func setException(_ day: CalendarDate, working: Bool) {
        exceptions[day] = working
    }

    /// 0 for Monday … 6 for Sunday (1970-01-01 was a Thursday).
    public static func weekdayIndex(_ day: CalendarDate) -> Int {
        ((day.daysSinceEpoch % 7) + 7 + 3) % 7
    }

    public func isWorkingDay(_ day: CalendarDate) -> Bool {
        exceptions[day] ?? workingWeekdays[Self.weekdayIndex(day)]
    }

    /// The day `count` working days after `day` (before it when `count` is negative); `day`
    /// itself is not counted. 2021-09-30 + 1 → 2021-10-08 (the National Day holiday).
    /// - Precondition: the calendar has at least one working weekday.
    public func adding(workingDays count: Int, to day: CalendarDate) -> CalendarDate {
        precondition(workingWeekdays.contains(true), "a calendar without working weekdays never reaches a working day")
        var current = day, left = abs(count)
        let step = count >= 0 ? 1 : -1
        while left > 0 {
            current = current.adding(days: step)
            if isWorkingDay(current) { left -= 1 }
        }
        return current
    }

    /// The first working day on or after `day`.
    public func workingDayOnOrAfter(_ day: CalendarDate) -> CalendarDate {
        isWorkingDay(day) ? day : adding(workingDays: 1, to: day)
    }

    /// Working days in the half-open range (`from`, `to`]: 0 when `to` is not after `from`.
    public func workingDays(after from: CalendarDate, through to: CalendarDate) -> Int {
        guard from < to else { return 0 }
        var count = 0, day = from.adding(days: 1)
        while day <= to {
            if isWorkingDay(day) { count += 1 }
            day = day.adding(days: 1)
        }
        return count
    }

    /// The last day of a task of `duration` working days (≥ 1) that starts on `start`: the start
    /// moves to the first working day, and that day counts as the first of the duration.
    public func finish(start: CalendarDate, duration: Int) -> CalendarDate {
        adding(workingDays: max(1, duration) - 1, to: workingDayOnOrAfter(start))
    }
}
