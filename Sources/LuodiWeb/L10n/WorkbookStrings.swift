/// The strings of .xlsx exports and import templates, part of `Strings`.
public struct WorkbookStrings: Sendable {
    /// The link to the whole list (projects and milestones), re-importable.
    let fullList: String
    let fullListHelp: String
    let milestoneState: String
    let done: String
    let inProgress: String
    let notStarted: String
    let raisedOn: String
    let templates: String
    let sheet: String
    let sheetPlaceholder: String
    let templatesHelp: String
    /// The targets workbook's second sheet.
    let targetDetail: String
    let completionPercent: String
    let sharePercent: String
}

extension WorkbookStrings {
    static let zhHans = WorkbookStrings(
        fullList: "项目节点清单(Excel)",
        fullListHelp: "每个节点一行,项目字段在其第一行;用「luodi」模板原样导回(编号相同的项目更新,未改动的不变)。",
        milestoneState: "节点状态", done: "已完成", inProgress: "进行中", notStarted: "未开始", raisedOn: "提出日期",
        templates: "导入模板(Excel)", sheet: "工作表", sheetPlaceholder: "默认第一张可见表",
        templatesHelp: "空白模板:表头即导入方案的列名,编码列带下拉可选值,第二张表为填写说明。",
        targetDetail: "指标完成明细", completionPercent: "完成率(%)", sharePercent: "序时进度(%)")
    static let en = WorkbookStrings(
        fullList: "Projects and milestones (Excel)",
        fullListHelp: "One row per milestone, the project's fields on its first row; re-imports with profile luodi (projects of the same key are updated, unchanged ones stay as they are).",
        milestoneState: "Milestone state", done: "Done", inProgress: "In progress", notStarted: "Not started", raisedOn: "Raised on",
        templates: "Import templates (Excel)", sheet: "Sheet", sheetPlaceholder: "name or no. (1st visible)",
        templatesHelp: "Blank templates: the header is the profile's column names, coded columns offer their allowed values, the second sheet says how to fill it in.",
        targetDetail: "Targets in detail", completionPercent: "Completion (%)", sharePercent: "Time elapsed (%)")
}
