import LuodiCore

/// The strings of investment and talent attraction (双招双引), part of `Strings`.
public struct LeadStrings: Sendable {
    let title: String
    let funnelTitle: String
    let stage: @Sendable (LeadStage) -> String
    let channel: @Sendable (LeadChannel) -> String
    let newLead: String
    let leadTitle: String
    let investor: String
    let origin: String
    let parentGroup: String
    let channelLabel: String
    let intended: String
    let currency: String
    let amountHelp: String
    let officer: String
    let firstStage: String
    let on: String
    let move: String
    let moveTo: String
    let reason: String
    let reasonHelp: String
    let note: String
    let addNote: String
    let capital: String
    let capitalKind: @Sendable (CapitalRecord.Kind) -> String
    let addCapital: String
    let timeline: String
    let becameProject: String
    let noLeads: String
    let daysIdle: @Sendable (Int) -> String
    let stalled: String
    let stalledReason: @Sendable (Funnel.Stalled, Int) -> String
    let from: String
    let to: String
    let stallDays: String
    let count: String
    let amount: String
    let money: String
    let conversion: String
    let conversionLabel: @Sendable (String) -> String
    let dwellMedian: String
    let dwellP90: String
    let cohorts: String
    let quarter: String
    let signedCount: String
    let landedCount: String
    let landingRate: String
    let definitions: String
    let fromLead: String
    let editDetails: String
    let talents: String
    let talentCategory: @Sendable (TalentCategory) -> String
    let talentCount: String
    let addTalents: String
    let rates: String
    let rateHelp: String
    let setRate: String
}

