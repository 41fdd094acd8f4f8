import LuodiCore

/// Every user-facing string, one instance per language. A new field must be given in both
/// `zhHans` and `en` or the package does not compile.
public struct Strings: Sendable {
    let appName: String
    let navDashboard: String
    let navProjects: String
    let navImport: String
    let navBattleMap: String
    let groupBy: String
    let battleMapHelp: String
    let downloadSVG: String
    let battleMapTruncated: @Sendable (Int, Int) -> String
    let problemsTitle: String
    let problemList: String
    let problemView: @Sendable (ProblemView) -> String
    let problemState: @Sendable (ProblemState) -> String
    let problemLevel: @Sendable (ProblemLevel) -> String
    let problemAction: @Sendable (ProblemAction) -> String
    /// An action as a line of history (past tense where the language has one).
    let problemActionDone: @Sendable (ProblemAction) -> String
    let problemTitle: String
    let problemDescription: String
    let ownerDepartment: String
    let deadline: String
    let level: String
    let supervision: String
    let noProblems: String
    let raiseProblem: String
    let raisedBy: String
    let resolutionNote: String
    let issuedOn: String
    let rectificationPlan: String
    let history: String
    let by: String
    let action: String
    let note: String
    let actedOn: String
    let escalateHelp: String
    let switchLanguage: String
    let zone: String
    let asOf: String
    let show: String
    let dashboardTitle: String
    let odometer: String
    let completionRate: String
    let timeElapsedShare: String
    let convention: @Sendable (TimeElapsedConvention) -> String
    let ruleSet: @Sendable (String) -> String
    let projects: String
    let milestones: String
    let overdueMilestones: String
    let plannedInvestment: String
    let completedInvestment: String
    let totalInvestment: String
    let lights: String
    let rag: @Sendable (RAGStatus) -> String
    let lagging: String
    let noLagging: String
    let byDepartment: String
    let department: String
    let unassigned: String
    let behind: @Sendable (Double) -> String
    let noRateData: String
    let noInvestmentRule: String
    let reportingProjects: @Sendable (Int) -> String
    let rateBase: @Sendable (Int, Int) -> String
    let category: @Sendable (ProjectCategory) -> String
    let stage: @Sendable (Stage) -> String
    let projectClass: @Sendable (ProjectClass) -> String
    let milestoneKind: @Sendable (MilestoneKind) -> String
    let reason: @Sendable (RAGReason) -> String
    let projectsTitle: String
    let search: String
    let all: String
    let name: String
    let page: @Sendable (Int, Int, Int) -> String
    let previous: String
    let next: String
    let projectCode: String
    let categoryLabel: String
    let classLabel: String
    let stageLabel: String
    let industryCluster: String
    let responsibleLeader: String
    let enterprise: String
    let location: String
    let statisticalEnrollment: String
    let plannedStart: String
    let plannedFinish: String
    let actualStart: String
    let actualFinish: String
    let progressNote: String
    let source: String
    let milestoneName: String
    let milestonesTitle: String
    let milestonePlannedStart: String
    let milestonePlannedFinish: String
    let milestoneActualStart: String
    let predecessors: String
    let totalFloat: String
    let critical: String
    let editPredecessors: String
    let save: String
    let predecessorsHelp: String
    let networkNote: String
    let budget: String
    let spent: String
    let kind: String
    let status: String
    let overdue: String
    let timeline: String
    let planned: String
    let actual: String
    let reasons: String
    let greenNoReasons: String
    let noMilestones: String
    let blank: String
    let importTitle: String
    let importIntro: String
    let file: String
    let profile: String
    let profileHelp: @Sendable (String) -> String
    let zoneOverride: String
    let dryRun: String
    let commit: String
    let dryRunTitle: String
    let errorsTitle: String
    let notesTitle: String
    let nothingWritten: String
    let importSummary: @Sendable (ImportService.Report) -> String
    let committedTitle: String
    let uploadExpired: String
    let notFound: String
    let errorTitle: @Sendable (UInt) -> String
    let tooLarge: String
    let serverError: String
    let backToList: String
    let reporting: ReportingStrings
    let targets: TargetStrings
    let meetings: MeetingStrings
    let bulletin: BulletinStrings
    let audit: AuditStrings
    let accounts: AccountStrings
    let deletion: DeletionStrings
    let workbook: WorkbookStrings
    let leads: LeadStrings
}

