import LuodiCore

/// The strings of targets and rankings (目标责任与排名), one instance per language, part of `Strings`.
public struct TargetStrings: Sendable {
    let title: String
    let ranking: String
    let rank: String
    let score: String
    let formula: String
    let contributions: String
    let metric: String
    let unit: String
    let annualTarget: String
    let actualToDate: String
    let completion: String
    let againstShare: String
    let ratio: String
    let capped: String
    let weight: String
    let points: String
    let notReported: String
    let workLineLabel: String
    let directionLabel: String
    let sourceLabel: String
    let workLine: @Sendable (WorkLine) -> String
    let direction: @Sendable (MetricDirection) -> String
    let source: @Sendable (MetricSource) -> String
    let metrics: String
    let noTargets: String
    let setTarget: String
    let year: String
    let recordActual: String
    let value: String
    let shareNote: @Sendable (String) -> String
}

extension TargetStrings {
    static let zhHans = TargetStrings(
        title: "目标责任与排名", ranking: "部门排名", rank: "排名", score: "得分", formula: "计分公式", contributions: "各项指标得分",
        metric: "指标", unit: "单位", annualTarget: "年度目标", actualToDate: "累计完成", completion: "完成率", againstShare: "对照序时进度",
        ratio: "完成率 ÷ 序时进度", capped: "计分比值", weight: "权重", points: "得分", notReported: "未报送",
        workLineLabel: "工作线", directionLabel: "方向", sourceLabel: "完成数来源",
        workLine: { switch $0 { case .projects: return "抓项目、促落地"; case .attraction: return "抓招商、提服务"; case .mechanisms: return "抓党建、强机制"; case .urbanSupporting: return "抓配套、提品质" } },
        direction: { $0 == .higherIsBetter ? "正向" : "逆向(上限)" },
        source: {
            switch $0 {
            case .reported: return "各期报送"
            case .projectsStarted: return "由项目实际开工统计"
            case .investmentCompleted: return "由项目累计完成投资汇总"
            case .leadsSigned: return "由招商线索签约统计"
            case .leadsSignedAmount: return "由签约线索意向投资汇总"
            case .capitalInPlaceUSD: return "由线索到位资金(美元)汇总"
            case .talentsIntroduced: return "由引才记录汇总"
            }
        },
        metrics: "指标设置", noTargets: "本年度尚未设定目标。", setTarget: "设定年度目标", year: "年度", recordActual: "报送指标完成数",
        value: "本期完成数", shareNote: { "序时进度 \($0)" })

    static let en = TargetStrings(
        title: "Targets and ranking", ranking: "Department ranking", rank: "Rank", score: "Score", formula: "Formula", contributions: "Points per metric",
        metric: "Metric", unit: "Unit", annualTarget: "Annual target", actualToDate: "To date", completion: "Completion", againstShare: "Against time elapsed",
        ratio: "Completion ÷ time elapsed", capped: "Scored ratio", weight: "Weight", points: "Points", notReported: "not reported",
        workLineLabel: "Work line", directionLabel: "Direction", sourceLabel: "Actuals from",
        workLine: { switch $0 { case .projects: return "Projects"; case .attraction: return "Attraction and service"; case .mechanisms: return "Mechanisms"; case .urbanSupporting: return "Urban supporting" } },
        direction: { $0 == .higherIsBetter ? "higher is better" : "ceiling" },
        source: {
            switch $0 {
            case .reported: return "reported per period"
            case .projectsStarted: return "counted from projects started"
            case .investmentCompleted: return "summed from projects' completed investment"
            case .leadsSigned: return "counted from leads signed"
            case .leadsSignedAmount: return "summed from signed leads' intended investment"
            case .capitalInPlaceUSD: return "summed from leads' capital in place (USD)"
            case .talentsIntroduced: return "summed from talent introductions"
            }
        },
        metrics: "Metrics", noTargets: "No targets set for this year.", setTarget: "Set an annual target", year: "Year", recordActual: "Report a figure",
        value: "Figure this period", shareNote: { "Time elapsed \($0)" })
}
