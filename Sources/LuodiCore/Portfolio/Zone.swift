/// An organisation that owns projects (开发区 / 功能区): a zone, or a city or province view.
public struct Zone: Hashable, Sendable, Codable {
    public var name: String
    /// The one currency of all of the zone's money.
    public var currency: CurrencyCode
    /// IANA time zone in which the zone's dates are read; Asia/Shanghai by default.
    public var timeZone: String
    /// How the time-elapsed share is counted on every page and bulletin.
    public var timeElapsedConvention: TimeElapsedConvention
    /// The traffic-light rule set the zone chose.
    public var ruleSet: RAGRuleSet
    /// The zone's own calendar exceptions on top of the PRC holidays and 调休: true = a working
    /// day (e.g. weekend work), false = closed.
    public var calendarExceptions: [CalendarDate: Bool] = [:]
    /// How often the zone's projects report; nil until the zone starts reporting (no project is
    /// then flagged for a missing report).
    public var reportingCycle: ReportingCycle?

    /// The zone's working days: Monday to Friday, the State Council's notices, then the zone's
    /// own exceptions.
    public var workingDays: WorkingDayCalendar {
        guard !calendarExceptions.isEmpty else { return .chinaShared }
        var calendar = WorkingDayCalendar.chinaShared
        for (day, working) in calendarExceptions { calendar.setException(day, working: working) }
        return calendar
    }

    public init(
        name: String, currency: CurrencyCode = .cny, timeZone: String = "Asia/Shanghai",
        timeElapsedConvention: TimeElapsedConvention = .days, ruleSet: RAGRuleSet = .standard
    ) {
        self.name = name
        self.currency = currency
        self.timeZone = timeZone
        self.timeElapsedConvention = timeElapsedConvention
        self.ruleSet = ruleSet
    }
}

/// A responsible unit inside a zone (部门 / 责任单位).
public struct Department: Hashable, Sendable, Codable {
    public var name: String
    public init(name: String) { self.name = name }
}
