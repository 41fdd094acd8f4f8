import Foundation
import LuodiCore

/// Reads Primavera P6 XER exports: the PROJECT, CALENDAR, PROJWBS (the WBS above each
/// activity), TASK, TASKPRED and SCHEDOPTIONS tables, in UTF-8 or Windows-1252 (what P6 writes
/// by default).
///
/// Activity ids are P6 activity codes (`task_code`). WBS summaries and level-of-effort
/// activities are not scheduled. Durations and lags are P6's hours of the activity's calendar.
public enum XERReader {
    /// - Throws: `ImportIssue` naming the file, the line and the table or field at fault.
    public static func read(_ data: Data, file: String) throws -> ScheduleFile {
        let text: String
        if let utf8 = String(validating: data, as: UTF8.self) { text = utf8 } else if let cp = String(data: data, encoding: .windowsCP1252) {
            text = cp
        } else {
            throw ImportIssue(file: file, row: nil, column: nil, message: "neither UTF-8 nor Windows-1252 text")
        }
        let tables = try parseTables(text, file: file)
        guard let project = tables["PROJECT"]?.first else {
            throw ImportIssue(file: file, row: nil, column: "PROJECT", message: "the file has no PROJECT table")
        }
        var notes: [String] = []
        if (tables["PROJECT"]?.count ?? 0) > 1 { notes.append("the file holds \(tables["PROJECT"]!.count) projects; the first (\(project["proj_short_name"] ?? "?")) is scheduled") }
        let projID = project["proj_id"] ?? ""

        var calendars: [String: WorkCalendar] = [:]
        for row in tables["CALENDAR"] ?? [] {
            guard let id = row["clndr_id"] else { continue }
            calendars[id] = try calendar(row["clndr_data"] ?? "", id: id, hoursPerDay: Double(row["day_hr_cnt"] ?? "8") ?? 8, file: file)
        }
        guard let defaultCalendar = project["clndr_id"], calendars[defaultCalendar] != nil else {
            throw ImportIssue(file: file, row: nil, column: "PROJECT.clndr_id", message: "the project's calendar is not in the CALENDAR table")
        }
        let start = try time(project["plan_start_date"], file: file, field: "PROJECT.plan_start_date")
        let dataDate = try? time(project["last_recalc_date"], file: file, field: "PROJECT.last_recalc_date")

        // WBS: each node's parent, short code and name; the project's own root node is left out.
        var wbsParent: [String: String] = [:], wbsCode: [String: String] = [:], wbsNamesByID: [String: String] = [:]
        var wbsRoot = Set<String>()
        for row in tables["PROJWBS"] ?? [] where row["proj_id"] == projID {
            guard let id = row["wbs_id"] else { continue }
            if row["proj_node_flag"] == "Y" { wbsRoot.insert(id); continue }
            wbsParent[id] = row["parent_wbs_id"]
            wbsCode[id] = row["wbs_short_name"] ?? id
            wbsNamesByID[id] = row["wbs_name"] ?? row["wbs_short_name"] ?? id
        }
        func wbsPath(_ id: String?) -> [String] {
            var path: [String] = [], node = id, guardCount = 0
            while let n = node, let code = wbsCode[n], !wbsRoot.contains(n), guardCount < 50 {
                path.insert(code, at: 0)
                node = wbsParent[n]
                guardCount += 1
            }
            return path
        }
        var wbsNames: [String: String] = [:]
        for id in wbsCode.keys { wbsNames[wbsPath(id).joined(separator: ".")] = wbsNamesByID[id] }

        var activities: [Activity] = []
        var stored: [String: ScheduleFile.StoredDates] = [:]
        var codes: [String: String] = [:]   // task_id → task_code
        for row in tables["TASK"] ?? [] where row["proj_id"] == projID {
            guard let taskID = row["task_id"], let code = row["task_code"] else { continue }
            let type = row["task_type"] ?? "TT_Task"
            if type == "TT_WBS" || type == "TT_LOE" { notes.append("\(code): \(type) activities are not scheduled"); continue }
            codes[taskID] = code
            func minutes(_ field: String) -> Int? { row[field].flatMap(Double.init).map { Int(($0 * 60).rounded()) } }
            var a = Activity(id: code, name: row["task_name"] ?? "", durationMinutes: minutes("target_drtn_hr_cnt") ?? minutes("remain_drtn_hr_cnt") ?? 0)
            if let c = row["clndr_id"], !c.isEmpty {
                guard calendars[c] != nil else {
                    throw ImportIssue(file: file, row: nil, column: "TASK \(code).clndr_id", message: "calendar \(c) is not in the CALENDAR table")
                }
                a.calendar = c
            }
            a.milestoneAtFinish = type == "TT_FinMile"
            a.wbsPath = wbsPath(row["wbs_id"])
            if type == "TT_Mile" || type == "TT_FinMile" { a.durationMinutes = 0 }
            (a.constraint, a.constraintDate) = try constraint(row["cstr_type"], row["cstr_date"], file: file, code: code)
            a.actualStart = try? time(row["act_start_date"], file: file, field: "")
            a.actualFinish = try? time(row["act_end_date"], file: file, field: "")
            if a.actualStart != nil, a.actualFinish == nil { a.remainingMinutes = minutes("remain_drtn_hr_cnt") }
            activities.append(a)
            stored[code] = ScheduleFile.StoredDates(
                earlyStart: try? time(row["early_start_date"], file: file, field: ""),
                earlyFinish: try? time(row["early_end_date"], file: file, field: ""),
                lateStart: try? time(row["late_start_date"], file: file, field: ""),
                lateFinish: try? time(row["late_end_date"], file: file, field: ""),
                totalFloatMinutes: row["total_float_hr_cnt"].flatMap(Double.init).map { Int(($0 * 60).rounded()) },
                freeFloatMinutes: row["free_float_hr_cnt"].flatMap(Double.init).map { Int(($0 * 60).rounded()) },
                critical: nil)
        }
        var relationships: [Relationship] = []
        for row in tables["TASKPRED"] ?? [] {
            guard let s = row["task_id"].flatMap({ codes[$0] }), let p = row["pred_task_id"].flatMap({ codes[$0] }) else {
                notes.append("relationship \(row["task_pred_id"] ?? "?") links an activity of another project or a WBS; left out")
                continue
            }
            let type: RelationshipType
            switch row["pred_type"] {
            case "PR_FS": type = .finishToStart
            case "PR_SS": type = .startToStart
            case "PR_FF": type = .finishToFinish
            case "PR_SF": type = .startToFinish
            case let other:
                throw ImportIssue(file: file, row: nil, column: "TASKPRED \(row["task_pred_id"] ?? "?").pred_type", message: "unknown relationship type \(other ?? "(none)")")
            }
            let lagHours = Double(row["lag_hr_cnt"] ?? "0") ?? 0
            relationships.append(Relationship(predecessor: p, successor: s, type: type, lag: Lag(minutes: Int((lagHours * 60).rounded()))))
        }
        var network = ScheduleNetwork(activities: activities, relationships: relationships, calendars: calendars,
                                      defaultCalendar: defaultCalendar, projectStart: start)
        network.dataDate = dataDate
        network.wbsNames = wbsNames
        let options = tables["SCHEDOPTIONS"]?.first(where: { $0["proj_id"] == projID })
        network.outOfSequence = options?["sched_progress_override"] == "Y" ? .progressOverride : .retainedLogic
        switch options?["sched_calendar_on_relationship_lag"] {
        case "rcal_Successor": network.lagCalendar = .successor
        case "rcal_24Hour": network.lagCalendar = .twentyFourHour
        case "rcal_ProjDefault": network.lagCalendar = .projectDefault
        default: network.lagCalendar = .predecessor   // P6's default
        }
        return ScheduleFile(network: network, stored: stored, notes: notes)
    }

