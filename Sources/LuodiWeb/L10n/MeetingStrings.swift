import LuodiCore

/// The strings of dispatch meetings (调度会), one instance per language, part of `Strings`.
public struct MeetingStrings: Sendable {
    let title: String
    let new: String
    let meetingTitle: String
    let heldOn: String
    let nextMeeting: String
    let create: String
    let none: String
    let agenda: String
    let why: String
    let urgency: String
    let moveUp: String
    let moveDown: String
    let remove: String
    let minutes: String
    let attendees: String
    let decision: String
    let addItem: String
    let itemTitle: String
    let note: String
    let actions: String
    let addAction: String
    let fromItem: String
    let noActions: String
    let agendaHelp: String
    let changeTarget: String
    let items: @Sendable (Int) -> String
    let reason: @Sendable (AgendaReason, Strings) -> String
}

extension MeetingStrings {
    static let zhHans = MeetingStrings(
        title: "调度会", new: "召开调度会", meetingTitle: "会议名称", heldOn: "召开日期", nextMeeting: "下次调度会", create: "生成议程",
        none: "尚无调度会。", agenda: "议程", why: "列入原因", urgency: "紧迫度(天)", moveUp: "上移", moveDown: "下移", remove: "移除",
        minutes: "会议纪要", attendees: "参会人员", decision: "决定事项", addItem: "增加议题", itemTitle: "议题", note: "说明",
        actions: "交办事项", addAction: "交办(生成问题并跟踪)", fromItem: "对应议题", noActions: "尚无交办事项。",
        agendaHelp: "议程按紧迫度自动生成:红灯项目、逾期问题与督办、下次会前到期的节点;逾期天数(或关键路径上已消耗的时差)越多越靠前。可调整顺序、增加议题;交办事项即成为问题清单中的问题,有责任单位和时限。",
        changeTarget: "调整目标(会议决定)", items: { "\($0) 项议题" },
        reason: { r, s in
            switch r {
            case let .redProject(_, reasons): return "红灯:" + reasons.map(s.reason).joined(separator: ";")
            case let .overdueProblem(_, project, deadline, days): return "问题\(project.map { "(\($0))" } ?? "")限 \(deadline) 办结,已逾期 \(days) 天"
            case let .overdueSupervision(_, project, level, deadline, days):
                return "\(s.problemLevel(level))督办\(project.map { "(\($0))" } ?? ""),限 \(deadline) 办结,已逾期 \(days) 天"
            case let .milestoneDue(_, milestone, due, until, float, critical):
                return "节点「\(milestone)」计划 \(due) 完成(\(until == 0 ? "今天到期" : "还有 \(until) 天"))" + (critical ? ",关键节点" : "")
                    + (float.map { ",总时差 \($0) 个工作日" } ?? "")
            case let .added(note): return note.isEmpty ? "会议增加" : "会议增加:\(note)"
            } })

    static let en = MeetingStrings(
        title: "Dispatch meetings", new: "Hold a dispatch meeting", meetingTitle: "Title", heldOn: "Held on", nextMeeting: "Next meeting", create: "Build the agenda",
        none: "No meetings yet.", agenda: "Agenda", why: "Why it is here", urgency: "Urgency (days)", moveUp: "Up", moveDown: "Down", remove: "Remove",
        minutes: "Minutes", attendees: "Attendees", decision: "Decision", addItem: "Add an item", itemTitle: "Item", note: "Note",
        actions: "Action items", addAction: "Assign (raises a tracked problem)", fromItem: "Agenda item", noActions: "No action items yet.",
        agendaHelp: "The agenda is built from red projects, overdue problems and supervision orders, and milestones due before the next meeting; the more days late (or float consumed on the critical path), the higher. Reorder it and add items; an action item becomes a problem with an owner and a deadline.",
        changeTarget: "Change the target (decided here)", items: { "\($0) items" },
        reason: { r, s in
            switch r {
            case let .redProject(_, reasons): return "Red: " + reasons.map(s.reason).joined(separator: "; ")
            case let .overdueProblem(_, project, deadline, days): return "Problem\(project.map { " (\($0))" } ?? "") was due \(deadline); \(days) days overdue"
            case let .overdueSupervision(_, project, level, deadline, days):
                return "\(s.problemLevel(level))-level supervision order\(project.map { " (\($0))" } ?? "") was due \(deadline); \(days) days overdue"
            case let .milestoneDue(_, milestone, due, until, float, critical):
                return "Milestone '\(milestone)' due \(due) (\(until == 0 ? "today" : "in \(until) days"))" + (critical ? ", critical" : "")
                    + (float.map { ", total float \($0) working days" } ?? "")
            case let .added(note): return note.isEmpty ? "Added at the meeting" : "Added: \(note)"
            } })
}
