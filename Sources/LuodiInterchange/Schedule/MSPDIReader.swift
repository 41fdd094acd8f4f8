import Foundation
import LuodiCore

/// Reads MS Project XML (MSPDI, the format of "Save as XML" in MS Project 2003 and later):
/// calendars (week days, working times and exceptions, in both the old `DayType 0` and the newer
/// `Exceptions` form, with base-calendar inheritance), tasks, and predecessor links.
///
/// Summary, inactive and null tasks are not scheduled (their dates roll up from their children,
/// see `WBSRollup`); a link to or from a summary task applies to every task under it.
public enum MSPDIReader {
    /// - Throws: `ImportIssue` naming the file and the element at fault.
    public static func read(_ data: Data, file: String) throws -> ScheduleFile {
        let root = try XMLNode.parse(data, file: file)
        guard root.name == "Project" else {
            throw ImportIssue(file: file, row: nil, column: nil, message: "not an MS Project XML file: the root element is <\(root.name)>, expected <Project>")
        }
        var notes: [String] = []
        let calendars = try readCalendars(root, file: file)
        guard let defaultUID = root.value("CalendarUID"), calendars[defaultUID] != nil else {
            throw ImportIssue(file: file, row: nil, column: "Project/CalendarUID", message: "the project names no calendar that the file defines")
        }
        guard let startText = root.value("StartDate") else {
            throw ImportIssue(file: file, row: nil, column: "Project/StartDate", message: "the project has no start date")
        }
        let projectStart = try time(startText, file: file, field: "Project/StartDate")

        var activities: [Activity] = []
        var stored: [String: ScheduleFile.StoredDates] = [:]
        var summary = Set<String>()
        var wbsNames: [String: String] = [:]
        var links: [(pred: String, succ: String, node: XMLNode)] = []
        for task in root.child("Tasks")?.all("Task") ?? [] {
            guard let uid = task.value("UID") else { continue }
            if task.value("IsNull") == "1" || task.value("Active") == "0" { continue }
            let outline = task.value("OutlineNumber") ?? ""
            if task.value("Summary") == "1" {
                summary.insert(uid)
                if outline != "0", !outline.isEmpty { wbsNames[outline] = task.value("Name") ?? outline }
                continue
            }
            let name = task.value("Name") ?? ""
            var a = Activity(id: uid, name: name, durationMinutes: try duration(task.value("Duration") ?? "PT0H0M0S", file: file, field: "Task \(uid)/Duration"))
            // Outline "1.2.3" sits under the summary tasks "1" and "1.2": path ["1", "2"].
            a.wbsPath = Array(outline.split(separator: ".").map(String.init).dropLast())
            if let cal = task.value("CalendarUID"), cal != "-1" {
                guard calendars[cal] != nil else {
                    throw ImportIssue(file: file, row: nil, column: "Task \(uid)/CalendarUID", message: "calendar \(cal) is not defined")
                }
                a.calendar = cal
            }
            a.constraint = constraintKind(task.value("ConstraintType"))
            if let d = task.value("ConstraintDate") { a.constraintDate = try time(d, file: file, field: "Task \(uid)/ConstraintDate") }
            if let d = task.value("ActualStart") { a.actualStart = try time(d, file: file, field: "Task \(uid)/ActualStart") }
            if let d = task.value("ActualFinish") { a.actualFinish = try time(d, file: file, field: "Task \(uid)/ActualFinish") }
            if a.actualStart != nil, a.actualFinish == nil, let r = task.value("RemainingDuration") {
                a.remainingMinutes = try duration(r, file: file, field: "Task \(uid)/RemainingDuration")
            }
            activities.append(a)
            stored[uid] = ScheduleFile.StoredDates(
                earlyStart: try task.value("EarlyStart").map { try time($0, file: file, field: "Task \(uid)/EarlyStart") },
                earlyFinish: try task.value("EarlyFinish").map { try time($0, file: file, field: "Task \(uid)/EarlyFinish") },
                lateStart: try task.value("LateStart").map { try time($0, file: file, field: "Task \(uid)/LateStart") },
                lateFinish: try task.value("LateFinish").map { try time($0, file: file, field: "Task \(uid)/LateFinish") },
                totalFloatMinutes: task.value("TotalSlack").flatMap(Int.init).map { $0 / 10 },
                freeFloatMinutes: task.value("FreeSlack").flatMap(Int.init).map { $0 / 10 },
                critical: task.value("Critical").map { $0 == "1" })
            for link in task.all("PredecessorLink") {
                if let p = link.value("PredecessorUID") { links.append((p, uid, link)) }
            }
        }
        let scheduled = Set(activities.map(\.id))
        // A link to or from a summary task stands for links to or from every task under it, as
        // MS Project applies it (and MPXJ's MicrosoftScheduler expands it).
        var outlineOf: [String: String] = [:]
        for task in root.child("Tasks")?.all("Task") ?? [] {
            if let uid = task.value("UID"), let o = task.value("OutlineNumber") { outlineOf[uid] = o }
        }
        func expand(_ uid: String) -> [String] {
            guard summary.contains(uid), let o = outlineOf[uid] else { return [uid] }
            return activities.filter { a in (outlineOf[a.id] ?? "").hasPrefix(o + ".") }.map(\.id)
        }
        var expanded: [(pred: String, succ: String, node: XMLNode)] = []
        for (pred, succ, node) in links {
            let preds = expand(pred), succs = expand(succ)
            if summary.contains(pred) || summary.contains(succ) {
                notes.append("link \(pred) → \(succ) involves a summary task: applied to the \(preds.count * succs.count) task pairs under it")
            }
            for p in preds { for s in succs where p != s { expanded.append((p, s, node)) } }
        }
        var relationships: [Relationship] = []
        for (pred, succ, node) in expanded {
            guard scheduled.contains(pred), scheduled.contains(succ) else {
                notes.append("link from unknown or inactive task \(pred) to \(succ) left out")
                continue
            }
            let type: RelationshipType
            switch node.value("Type") ?? "1" {
            case "0": type = .finishToFinish
            case "1": type = .finishToStart
            case "2": type = .startToFinish
            case "3": type = .startToStart
            case let other:
                throw ImportIssue(file: file, row: nil, column: "Task \(succ)/PredecessorLink/Type", message: "unknown link type \(other)")
            }
            let format = Int(node.value("LagFormat") ?? "7") ?? 7
            guard format != 19 && format != 20 else {
                notes.append("percent lag on link \(pred) → \(succ) is not supported yet; read as no lag")
                relationships.append(Relationship(predecessor: pred, successor: succ, type: type))
                continue
            }
            // LinkLag is in tenths of a minute; even LagFormat codes (4 em, 6 eh, 8 ed, 10 ew, 12 emo) are elapsed.
            let lag = Lag(minutes: (Int(node.value("LinkLag") ?? "0") ?? 0) / 10, elapsed: [4, 6, 8, 10, 12].contains(format))
            relationships.append(Relationship(predecessor: pred, successor: succ, type: type, lag: lag))
        }
        var network = ScheduleNetwork(activities: activities, relationships: relationships, calendars: calendars,
                                      defaultCalendar: defaultUID, projectStart: projectStart)
        network.dataDate = try root.value("StatusDate").map { try time($0, file: file, field: "Project/StatusDate") }
        network.wbsNames = wbsNames
        // MS Project schedules the remaining work of out-of-sequence tasks from the status date.
        network.outOfSequence = .progressOverride
        return ScheduleFile(network: network, stored: stored, notes: notes)
    }

