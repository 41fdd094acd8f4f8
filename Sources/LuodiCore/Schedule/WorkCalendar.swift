/// A point in local time: minutes since 1970-01-01 00:00 in the schedule's own time zone.
/// Schedules are computed in local wall-clock time, as MS Project and P6 store them.
public typealias ScheduleTime = Int

extension ScheduleTime {
    /// The calendar day of this time.
    public var day: CalendarDate { CalendarDate(daysSinceEpoch: Int((Double(self) / 1440).rounded(.down))) }
    /// Minutes after midnight, 0..<1440.
    public var minuteOfDay: Int { ((self % 1440) + 1440) % 1440 }
    /// `yyyy-MM-ddTHH:mm`.
    public var isoMinute: String {
        let m = minuteOfDay
        return "\(day.iso)T\(m / 60 < 10 ? "0" : "")\(m / 60):\(m % 60 < 10 ? "0" : "")\(m % 60)"
    }

    /// Parses `yyyy-MM-ddTHH:mm[:ss]`.
    /// - Throws: `CalendarDateError` for a bad date or time.
    public init(isoMinute text: String) throws {
        let parts = text.split(separator: "T", maxSplits: 1)
        guard parts.count == 2 else { throw CalendarDateError.badFormat(text, expected: "yyyy-MM-ddTHH:mm") }
        let date = try CalendarDate(iso: String(parts[0]))
        let hm = parts[1].split(separator: ":")
        guard hm.count >= 2, let h = Int(hm[0]), let m = Int(hm[1]), (0...24).contains(h), (0..<60).contains(m) else {
            throw CalendarDateError.badFormat(text, expected: "yyyy-MM-ddTHH:mm")
        }
        self = date.daysSinceEpoch * 1440 + h * 60 + m
    }
}

/// Working time in minutes: intervals per weekday and per-date exceptions, as MS Project and
/// P6 calendars define them. Scheduling arithmetic (adding working minutes, the next start of
/// work) follows MS Project's convention: a finish may sit at the end of a working period
/// (17:00) and the next start moves to the beginning of the next one (08:00 the next day).
public struct WorkCalendar: Sendable, Hashable {
    public var name: String
    /// Working intervals in minutes after midnight, `[from, to)`, per weekday (Monday = 0).
    public var week: [[Range<Int>]] {
        didSet { indexExceptions() }
    }
    /// Days whose intervals replace the week's (an empty list: a non-working day).
    public var exceptions: [CalendarDate: [Range<Int>]] {
        get { Dictionary(uniqueKeysWithValues: exceptionsByDay.map { (CalendarDate(daysSinceEpoch: $0.key), $0.value) }) }
        set { exceptionsByDay = Dictionary(uniqueKeysWithValues: newValue.map { ($0.key.daysSinceEpoch, $0.value) }) }
    }
    /// The exceptions keyed by day number (days since 1970-01-01): the arithmetic below walks
    /// day numbers, not dates, because it runs for every date of every activity.
    private var exceptionsByDay: [Int: [Range<Int>]] = [:] {
        didSet { indexExceptions() }
    }
    /// Exception days in order, and the running total of how many working minutes each adds to
    /// (or removes from) its weekday: `workingMinutes` counts long spans in O(log n) with them.
    private var exceptionDays: [Int] = []
    private var exceptionDeltaPrefix: [Int] = [0]

    private static func length(_ intervals: [Range<Int>]) -> Int { intervals.reduce(0) { $0 + $1.count } }

    private mutating func indexExceptions() {
        exceptionDays = exceptionsByDay.keys.sorted()
        var prefix = [0]
        prefix.reserveCapacity(exceptionDays.count + 1)
        for d in exceptionDays {
            prefix.append(prefix.last! + Self.length(exceptionsByDay[d]!) - Self.length(week[((d % 7) + 10) % 7]))
        }
        exceptionDeltaPrefix = prefix
    }