extension Strings {
    static let zhHans = Strings(
        appName: "落地 · 重点项目指挥中心",
        navDashboard: "总览", navProjects: "项目清单", navImport: "导入",
        navBattleMap: "作战图", groupBy: "分组", battleMapHelp: "每个项目的节点:灰色为计划,蓝色为实际,红色为逾期,深红边框为关键节点;红色虚线为截至日期。打印时请选 A3 横向。",
        downloadSVG: "下载 SVG", battleMapTruncated: { "仅显示前 \($0) 个(共 \($1) 个),请按单位或亮灯筛选" },
        problemsTitle: "问题清单", problemList: "清单",
        problemView: { switch $0 { case .open: return "未办结"; case .week: return "本周到期"; case .overdue: return "已逾期"; case .all: return "全部" } },
        problemState: { switch $0 { case .open: return "待办"; case .assigned: return "已交办"; case .resolved: return "已解决"; case .closed: return "已销号" } },
        problemLevel: { switch $0 { case .zone: return "功能区"; case .district: return "区(市)"; case .city: return "市" } },
        problemAction: { switch $0 { case .raise: return "提出"; case .assign: return "交办"; case .resolve: return "解决"; case .reopen: return "重新打开"; case .close: return "销号"; case .escalate: return "提级督办" } },
        problemActionDone: { switch $0 { case .raise: return "提出"; case .assign: return "已交办"; case .resolve: return "已解决"; case .reopen: return "重新打开"; case .close: return "已销号"; case .escalate: return "提级督办" } },
        problemTitle: "问题", problemDescription: "问题描述", ownerDepartment: "责任单位", deadline: "办结时限", level: "层级",
        supervision: "督办", noProblems: "没有符合条件的问题。", raiseProblem: "提出问题", raisedBy: "提出人",
        resolutionNote: "销号说明", issuedOn: "督办日期", rectificationPlan: "整改方案", history: "办理记录", by: "经办人",
        action: "操作", note: "说明", actedOn: "办理日期",
        escalateHelp: "提级督办须填写新的办结时限和整改方案;督办逾期的项目亮红灯。销号须填写说明。",
        switchLanguage: "English", zone: "功能区", asOf: "截至日期", show: "查看",
        dashboardTitle: "作战图总览", odometer: "计程表", completionRate: "投资完成率", timeElapsedShare: "序时进度",
        convention: { $0 == .days ? "序时进度按天计算(当年第几天 ÷ 全年天数)" : "序时进度按月计算(已过完整月数 ÷ 12)" },
        ruleSet: { "亮灯规则:\($0)" },
        projects: "项目数", milestones: "节点数", overdueMilestones: "逾期节点",
        plannedInvestment: "年度计划投资", completedInvestment: "累计完成投资", totalInvestment: "总投资",
        lights: "亮灯情况",
        rag: { switch $0 { case .red: return "红灯"; case .amber: return "黄灯"; case .green: return "绿灯" } },
        lagging: "滞后项目", noLagging: "没有亮红灯或黄灯的项目。", byDepartment: "分责任单位", department: "责任单位",
        unassigned: "(未填写)",
        behind: { $0 > 0 ? "落后序时进度 \(fmt1($0)) 个百分点" : "超序时进度 \(fmt1(-$0)) 个百分点" },
        noRateData: "无可比数据", noInvestmentRule: "本功能区的亮灯规则不以投资对照序时进度(资金为项目预算及支出)",
        reportingProjects: { "\($0) 个项目填报" },
        rateBase: { "按 \($0)/\($1) 个同时填报计划与完成额的项目计算" },
        category: { switch $0 {
            case .industrial: return "产业项目"; case .infrastructure: return "基础设施"
            case .publicService: return "社会事业"; case .urbanSupport: return "城市配套" } },
        stage: { switch $0 {
            case .lead: return "线索"; case .negotiating: return "洽谈"; case .signed: return "签约"; case .registered: return "注册"
            case .preparing: return "前期手续"; case .underConstruction: return "在建"; case .completed: return "竣工"; case .operating: return "投产" } },
        projectClass: { switch $0 {
            case .newStart: return "新开工"; case .continuing: return "续建"; case .completing: return "竣工投产"; case .preparatory: return "预备" } },
        milestoneKind: { switch $0 {
            case .signing: return "签约"; case .landSecured: return "供地"; case .planningPermit: return "规划许可"
            case .constructionPermit: return "施工许可"; case .start: return "开工"; case .toppingOut: return "封顶"
            case .completion: return "竣工"; case .production: return "投产"; case .scope: return "范围确定"
            case .design: return "设计"; case .construction: return "施工"; case .fitOut: return "装修及设备"; case .other: return "其他" } },
        reason: { r in
            switch r {
            case let .milestoneOverdue(m, due, days, _): return "节点「\(m)」计划 \(due) 完成,已逾期 \(days) 天"
            case let .startOverdue(due, days, _): return "计划 \(due) 开工,已逾期 \(days) 天未开工"
            case let .investmentBehind(c, s, p): return "投资完成率 \(fmt1(c))%,落后序时进度(\(fmt1(s))%)\(fmt1(p)) 个百分点"
            case let .notEnrolled(started, months): return "\(started) 开工,\(months) 个月仍未入库"
            case let .criticalMilestoneLate(m, days): return "关键节点「\(m)」按前置关系推算比计划目标晚 \(days) 个工作日"
            case let .supervisionOverdue(problem, due, days): return "督办事项「\(problem)」限 \(due) 办结,已逾期 \(days) 天"
            case .recoveringFromRed: return "上期为红灯,须经黄灯方可转绿"
            } },
        projectsTitle: "项目清单", search: "搜索项目名称", all: "全部", name: "项目名称",
        page: { "第 \($0)/\($1) 页,共 \($2) 个项目" }, previous: "上一页", next: "下一页",
        projectCode: "项目代码", categoryLabel: "项目类别", classLabel: "项目性质", stageLabel: "项目阶段",
        industryCluster: "产业链", responsibleLeader: "包保领导", enterprise: "建设单位", location: "建设地点",
        statisticalEnrollment: "入库日期", plannedStart: "计划开工", plannedFinish: "计划竣工", actualStart: "实际开工",
        actualFinish: "实际完成", progressNote: "进展情况", source: "来源", milestoneName: "节点", milestonesTitle: "节点计划与实际",
        milestonePlannedStart: "计划开始", milestonePlannedFinish: "计划完成", milestoneActualStart: "实际开始",
        predecessors: "前置节点", totalFloat: "总时差(工作日)", critical: "关键",
        editPredecessors: "编辑前置关系", save: "保存",
        predecessorsHelp: "每个节点填写其前置节点,多个用分号分隔;可写类型与工作日滞后,如「供地 FS+10; 规划许可」。保存前会检查节点名称与循环;若他人已修改本项目,保存会被拒绝。",
        networkNote: "按前置关系和工作日历(含法定节假日与调休)推算;总时差为相对计划最晚完成日期的余量,负数表示已落后。",
        budget: "预算", spent: "已支出",
        kind: "类型", status: "状态",
        overdue: "逾期", timeline: "节点时间轴", planned: "计划", actual: "实际", reasons: "亮灯原因",
        greenNoReasons: "绿灯:没有触发任何亮灯规则。", noMilestones: "尚无节点。", blank: "—",
        importTitle: "导入项目清单",
        importIntro: "上传 CSV 文件(UTF-8 或 GBK/GB18030)或 Excel 工作簿(.xlsx,可指定工作表),也可上传 MS Project/P6 进度文件;选择导入方案,先试运行查看结果;确认无误后再写入。任何一行有错误,整个文件都不会写入。",
        file: "文件", profile: "导入模板",
        profileHelp: { switch $0 {
            case "luodi": return "落地标准模板(中英文表头,金额默认万元)"
            case "cn-news": return "山东/青岛重点项目新闻汇编(金额为亿元)"
            case "nyc-sca": return "纽约市学校建设局资本项目(每行一个阶段)"
            case "leads": return "招商线索台账(每行一条线索,各阶段日期)"
            default: return $0 } },
        zoneOverride: "导入到功能区(可选,默认按模板)", dryRun: "试运行", commit: "确认写入",
        dryRunTitle: "试运行结果", errorsTitle: "错误", notesTitle: "说明", nothingWritten: "有错误,未写入任何数据。请修改文件后重新上传。",
        importSummary: { r in
            if let leads = r.leads { return "读取 \(r.rows) 行,得到 \(leads) 条招商线索。功能区:\(r.zone ?? "—");文件编码:\(r.encoding ?? "—")" }
            let o = r.outcome
            return "读取 \(r.rows) 行,得到 \(r.projects) 个项目、\(r.milestones) 个节点;新增 \(o?.projectsCreated ?? 0),更新 \(o?.projectsUpdated ?? 0),不变 \(o?.projectsUnchanged ?? 0)。功能区:\(r.zone ?? "—");文件编码:\(r.encoding ?? "—")"
        },
        committedTitle: "已写入", uploadExpired: "上传的文件已不存在,请重新上传。", notFound: "没有找到该项目。",
        errorTitle: { switch $0 { case 400: return "请求有误"; case 404: return "没有找到"; case 413: return "文件过大"; case 422: return "无法处理"; default: return "出错了" } },
        tooLarge: "上传的文件超过大小限制(32 MiB)。请拆分后分批导入。", serverError: "服务器处理请求时出错,已记录日志。请稍后再试。",
        backToList: "返回项目清单", reporting: .zhHans, targets: .zhHans, meetings: .zhHans, bulletin: .zhHans, audit: .zhHans, accounts: .zhHans, deletion: .zhHans, workbook: .zhHans, leads: .zhHans)

