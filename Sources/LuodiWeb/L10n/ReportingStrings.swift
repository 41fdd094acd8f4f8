import LuodiCore

/// The strings of progress reporting (进展报送), one instance per language, part of `Strings`.
public struct ReportingStrings: Sendable {
    let title: String
    let period: String
    let cycleLabel: String
    let cycle: @Sendable (ReportingCycle) -> String
    let noCycle: String
    let setCycle: String
    let reportedCount: @Sendable (Int, Int) -> String
    let reported: String
    let missing: String
    let file: String
    let edit: String
    let investmentInPeriod: String
    let investmentHelp: @Sendable (CurrencyCode) -> String
    let reportedBy: String
    let reportedOn: String
    let closePeriod: String
    let closeHelp: String
    let closed: @Sendable (String, CalendarDate) -> String
    let open: String
    let reason: String
    let reasonHelp: String
    let revisions: String
    let correction: String
    let previousContent: String
    let noReportSince: @Sendable (ReportingPeriod?) -> String
    let fromReports: @Sendable (Int) -> String
    let actualsHelp: String
    let projectReports: String
    let noReports: String
    let fileThisPeriod: String
    let photos: String
    let noPhotos: String
    let photoFile: String
    let addPhoto: String
    let changedBy: String
    let changeCycleHelp: String
    /// The flag where space is short (battle map rows).
    let noReportShort: String
}

extension ReportingStrings {
    static let zhHans = ReportingStrings(
        title: "进展报送", period: "报送期", cycleLabel: "报送周期",
        cycle: { switch $0 { case .weekly: return "每周(如 2021-W10)"; case .halfMonthly: return "每半月(如 2021-03H1)"; case .monthly: return "每月(如 2021-03)" } },
        noCycle: "本功能区尚未设定报送周期。设定后各项目每期报送一次,累计完成投资由各期报送相加得出,不再重复填写。",
        setCycle: "设定报送周期", reportedCount: { "已报送 \($0)/\($1) 个项目" }, reported: "已报送", missing: "未报送",
        file: "填报", edit: "修改", investmentInPeriod: "本期完成投资",
        investmentHelp: { $0 == .cny ? "单位万元;也可写「1.2亿」「3000万元」" : "单位 \($0.code)" },
        reportedBy: "填报单位/人", reportedOn: "填报日期", closePeriod: "关闭本期",
        closeHelp: "关闭后本期报送只读,修改须作为更正并写明原因;关闭时保存每个项目当期的亮灯与累计完成投资快照。",
        closed: { "已于 \($1) 由 \($0) 关闭" }, open: "未关闭",
        reason: "修改原因", reasonHelp: "本期已关闭,修改将记为更正,须写明原因。",
        revisions: "修改记录", correction: "更正", previousContent: "修改前内容",
        noReportSince: { $0.map { "逾期未报(最近一期 \($0.name))" } ?? "尚未报送" },
        fromReports: { "由 \($0) 期报送累计" },
        actualsHelp: "只填本期内发生的节点实际开始或完成日期;留空表示不变。",
        projectReports: "进展报送", noReports: "尚无报送。", fileThisPeriod: "填报本期进展",
        photos: "现场照片", noPhotos: "尚无照片。", photoFile: "照片(JPEG、PNG 或 WebP,不超过 10 MB,每期最多 20 张)", addPhoto: "上传照片", changedBy: "修改人(留空即填报人)",
        changeCycleHelp: "改变报送周期后,已报送的各期保持原样;年中改变会使前后各期长短不一,一般只在年初改变。", noReportShort: "逾期未报")

    static let en = ReportingStrings(
        title: "Progress reports", period: "Period", cycleLabel: "Reporting cycle",
        cycle: { switch $0 { case .weekly: return "Weekly (e.g. 2021-W10)"; case .halfMonthly: return "Half-monthly (e.g. 2021-03H1)"; case .monthly: return "Monthly (e.g. 2021-03)" } },
        noCycle: "This zone has no reporting cycle yet. Once set, each project reports once per period and completed investment is summed from the reports instead of being typed again.",
        setCycle: "Set the reporting cycle", reportedCount: { "\($0) of \($1) projects reported" }, reported: "Reported", missing: "Not reported",
        file: "File", edit: "Edit", investmentInPeriod: "Investment this period",
        investmentHelp: { $0 == .cny ? "in 万元 (10,000 yuan); \"1.2亿\" or \"3000万元\" also work" : "in \($0.code)" },
        reportedBy: "Reported by", reportedOn: "Reported on", closePeriod: "Close the period",
        closeHelp: "A closed period's reports are read-only; a change becomes a correction with a reason. Closing keeps a snapshot of every project's light and completed investment.",
        closed: { "Closed on \($1) by \($0)" }, open: "Open",
        reason: "Reason for the change", reasonHelp: "This period is closed: the change is logged as a correction and needs a reason.",
        revisions: "Revisions", correction: "Correction", previousContent: "Before the change",
        noReportSince: { $0.map { "No report since \($0.name)" } ?? "No report yet" },
        fromReports: { "summed from \($0) reports" },
        actualsHelp: "Only actual dates that fell in this period; leave blank for no change.",
        projectReports: "Progress reports", noReports: "No reports yet.", fileThisPeriod: "File this period's report",
        photos: "Site photos", noPhotos: "No photos yet.", photoFile: "Photo (JPEG, PNG or WebP, at most 10 MB, up to 20 per report)", addPhoto: "Upload photo", changedBy: "Changed by (blank: the reporter)",
        changeCycleHelp: "Reports already filed keep their periods; changing the cycle mid-year mixes period lengths, so change it at the start of a year.", noReportShort: "no report")
}