    /// First index in `exceptionDays` not before `day`.
    private func exceptionIndex(_ day: Int) -> Int {
        var lo = 0, hi = exceptionDays.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if exceptionDays[mid] < day { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Working minutes of the whole days `from..<to` (day numbers).
    private func wholeDays(_ from: Int, _ to: Int) -> Int {
        guard to > from else { return 0 }
        let weekly = week.map(Self.length)
        let days = to - from
        var total = (days / 7) * weekly.reduce(0, +)
        var d = from + (days / 7) * 7
        while d < to { total += weekly[((d % 7) + 10) % 7]; d += 1 }
        total += exceptionDeltaPrefix[exceptionIndex(to)] - exceptionDeltaPrefix[exceptionIndex(from)]
        return total
    }

    public init(name: String, week: [[Range<Int>]], exceptions: [CalendarDate: [Range<Int>]] = [:]) {
        precondition(week.count == 7, "one list of intervals per weekday, Monday first")
        self.name = name
        self.week = week
        self.exceptions = exceptions
        indexExceptions()
    }

    /// MS Project's "Standard" calendar: Monday–Friday 08:00–12:00 and 13:00–17:00.
    public static let standard = WorkCalendar(
        name: "Standard", week: Array(repeating: [480..<720, 780..<1020], count: 5) + [[], []])

    /// The standard hours with the PRC public holidays and 调休 working days of the State
    /// Council's notices (see `HolidayNotice.china`).
    public static func china(hours: [Range<Int>] = [480..<720, 780..<1020]) -> WorkCalendar {
        var calendar = WorkCalendar(name: "China", week: Array(repeating: hours, count: 5) + [[], []])
        for (day, working) in WorkingDayCalendar.china().exceptions { calendar.exceptionsByDay[day.daysSinceEpoch] = working ? hours : [] }
        return calendar
    }

    /// The working intervals of one day.
    public func intervals(on day: CalendarDate) -> [Range<Int>] { intervals(day: day.daysSinceEpoch) }

    /// The working intervals of day number `d` (days since 1970-01-01, a Thursday).
    @inline(__always)
    func intervals(day d: Int) -> [Range<Int>] {
        exceptionsByDay[d] ?? week[((d % 7) + 10) % 7]
    }

    /// True when the calendar has working time in some week (else every search would run away).
    public var hasWorkingTime: Bool { week.contains { !$0.isEmpty } || exceptionsByDay.values.contains { !$0.isEmpty } }

    /// How far searches for working time look before giving up (about 50 years).
    static let searchLimitDays = 18_300

    @inline(__always) private static func split(_ t: ScheduleTime) -> (day: Int, minute: Int) {
        let day = t >= 0 ? t / 1440 : (t - 1439) / 1440
        return (day, t - day * 1440)
    }

    /// `t` if it is inside a working interval, else the start of the next one (a time exactly
    /// at an interval's end moves on to the next interval's start).
    public func nextWorkStart(_ t: ScheduleTime) -> ScheduleTime {
        var (day, minute) = Self.split(t)
        for _ in 0..<Self.searchLimitDays {
            for r in intervals(day: day) where minute < r.upperBound {
                return day * 1440 + max(minute, r.lowerBound)
            }
            day += 1
            minute = 0
        }
        return t
    }

    /// `t` if it is inside or at the end of a working interval, else the end of the previous one.
    public func previousWorkFinish(_ t: ScheduleTime) -> ScheduleTime {
        var (day, minute) = Self.split(t)
        if minute == 0 { day -= 1; minute = 1440 }
        for _ in 0..<Self.searchLimitDays {
            for r in intervals(day: day).reversed() where minute > r.lowerBound {
                return day * 1440 + min(minute, r.upperBound)
            }
            day -= 1
            minute = 1440
        }
        return t
    }

    /// The time reached after `minutes` of working time from `t` (backwards when negative).
    /// Forwards the result may be an interval's end; backwards an interval's start.
    public func adding(workingMinutes minutes: Int, to t: ScheduleTime) -> ScheduleTime {
        if minutes == 0 { return t }
        var (day, minute) = Self.split(t)
        if minutes > 0 {
            var left = minutes
            for _ in 0..<Self.searchLimitDays {
                for r in intervals(day: day) where minute < r.upperBound {
                    let from = max(minute, r.lowerBound)
                    let available = r.upperBound - from
                    if left <= available { return day * 1440 + from + left }
                    left -= available
                    minute = r.upperBound
                }
                day += 1
                minute = 0
            }
            return t + minutes
        }
        var left = -minutes
        if minute == 0 { day -= 1; minute = 1440 }
        for _ in 0..<Self.searchLimitDays {
            for r in intervals(day: day).reversed() where minute > r.lowerBound {
                let to = min(minute, r.upperBound)
                let available = to - r.lowerBound
                if left <= available { return day * 1440 + to - left }
                left -= available
                minute = r.lowerBound
            }
            day -= 1
            minute = 1440
        }
        return t + minutes
    }

    /// Working minutes from `a` to `b` (negative when `b` is earlier). Whole days in between
    /// are counted by weeks and the exception index, so a span of years costs no more than a day.
    public func workingMinutes(from a: ScheduleTime, to b: ScheduleTime) -> Int {
        if a == b { return 0 }
        if b < a { return -workingMinutes(from: b, to: a) }
        let (dayA, _) = Self.split(a), (dayB, _) = Self.split(b)
        func within(_ day: Int, _ from: ScheduleTime, _ to: ScheduleTime) -> Int {
            let base = day * 1440
            return intervals(day: day).reduce(0) { total, r in
                let lo = max(base + r.lowerBound, from), hi = min(base + r.upperBound, to)
                return total + max(0, hi - lo)
            }
        }
        if dayA == dayB { return within(dayA, a, b) }
        return within(dayA, a, b) + wholeDays(dayA + 1, dayB) + within(dayB, a, b)
    }
}
