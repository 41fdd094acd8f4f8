import LuodiCore

/// Writes a schedule as MS Project XML (MSPDI), the format MS Project opens with File › Open
/// and MPXJ reads: calendars (week and day exceptions), tasks with durations, constraints and
/// actual dates, predecessor links, and, when given, the computed start and finish dates.
///
/// Task UIDs are 1…n in network order; the original activity id is kept in the task's WBS
/// field. Calendars are numbered 1…n, the network's default first.
public enum MSPDIWriter {
    public static func write(_ network: ScheduleNetwork, schedule: Schedule? = nil, title: String) -> String {
        var calendarUID: [String: Int] = [network.defaultCalendar: 1]
        for name in network.calendars.keys.sorted() where calendarUID[name] == nil { calendarUID[name] = calendarUID.count + 1 }
        var taskUID: [String: Int] = [:]
        for (i, a) in network.activities.enumerated() { taskUID[a.id] = i + 1 }
        let dates = Dictionary(uniqueKeysWithValues: (schedule?.activities ?? []).map { ($0.id, $0) })

        func e(_ s: String) -> String { Markup.escape(s) }
        func dt(_ t: ScheduleTime) -> String { t.isoMinute + ":00" }
        func hm(_ minute: Int) -> String {
            let m = minute == 1440 ? 0 : minute
            return "\(m / 60 < 10 ? "0" : "")\(m / 60):\(m % 60 < 10 ? "0" : "")\(m % 60):00"
        }
        func duration(_ minutes: Int) -> String { "PT\(minutes / 60)H\(minutes % 60)M0S" }
        func times(_ intervals: [Range<Int>]) -> String {
            guard !intervals.isEmpty else { return "" }
            return "<WorkingTimes>" + intervals.map { "<WorkingTime><FromTime>\(hm($0.lowerBound))</FromTime><ToTime>\(hm($0.upperBound))</ToTime></WorkingTime>" }.joined() + "</WorkingTimes>"
        }

        var x = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        x += #"<Project xmlns="http://schemas.microsoft.com/project">"# + "\n"
        x += "<SaveVersion>14</SaveVersion><Name>\(e(title))</Name><Title>\(e(title))</Title><ScheduleFromStart>1</ScheduleFromStart>"
        x += "<StartDate>\(dt(network.projectStart))</StartDate>"
        if let finish = schedule?.projectFinish { x += "<FinishDate>\(dt(finish))</FinishDate>" }
        x += "<CalendarUID>1</CalendarUID><MinutesPerDay>480</MinutesPerDay><MinutesPerWeek>2400</MinutesPerWeek><DaysPerMonth>20</DaysPerMonth>"
        x += "<DurationFormat>7</DurationFormat><CriticalSlackLimit>0</CriticalSlackLimit>\n<Calendars>\n"
        for (name, uid) in calendarUID.sorted(by: { $0.value < $1.value }) {
            guard let c = network.calendars[name] else { continue }
            x += "<Calendar><UID>\(uid)</UID><Name>\(e(c.name))</Name><IsBaseCalendar>1</IsBaseCalendar><BaseCalendarUID>-1</BaseCalendarUID><WeekDays>"
            // MSPDI DayType 1 = Sunday … 7 = Saturday; Luodi's week starts on Monday.
            for dayType in 1...7 {
                let hours = c.week[(dayType + 5) % 7]
                x += "<WeekDay><DayType>\(dayType)</DayType><DayWorking>\(hours.isEmpty ? 0 : 1)</DayWorking>\(times(hours))</WeekDay>"
            }
            for (day, hours) in c.exceptions.sorted(by: { $0.key < $1.key }) {
                x += "<WeekDay><DayType>0</DayType><DayWorking>\(hours.isEmpty ? 0 : 1)</DayWorking><TimePeriod><FromDate>\(day.iso)T00:00:00</FromDate><ToDate>\(day.iso)T23:59:00</ToDate></TimePeriod>\(times(hours))</WeekDay>"
            }
            x += "</WeekDays></Calendar>\n"
        }
        x += "</Calendars>\n<Tasks>\n"
        let constraintCode: [ConstraintKind: Int] = [.asSoonAsPossible: 0, .asLateAsPossible: 1, .mustStartOn: 2, .mustFinishOn: 3,
                                                     .startNoEarlierThan: 4, .startNoLaterThan: 5, .finishNoEarlierThan: 6, .finishNoLaterThan: 7]
        let typeCode: [RelationshipType: Int] = [.finishToFinish: 0, .finishToStart: 1, .startToFinish: 2, .startToStart: 3]
        let incoming = Dictionary(grouping: network.relationships, by: \.successor)
        for (i, a) in network.activities.enumerated() {
            x += "<Task><UID>\(i + 1)</UID><ID>\(i + 1)</ID><Name>\(e(a.name))</Name><Type>1</Type><IsNull>0</IsNull>"
            x += "<WBS>\(e(a.id))</WBS><OutlineLevel>1</OutlineLevel>"
            if let d = dates[a.id] {
                x += "<Start>\(dt(d.earlyStart))</Start><Finish>\(dt(d.earlyFinish))</Finish>"
                x += "<EarlyStart>\(dt(d.earlyStart))</EarlyStart><EarlyFinish>\(dt(d.earlyFinish))</EarlyFinish>"
                x += "<LateStart>\(dt(d.lateStart))</LateStart><LateFinish>\(dt(d.lateFinish))</LateFinish>"
                x += "<TotalSlack>\(d.totalFloatMinutes * 10)</TotalSlack><FreeSlack>\(d.freeFloatMinutes * 10)</FreeSlack><Critical>\(d.critical ? 1 : 0)</Critical>"
            }
            x += "<Duration>\(duration(a.durationMinutes))</Duration><DurationFormat>7</DurationFormat>"
            x += "<ActualDuration>\(duration(a.actualFinish == nil ? 0 : a.durationMinutes))</ActualDuration>"
            x += "<RemainingDuration>\(duration(a.actualFinish == nil ? a.durationMinutes : 0))</RemainingDuration>"
            x += "<Active>1</Active><Manual>0</Manual>"
            x += "<Milestone>\(a.isMilestone ? 1 : 0)</Milestone><Summary>0</Summary>"
            x += "<ConstraintType>\(constraintCode[a.constraint] ?? 0)</ConstraintType>"
            if let c = a.constraintDate { x += "<ConstraintDate>\(dt(c))</ConstraintDate>" }
            if let s = a.actualStart { x += "<ActualStart>\(dt(s))</ActualStart>" }
            if let f = a.actualFinish { x += "<ActualFinish>\(dt(f))</ActualFinish>" }
            x += "<CalendarUID>\(a.calendar.flatMap { calendarUID[$0] }.map(String.init) ?? "-1")</CalendarUID>"
            for link in incoming[a.id] ?? [] {
                guard let p = taskUID[link.predecessor] else { continue }
                x += "<PredecessorLink><PredecessorUID>\(p)</PredecessorUID><Type>\(typeCode[link.type]!)</Type><CrossProject>0</CrossProject>"
                x += "<LinkLag>\(link.lag.minutes * 10)</LinkLag><LagFormat>\(link.lag.elapsed ? 8 : 7)</LagFormat></PredecessorLink>"
            }
            x += "</Task>\n"
        }
        x += "</Tasks>\n</Project>\n"
        return x
    }
}