    static func constraintKind(_ code: String?) -> ConstraintKind {
        switch code {
        case "1": return .asLateAsPossible
        case "2": return .mustStartOn
        case "3": return .mustFinishOn
        case "4": return .startNoEarlierThan
        case "5": return .startNoLaterThan
        case "6": return .finishNoEarlierThan
        case "7": return .finishNoLaterThan
        default: return .asSoonAsPossible
        }
    }

    /// `2018-10-18T08:00:00` → minutes since the epoch, local time.
    static func time(_ text: String, file: String, field: String) throws -> ScheduleTime {
        do { return try ScheduleTime(isoMinute: text) } catch {
            throw ImportIssue(file: file, row: nil, column: field, message: "\(error)")
        }
    }

    /// An ISO 8601 duration such as `PT8H0M0S` → minutes.
    static func duration(_ text: String, file: String, field: String) throws -> Int {
        var minutes = 0.0, number = "", inTime = false
        for c in text.dropFirst() {
            switch c {
            case "T": inTime = true
            case "0"..."9", ".": number.append(c)
            case "D", "H", "M", "S", "W", "Y":
                let v = Double(number) ?? 0
                number = ""
                switch (c, inTime) {
                case ("W", _): minutes += v * 7 * 1440
                case ("D", _): minutes += v * 1440
                case ("H", true): minutes += v * 60
                case ("M", true): minutes += v
                case ("S", true): minutes += v / 60
                default: throw ImportIssue(file: file, row: nil, column: field, message: "duration '\(text)' uses units Luodi does not read")
                }
            default: throw ImportIssue(file: file, row: nil, column: field, message: "'\(text)' is not an ISO 8601 duration")
            }
        }
        guard text.hasPrefix("P") else { throw ImportIssue(file: file, row: nil, column: field, message: "'\(text)' is not an ISO 8601 duration") }
        return Int(minutes.rounded())
    }