    static let en = Strings(
        appName: "Luodi · Key-project command center",
        navDashboard: "Overview", navProjects: "Projects", navImport: "Import",
        navBattleMap: "Battle map", groupBy: "Group by", battleMapHelp: "Each project's milestones: grey planned, blue actual, red overdue, dark red outline critical; the dashed red line is the as-of date. Print on A3 landscape.",
        downloadSVG: "Download SVG", battleMapTruncated: { "first \($0) of \($1) shown; filter by department or light" },
        problemsTitle: "Problems", problemList: "List",
        problemView: { switch $0 { case .open: return "Open"; case .week: return "Due this week"; case .overdue: return "Overdue"; case .all: return "All" } },
        problemState: { switch $0 { case .open: return "Open"; case .assigned: return "Assigned"; case .resolved: return "Resolved"; case .closed: return "Closed" } },
        problemLevel: { switch $0 { case .zone: return "Zone"; case .district: return "District"; case .city: return "City" } },
        problemAction: { switch $0 { case .raise: return "Raise"; case .assign: return "Assign"; case .resolve: return "Resolve"; case .reopen: return "Reopen"; case .close: return "Close"; case .escalate: return "Escalate" } },
        problemActionDone: { switch $0 { case .raise: return "Raised"; case .assign: return "Assigned"; case .resolve: return "Resolved"; case .reopen: return "Reopened"; case .close: return "Closed"; case .escalate: return "Escalated" } },
        problemTitle: "Problem", problemDescription: "Description", ownerDepartment: "Owner", deadline: "Deadline", level: "Level",
        supervision: "Supervision", noProblems: "No problem matches.", raiseProblem: "Raise a problem", raisedBy: "Raised by",
        resolutionNote: "Resolution note", issuedOn: "Issued", rectificationPlan: "Rectification plan", history: "History", by: "By",
        action: "Action", note: "Note", actedOn: "Date",
        escalateHelp: "Escalating needs a new deadline and a rectification plan; a project with an overdue order turns red. Closing needs a note.",
        switchLanguage: "中文", zone: "Zone", asOf: "As of", show: "Show",
        dashboardTitle: "Battle map overview", odometer: "Odometer", completionRate: "Investment completion", timeElapsedShare: "Time elapsed",
        convention: { $0 == .days ? "Time-elapsed share by days (day of year ÷ days in year)" : "Time-elapsed share by months (whole months ÷ 12)" },
        ruleSet: { "Rule set: \($0)" },
        projects: "Projects", milestones: "Milestones", overdueMilestones: "Overdue milestones",
        plannedInvestment: "Planned investment", completedInvestment: "Completed investment", totalInvestment: "Total investment",
        lights: "Traffic lights",
        rag: { switch $0 { case .red: return "Red"; case .amber: return "Amber"; case .green: return "Green" } },
        lagging: "Lagging projects", noLagging: "No project is red or amber.", byDepartment: "By department", department: "Department",
        unassigned: "(unassigned)",
        behind: { $0 > 0 ? "\(fmt1($0)) points behind time elapsed" : "\(fmt1(-$0)) points ahead of time elapsed" },
        noRateData: "no comparable data", noInvestmentRule: "this zone's rule set does not compare investment with time elapsed (figures are budgets and spending)",
        reportingProjects: { "given by \($0) projects" },
        rateBase: { "over the \($0) of \($1) projects that report both plan and completion" },
        category: { switch $0 {
            case .industrial: return "Industrial"; case .infrastructure: return "Infrastructure"
            case .publicService: return "Public service"; case .urbanSupport: return "Urban support" } },
        stage: { switch $0 {
            case .lead: return "Lead"; case .negotiating: return "Negotiating"; case .signed: return "Signed"; case .registered: return "Registered"
            case .preparing: return "Preparing"; case .underConstruction: return "Under construction"; case .completed: return "Completed"; case .operating: return "Operating" } },
        projectClass: { switch $0 {
            case .newStart: return "New start"; case .continuing: return "Continuing"; case .completing: return "Completing"; case .preparatory: return "Preparatory" } },
        milestoneKind: { switch $0 {
            case .signing: return "Signing"; case .landSecured: return "Land secured"; case .planningPermit: return "Planning permit"
            case .constructionPermit: return "Construction permit"; case .start: return "Start"; case .toppingOut: return "Topping out"
            case .completion: return "Completion"; case .production: return "Production"; case .scope: return "Scope"
            case .design: return "Design"; case .construction: return "Construction"; case .fitOut: return "Fit-out & equipment"; case .other: return "Other" } },
        reason: { r in
            switch r {
            case let .milestoneOverdue(m, due, days, _): return "Milestone '\(m)' was due \(due); \(days) days overdue"
            case let .startOverdue(due, days, _): return "Planned to start \(due); not started, \(days) days late"
            case let .investmentBehind(c, s, p): return "Completion \(fmt1(c))% is \(fmt1(p)) points behind time elapsed (\(fmt1(s))%)"
            case let .notEnrolled(started, months): return "Started \(started); not in the investment statistics after \(months) months"
            case let .criticalMilestoneLate(m, days): return "Critical milestone '\(m)' is \(days) working days behind the plan's target by its dependencies"
            case let .supervisionOverdue(problem, due, days): return "Supervision order on '\(problem)' was due \(due); \(days) days overdue"
            case .recoveringFromRed: return "Red last period; returns to green only through amber"
            } },
        projectsTitle: "Projects", search: "Search project names", all: "All", name: "Project",
        page: { "Page \($0) of \($1), \($2) projects" }, previous: "Previous", next: "Next",
        projectCode: "Project code", categoryLabel: "Category", classLabel: "Class", stageLabel: "Stage",
        industryCluster: "Industry cluster", responsibleLeader: "Responsible leader", enterprise: "Enterprise", location: "Location",
        statisticalEnrollment: "Enrolled in statistics", plannedStart: "Planned start", plannedFinish: "Planned finish", actualStart: "Actual start",
        actualFinish: "Actual finish", progressNote: "Progress", source: "Source", milestoneName: "Milestone", milestonesTitle: "Milestones, planned and actual",
        milestonePlannedStart: "Planned start", milestonePlannedFinish: "Planned finish", milestoneActualStart: "Actual start",
        predecessors: "Predecessors", totalFloat: "Total float (working days)", critical: "Critical",
        editPredecessors: "Edit predecessors", save: "Save",
        predecessorsHelp: "For each milestone, its predecessors separated by semicolons, with an optional type and lag in working days, e.g. \"供地 FS+10; 规划许可\". Names and cycles are checked before saving; a save based on an outdated page is refused.",
        networkNote: "Scheduled from the predecessors on the working-day calendar (public holidays and 调休 included); total float is measured against the plan's latest finish, negative when behind.",
        budget: "Budget", spent: "Spent",
        kind: "Kind", status: "Status",
        overdue: "Overdue", timeline: "Milestone timeline", planned: "Planned", actual: "Actual", reasons: "Why this light",
        greenNoReasons: "Green: no rule was triggered.", noMilestones: "No milestones yet.", blank: "—",
        importTitle: "Import a project list",
        importIntro: "Upload a CSV file (UTF-8 or GBK/GB18030), an Excel workbook (.xlsx; name the sheet if it is not the first) or an MS Project/P6 schedule, choose its profile and check the dry run before writing. If any row has an error, nothing from the file is written.",
        file: "File", profile: "Profile",
        profileHelp: { switch $0 {
            case "luodi": return "Luodi template (Chinese or English headers, money in 万元 by default)"
            case "cn-news": return "Shandong/Qingdao key projects from the news (amounts in 亿元)"
            case "nyc-sca": return "NYC School Construction Authority capital projects (one row per phase)"
            case "leads": return "Attraction lead list (one row per lead, the day of each stage)"
            default: return $0 } },
        zoneOverride: "Import into zone (optional; default from the profile)", dryRun: "Dry run", commit: "Commit",
        dryRunTitle: "Dry run", errorsTitle: "Errors", notesTitle: "Notes", nothingWritten: "Errors found: nothing was written. Fix the file and upload it again.",
        importSummary: { r in
            if let leads = r.leads { return "Read \(r.rows) rows: \(leads) attraction leads. Zone: \(r.zone ?? "—"); file encoding: \(r.encoding ?? "—")" }
            let o = r.outcome
            return "Read \(r.rows) rows: \(r.projects) projects, \(r.milestones) milestones; \(o?.projectsCreated ?? 0) new, \(o?.projectsUpdated ?? 0) updated, \(o?.projectsUnchanged ?? 0) unchanged. Zone: \(r.zone ?? "—"); file encoding: \(r.encoding ?? "—")"
        },
        committedTitle: "Written", uploadExpired: "The uploaded file is gone; upload it again.", notFound: "No such project.",
        errorTitle: { switch $0 { case 400: return "Bad request"; case 404: return "Not found"; case 413: return "File too large"; case 422: return "Cannot process"; default: return "Something went wrong" } },
        tooLarge: "The uploaded file is over the size limit (32 MiB). Split it and import the parts.", serverError: "The server failed to handle the request; the error is logged. Please try again later.",
        backToList: "Back to projects", reporting: .en, targets: .en, meetings: .en, bulletin: .en, audit: .en, accounts: .en, deletion: .en, workbook: .en, leads: .en)
}

/// One decimal place.
func fmt1(_ v: Double) -> String {
    let r = (v * 10).rounded() / 10
    return r == r.rounded() ? String(Int(r)) : String(r)
}