extension LeadStrings {
    static let zhHans = LeadStrings(
        title: "双招双引", funnelTitle: "招商漏斗",
        stage: {
            switch $0 {
            case .lead: return "线索"
            case .negotiating: return "洽谈"
            case .signed: return "签约"
            case .registered: return "注册"
            case .landed: return "落地"
            case .underConstruction: return "开工"
            case .operating: return "投产"
            case .lost: return "流失"
            case .onHold: return "暂缓"
            }
        },
        channel: {
            switch $0 {
            case .businessReferral: return "以商招商"
            case .residentOffice: return "驻外招商"
            case .fair: return "展会招商"
            case .fund: return "基金招商"
            case .online: return "网上招商"
            case .other: return "其他"
            }
        },
        newLead: "登记线索", leadTitle: "项目名称", investor: "投资方", origin: "来源国家/地区", parentGroup: "所属集团", channelLabel: "招商渠道",
        intended: "意向投资", currency: "币种", amountHelp: "人民币按万元填写,其他币种按元填写;也可写“5000万美元”。", officer: "跟进人",
        firstStage: "当前阶段", on: "日期", move: "推进", moveTo: "推进到", reason: "原因",
        reasonHelp: "退回前一阶段、标记流失或重新启用流失线索须写原因。", note: "跟进记录", addNote: "记录跟进",
        capital: "资金", capitalKind: { $0 == .contracted ? "合同金额" : "到位资金" }, addCapital: "登记资金",
        timeline: "全过程记录", becameProject: "已转为重点项目", noLeads: "暂无线索。",
        daysIdle: { "\($0) 天无进展" }, stalled: "停滞线索", stalledReason: { "自 \($0.lastActivity) 起无推进、无跟进记录(\($0.days) 天,超过 \($1) 天)" }, from: "起", to: "止", stallDays: "停滞天数",
        count: "数量", amount: "意向投资", money: "金额", conversion: "转化率", conversionLabel: { "转化 \($0)" }, dwellMedian: "停留天数中位数", dwellP90: "停留天数 P90",
        cohorts: "签约落地率(按签约季度)", quarter: "签约季度", signedCount: "签约", landedCount: "已落地", landingRate: "落地率",
        definitions: "统计口径:本期首次登记的线索为一批,各阶段数量为其中截至期末到达该阶段(或更后阶段)的个数;停留天数为离开该阶段的线索从进入到离开的天数(中位数;P90 取第 ⌈0.9n⌉ 个);落地率为本期签约的项目中截至期末已落地的比例;停滞为超过停滞天数无推进、无跟进记录的在途线索。不同币种金额分列,不相加。",
        fromLead: "招商线索", editDetails: "修改信息(含项目代码)",
        talents: "招才引智", talentCategory: {
            switch $0 {
            case .highLevel: return "高层次人才"
            case .doctorate: return "博士"
            case .skilledWorker: return "技能人才"
            case .team: return "人才团队"
            case .other: return "其他"
            }
        }, talentCount: "人数", addTalents: "登记引才",
        rates: "汇率", rateHelp: "1 单位原币折合目标币的数额,自该日起适用,直至同一币对的下一个汇率。", setRate: "设定汇率")
    static let en = LeadStrings(
        title: "Attraction", funnelTitle: "Attraction funnel",
        stage: {
            switch $0 {
            case .lead: return "Lead"
            case .negotiating: return "Negotiating"
            case .signed: return "Signed"
            case .registered: return "Registered"
            case .landed: return "Landed"
            case .underConstruction: return "Under construction"
            case .operating: return "Operating"
            case .lost: return "Lost"
            case .onHold: return "On hold"
            }
        },
        channel: {
            switch $0 {
            case .businessReferral: return "Business referral"
            case .residentOffice: return "Resident office"
            case .fair: return "Fair"
            case .fund: return "Fund"
            case .online: return "Online"
            case .other: return "Other"
            }
        },
        newLead: "New lead", leadTitle: "Investment", investor: "Investor", origin: "Origin", parentGroup: "Parent group", channelLabel: "Channel",
        intended: "Intended investment", currency: "Currency", amountHelp: "Yuan in 万 (ten thousands), other currencies in units; “5000万美元” also works.",
        officer: "Officer", firstStage: "Stage", on: "Date", move: "Move", moveTo: "Move to", reason: "Reason",
        reasonHelp: "Moving back, losing a lead and reopening a lost one need a reason.", note: "Note", addNote: "Add note",
        capital: "Capital", capitalKind: { $0 == .contracted ? "Contracted" : "In place" }, addCapital: "Record capital",
        timeline: "Timeline", becameProject: "Became the key project", noLeads: "No lead yet.",
        daysIdle: { "idle \($0) days" }, stalled: "Stalled leads", stalledReason: { "no move or note since \($0.lastActivity) (\($0.days) days, more than \($1))" }, from: "From", to: "To", stallDays: "Stall after (days)",
        count: "Count", amount: "Intended", money: "Amount", conversion: "Conversion", conversionLabel: { "\($0) on" }, dwellMedian: "Median days", dwellP90: "P90 days",
        cohorts: "Landing rate by signing quarter", quarter: "Signed in", signedCount: "Signed", landedCount: "Landed", landingRate: "Landing rate",
        definitions: "Definitions: the leads first recorded in the period form the cohort; a stage's count is how many of them reached it (or a later stage) by the end; dwell is the days from entering a stage to leaving it, for leads that left (median; P90 is the ⌈0.9n⌉-th value); the landing rate is the share of the period's signings landed by the end; stalled means on the pipeline with no move or note for more than the stall days. Amounts in different currencies are listed apart, never added.",
        fromLead: "Attraction lead", editDetails: "Edit details (and project code)",
        talents: "Talent", talentCategory: {
            switch $0 {
            case .highLevel: return "High-level talent"
            case .doctorate: return "Doctorate"
            case .skilledWorker: return "Skilled worker"
            case .team: return "Team"
            case .other: return "Other"
            }
        }, talentCount: "Count", addTalents: "Record talents",
        rates: "Exchange rates", rateHelp: "One unit of the first currency is worth the rate in the second from that day, until the pair's next rate.", setRate: "Set rate")
}
