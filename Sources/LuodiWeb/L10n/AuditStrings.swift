/// The strings of the audit log (审计记录), one instance per language, part of `Strings`.
public struct AuditStrings: Sendable {
    let title: String
    let at: String
    let actor: String
    let entity: String
    let old: String
    let new: String
    let none: String
    let help: String
}

extension AuditStrings {
    static let zhHans = AuditStrings(
        title: "变更记录", at: "时间(UTC)", actor: "经办人", entity: "对象", old: "变更前", new: "变更后", none: "没有符合条件的记录。",
        help: "每项修改(导入、前置关系、日历、问题、报送、照片、关闭报送期、目标、公式、调度会)都与修改本身在同一事务中记录,不能在系统中修改或删除。经办人为登录账号(登录、登录失败、退出、账号与令牌变更也记录在内);通过命令行所做的修改记为填写的姓名,未填写记为「—」。")
    static let en = AuditStrings(
        title: "Audit log", at: "Time (UTC)", actor: "By", entity: "Record", old: "Before", new: "After", none: "No entry matches.",
        help: "Every change (imports, predecessors, calendar, problems, reports, photos, period closes, targets, formula, meetings) is recorded in the same transaction as the change and cannot be edited or deleted in the product. “By” is the signed-in account (sign-ins, refused sign-ins, sign-outs, account and token changes are recorded too); changes made on the command line carry the name given with them, “—” when none was.")
}
