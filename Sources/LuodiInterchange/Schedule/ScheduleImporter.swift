import Foundation
import LuodiCore

/// Turns a schedule file (MSPDI `.xml` or P6 `.xer`) into one Luodi project whose milestones are
/// the file's activities and whose milestone network is the file's relationships.
///
/// Each activity becomes a milestone planned at the engine's early dates (a day-level plan),
/// with its actual dates; relationships keep their type, lags become whole working days (8 working
/// hours a day, rounded). Activity names that repeat get their id appended, because milestone
/// names identify milestones within a project.
public enum ScheduleImporter {
    /// Whether `file` names a schedule file rather than a project list.
    public static func handles(_ file: String) -> Bool {
        let lower = file.lowercased()
        return lower.hasSuffix(".xml") || lower.hasSuffix(".xer")
    }

    /// - Parameters:
    ///   - projectName: the project's name and key; default the file name without extension.
    /// - Throws: `ImportFailure` naming the file for an unreadable file, a cycle or an unknown calendar.
    public static func plan(data: Data, file: String, zoneName: String?, projectName: String?) throws(ImportFailure) -> ImportPlan {
        let parsed: ScheduleFile
        let schedule: Schedule
        do {
            parsed = file.lowercased().hasSuffix(".xer") ? try XERReader.read(data, file: file) : try MSPDIReader.read(data, file: file)
            schedule = try CPMScheduler.schedule(parsed.network)
        } catch let issue as ImportIssue {
            throw ImportFailure(issues: [issue])
        } catch {
            throw ImportFailure(issues: [ImportIssue(file: file, row: nil, column: nil, message: "\(error)")])
        }
        let name = (projectName ?? ((file as NSString).lastPathComponent as NSString).deletingPathExtension).trimmingWhitespace()
        let zoneTitle = (zoneName ?? "Default zone").trimmingWhitespace()
        guard !name.isEmpty, !zoneTitle.isEmpty else {
            throw ImportFailure(issues: [ImportIssue(file: file, row: nil, column: name.isEmpty ? "--project" : "--zone", message: "the name is empty")])
        }
        let counts = Dictionary(grouping: parsed.network.activities, by: \.name).mapValues(\.count)
        func milestoneName(_ a: Activity) -> String { counts[a.name, default: 0] > 1 || a.name.isEmpty ? "\(a.name) (\(a.id))" : a.name }
        let byID = Dictionary(uniqueKeysWithValues: schedule.activities.map { ($0.id, $0) })
        var milestones: [Milestone] = []
        var nameOf: [String: String] = [:]
        for a in parsed.network.activities {
            let n = milestoneName(a)
            nameOf[a.id] = n
            var m = Milestone(name: n, kind: a.isMilestone ? .other : .construction)
            if let s = byID[a.id] {
                m.plannedStart = a.isMilestone ? nil : s.earlyStart.day
                m.plannedFinish = (s.earlyFinish.minuteOfDay == 0 ? s.earlyFinish - 1 : s.earlyFinish).day
            }
            m.actualStart = a.actualStart?.day
            m.actualFinish = a.actualFinish?.day
            milestones.append(m)
        }
        let links = parsed.network.relationships.map {
            MilestoneLink(predecessor: nameOf[$0.predecessor]!, successor: nameOf[$0.successor]!, type: $0.type,
                          lagDays: Int((Double($0.lag.minutes) / 480).rounded()))
        }
        var project = Project(key: name, name: name)
        project.plannedStart = milestones.compactMap { $0.plannedStart ?? $0.plannedFinish }.min()
        project.plannedFinish = milestones.compactMap(\.plannedFinish).max()
        project.source = (file as NSString).lastPathComponent
        var notes = parsed.notes.map { ImportIssue(file: file, row: nil, column: nil, message: $0, severity: .note) }
        if counts.values.contains(where: { $0 > 1 }) {
            notes.append(ImportIssue(file: file, row: nil, column: nil, message: "activity names that repeat got their id appended, e.g. '\(milestones.first { $0.name.hasSuffix(")") }?.name ?? "")'", severity: .note))
        }
        var plan = ImportPlan(file: file, profile: file.lowercased().hasSuffix(".xer") ? "p6-xer" : "mspdi",
                              zone: Zone(name: zoneTitle), projects: [ProjectPlan(project: project, milestones: milestones, links: links)],
                              notes: notes, rowsRead: parsed.network.activities.count, encoding: .utf8)
        plan.providedFields = ["name", "plannedStart", "plannedFinish", "source"]
        plan.providesMilestones = true
        return plan
    }
}