    /// `%T` table, `%F` fields, `%R` rows, tab-separated.
    static func parseTables(_ text: String, file: String) throws -> [String: [[String: String]]] {
        var tables: [String: [[String: String]]] = [:]
        var current: String?
        var fields: [String] = []
        // "\r\n" is one Character in Swift, so split on Unicode scalars.
        for (n, rawLine) in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.last == "\r" ? rawLine.dropLast() : rawLine[...]
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
            switch parts.first {
            case "%T": current = parts.count > 1 ? parts[1] : nil; fields = []; if let c = current { tables[c] = [] }
            case "%F": fields = Array(parts.dropFirst())
            case "%R":
                guard let c = current, !fields.isEmpty else {
                    throw ImportIssue(file: file, row: n + 1, column: nil, message: "a %R row before any %T table and %F fields")
                }
                var row: [String: String] = [:]
                for (f, v) in zip(fields, parts.dropFirst()) where !v.isEmpty { row[f] = v }
                tables[c]!.append(row)
            default: continue
            }
        }
        guard !tables.isEmpty else { throw ImportIssue(file: file, row: nil, column: nil, message: "not a Primavera XER file: no %T tables") }
        return tables
    }

    /// `2023-07-23 08:00`.
    static func time(_ text: String?, file: String, field: String) throws -> ScheduleTime {
        guard let text, !text.isEmpty else { throw ImportIssue(file: file, row: nil, column: field, message: "no date") }
        do { return try ScheduleTime(isoMinute: text.replacingOccurrences(of: " ", with: "T")) } catch {
            throw ImportIssue(file: file, row: nil, column: field, message: "\(error)")
        }
    }

    static func constraint(_ type: String?, _ date: String?, file: String, code: String) throws -> (ConstraintKind, ScheduleTime?) {
        let d = try date.map { try time($0, file: file, field: "TASK \(code).cstr_date") }
        switch type {
        case "CS_MSO", "CS_MANDSTART": return (.mustStartOn, d)
        case "CS_MEO", "CS_MANDFIN": return (.mustFinishOn, d)
        case "CS_MSOA": return (.startNoEarlierThan, d)
        case "CS_MSOB": return (.startNoLaterThan, d)
        case "CS_MEOA": return (.finishNoEarlierThan, d)
        case "CS_MEOB": return (.finishNoLaterThan, d)
        case "CS_ALAP": return (.asLateAsPossible, nil)
        default: return (.asSoonAsPossible, nil)
        }
    }

    /// P6's `clndr_data`: `(0||CalendarData()((0||DaysOfWeek()((0||1()((0||0(s|08:00|f|16:00)())))…))(0||Exceptions()((0||0(d|40179)())…)))`.
    /// Days of week count 1 = Sunday … 7 = Saturday; exception dates are days since 1899-12-30.
    static func calendar(_ data: String, id: String, hoursPerDay: Double, file: String) throws -> WorkCalendar {
        struct Node { var name: String; var attributes: [String: String]; var children: [Node] }
        let chars = Array(data)
        var i = 0
        func skipSpace() { while i < chars.count, chars[i].isWhitespace { i += 1 } }
        func parseNode() -> Node? {
            skipSpace()
            guard i < chars.count, chars[i] == "(" else { return nil }
            i += 1
            var header = ""
            while i < chars.count, chars[i] != "(" { header.append(chars[i]); i += 1 }
            i += 1   // attributes "("
            var attrs = ""
            while i < chars.count, chars[i] != ")" { attrs.append(chars[i]); i += 1 }
            i += 1
            skipSpace()
            var children: [Node] = []
            if i < chars.count, chars[i] == "(" {
                i += 1
                while true {
                    skipSpace()
                    if i >= chars.count { break }
                    if chars[i] == ")" { i += 1; break }
                    guard let child = parseNode() else { i += 1; continue }
                    children.append(child)
                }
            }
            skipSpace()
            if i < chars.count, chars[i] == ")" { i += 1 }
            let name = header.components(separatedBy: "||").last ?? header
            var attributes: [String: String] = [:]
            let parts = attrs.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            var k = 0
            while k + 1 < parts.count { attributes[parts[k]] = parts[k + 1]; k += 2 }
            return Node(name: name, attributes: attributes, children: children)
        }
        guard let root = parseNode() else {
            // No calendar data: P6 treats it as hours per day from 08:00, Monday to Friday.
            let end = 480 + Int(hoursPerDay * 60)
            return WorkCalendar(name: id, week: Array(repeating: [480..<end], count: 5) + [[], []])
        }
        func find(_ node: Node, _ name: String) -> Node? {
            if node.name == name { return node }
            for c in node.children { if let f = find(c, name) { return f } }
            return nil
        }
        func minutes(_ s: String?) -> Int? {
            guard let s else { return nil }
            let p = s.split(separator: ":")
            guard p.count == 2, let h = Int(p[0]), let m = Int(p[1]) else { return nil }
            return h * 60 + m
        }
        func intervals(_ node: Node) -> [Range<Int>] {
            node.children.compactMap { c -> Range<Int>? in
                guard let s = minutes(c.attributes["s"]), var f = minutes(c.attributes["f"]) else { return nil }
                if f == 0 { f = 1440 }
                return s < f ? s..<f : nil
            }.sorted { $0.lowerBound < $1.lowerBound }
        }
        var week: [[Range<Int>]] = Array(repeating: [], count: 7)
        for day in find(root, "DaysOfWeek")?.children ?? [] {
            guard let n = Int(day.name), (1...7).contains(n) else { continue }
            week[(n + 5) % 7] = intervals(day)   // 1 = Sunday → index 6
        }
        var exceptions: [CalendarDate: [Range<Int>]] = [:]
        for ex in find(root, "Exceptions")?.children ?? [] {
            guard let serial = ex.attributes["d"].flatMap(Int.init) else { continue }
            // Days since 1899-12-30 (the spreadsheet epoch) → days since 1970-01-01.
            exceptions[CalendarDate(daysSinceEpoch: serial - 25_569)] = intervals(ex)
        }
        return WorkCalendar(name: id, week: week, exceptions: exceptions)
    }
}
