import LuodiCore
import LuodiStore

/// The strings of the dispatch bulletin (调度通报), one instance per language, part of `Strings`.
public struct BulletinStrings: Sendable {
    let title: String
    let heading: @Sendable (String, String, CalendarDate, CalendarDate) -> String
    let asOfLine: @Sendable (CalendarDate, ClosedPeriod?) -> String
    let summary: String
    let summaryLine: @Sendable (Int, RAGCounts) -> String
    let investmentLine: @Sendable (String, String, String?, String, String?) -> String
    let reportsLine: @Sendable (Int, Int) -> String
    let changes: String
    let noSnapshot: @Sendable (String) -> String
    let newReds: String
    let greensRegained: String
    let problemsClosed: String
    let starts: String
    let milestonesMet: String
    let newSignings: String
    let lagging: String
    let overdueProblems: String
    let ranking: String
    let none: String
    let date: String
    let daysLate: String
    let download: String
    let section: String
    /// "Label: a、b" (or "none").
    let listed: @Sendable (String, [String]) -> String
    let reasonSeparator: String
    let changesSince: @Sendable (String, String) -> String
    let milestonesMetCount: @Sendable (Int) -> String
}

extension BulletinStrings {
    static let zhHans = BulletinStrings(
        title: "调度通报",
        heading: { zone, period, start, end in "\(zone)重点项目调度通报(\(period),\(start) 至 \(end))" },
        asOfLine: { asOf, closed in "数据截至 \(asOf)" + (closed.map { ";本期已于 \($0.closedOn) 关闭" } ?? ";本期尚未关闭") },
        summary: "一、总体情况",
        summaryLine: { n, rag in "纳入调度项目 \(n) 个,其中红灯 \(rag.red) 个、黄灯 \(rag.amber) 个、绿灯 \(rag.green) 个。" },
        investmentLine: { (plan: String, done: String, rate: String?, share: String, behind: String?) -> String in
            let r: String = rate.map { ",投资完成率 \($0)" } ?? ""
            let b: String = behind.map { ",\($0)" } ?? ""
            return "年度计划投资 \(plan),累计完成投资 \(done)\(r);序时进度 \(share)\(b)。" },
        reportsLine: { f, n in "本期 \(n) 个项目中 \(f) 个已报送进展。" },
        changes: "二、本期变化", noSnapshot: { "上期(\($0))未关闭,没有可比较的快照。" },
        newReds: "新增红灯", greensRegained: "转为绿灯", problemsClosed: "销号问题",
        starts: "三、本期开工项目", milestonesMet: "四、本期完成节点", newSignings: "五、本期新签约项目",
        lagging: "六、滞后项目及原因", overdueProblems: "七、逾期未办结问题", ranking: "八、部门排名",
        none: "无", date: "日期", daysLate: "逾期天数", download: "下载", section: "栏目",
        listed: { label, items in "\(label):" + (items.isEmpty ? "无" : items.joined(separator: "、")) }, reasonSeparator: ";",
        changesSince: { "\($0) 较 \($1) 的变化(按两期关闭时的快照)" }, milestonesMetCount: { "完成节点 \($0) 个" })

    static let en = BulletinStrings(
        title: "Dispatch bulletin",
        heading: { zone, period, start, end in "\(zone) — dispatch bulletin \(period) (\(start) to \(end))" },
        asOfLine: { asOf, closed in "Figures as of \(asOf)" + (closed.map { "; period closed on \($0.closedOn)" } ?? "; period not closed yet") },
        summary: "1. Summary",
        summaryLine: { n, rag in "\(n) projects under dispatch: \(rag.red) red, \(rag.amber) amber, \(rag.green) green." },
        investmentLine: { (plan: String, done: String, rate: String?, share: String, behind: String?) -> String in
            let r: String = rate.map { ", completion \($0)" } ?? ""
            let b: String = behind.map { ", \($0)" } ?? ""
            return "Planned investment \(plan), completed \(done)\(r); time elapsed \(share)\(b)." },
        reportsLine: { f, n in "\(f) of \(n) projects reported for the period." },
        changes: "2. Changes this period", noSnapshot: { "The previous period (\($0)) was not closed: no snapshot to compare with." },
        newReds: "New reds", greensRegained: "Back to green", problemsClosed: "Problems closed",
        starts: "3. Construction starts", milestonesMet: "4. Milestones met", newSignings: "5. New signings",
        lagging: "6. Lagging projects and why", overdueProblems: "7. Overdue problems", ranking: "8. Department ranking",
        none: "none", date: "Date", daysLate: "Days late", download: "Download", section: "Section",
        listed: { label, items in "\(label): " + (items.isEmpty ? "none" : items.joined(separator: ", ")) }, reasonSeparator: "; ",
        changesSince: { "Changes in \($0) against \($1) (from the snapshots taken when each closed)" }, milestonesMetCount: { "\($0) milestones met" })
}