    static func readCalendars(_ root: XMLNode, file: String) throws -> [String: WorkCalendar] {
        struct Raw {
            var name: String
            var base: String?
            var week: [Int: [Range<Int>]] = [:]          // MSPDI DayType 1 = Sunday … 7 = Saturday
            var exceptions: [(from: CalendarDate, to: CalendarDate, hours: [Range<Int>])] = []
        }
        func hours(_ node: XMLNode, working: Bool) throws -> [Range<Int>] {
            guard working else { return [] }
            return try (node.child("WorkingTimes")?.all("WorkingTime") ?? []).compactMap { wt in
                guard let f = wt.value("FromTime"), let t = wt.value("ToTime") else { return nil }
                let from = try minute(f), to = try minute(t)
                return from..<(to == 0 ? 1440 : to)
            }
        }
        func minute(_ s: String) throws -> Int {
            let p = s.split(separator: ":")
            guard p.count >= 2, let h = Int(p[0]), let m = Int(p[1]) else {
                throw ImportIssue(file: file, row: nil, column: "Calendar WorkingTime", message: "'\(s)' is not a time of day")
            }
            return h * 60 + m
        }
        func day(_ s: String) throws -> CalendarDate {
            try CalendarDate(iso: String(s.prefix(10)))
        }
        var raw: [String: Raw] = [:]
        for cal in root.child("Calendars")?.all("Calendar") ?? [] {
            guard let uid = cal.value("UID") else { continue }
            var r = Raw(name: cal.value("Name") ?? uid, base: cal.value("BaseCalendarUID").flatMap { $0 == "-1" || $0 == "0" ? nil : $0 })
            for wd in cal.child("WeekDays")?.all("WeekDay") ?? [] {
                guard let type = wd.value("DayType").flatMap(Int.init) else { continue }
                let working = wd.value("DayWorking") == "1"
                if type == 0, let period = wd.child("TimePeriod"), let f = period.value("FromDate"), let t = period.value("ToDate") {
                    r.exceptions.append((try day(f), try day(t), try hours(wd, working: working)))
                } else if (1...7).contains(type) {
                    r.week[type] = try hours(wd, working: working)
                }
            }
            for ex in cal.child("Exceptions")?.all("Exception") ?? [] {
                guard let period = ex.child("TimePeriod"), let f = period.value("FromDate"), let t = period.value("ToDate") else { continue }
                r.exceptions.append((try day(f), try day(t), try hours(ex, working: ex.value("DayWorking") == "1")))
            }
            raw[uid] = r
        }
        var out: [String: WorkCalendar] = [:]
        func resolve(_ uid: String, depth: Int = 0) -> WorkCalendar? {
            if let done = out[uid] { return done }
            guard let r = raw[uid], depth < 10 else { return nil }
            let base = r.base.flatMap { resolve($0, depth: depth + 1) } ?? WorkCalendar.standard
            var week = base.week
            // MSPDI DayType 1 (Sunday) … 7 (Saturday) → Monday-first index.
            for (type, hours) in r.week { week[(type + 5) % 7] = hours }
            var calendar = WorkCalendar(name: uid, week: week, exceptions: base.exceptions)
            for e in r.exceptions {
                var d = e.from
                while d <= e.to { calendar.exceptions[d] = e.hours; d = d.adding(days: 1) }
            }
            out[uid] = calendar
            return calendar
        }
        for uid in raw.keys { _ = resolve(uid) }
        return out
    }
}
