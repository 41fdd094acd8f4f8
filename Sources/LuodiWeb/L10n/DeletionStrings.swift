/// The strings of deleting and restoring projects, part of `Strings`.
public struct DeletionStrings: Sendable {
    let delete: String
    let deleteHelp: String
    let deletedTitle: String
    let deletedHelp: String
    let deletedAt: String
    let deletedBy: String
    let restore: String
    let none: String
}

extension DeletionStrings {
    static let zhHans = DeletionStrings(
        delete: "删除项目", deleteHelp: "删除后项目从清单、亮灯、作战图中隐藏,数据全部保留,管理员可在「已删除项目」中恢复。",
        deletedTitle: "已删除项目", deletedHelp: "已删除的项目数据完整保留;恢复后回到原样(包括节点、报送和问题)。同编号的项目在恢复前不能再次导入。",
        deletedAt: "删除时间(UTC)", deletedBy: "删除人", restore: "恢复", none: "没有已删除的项目。")
    static let en = DeletionStrings(
        delete: "Delete project", deleteHelp: "A deleted project leaves the lists, lights and battle map; all its data is kept and an administrator can restore it under Deleted projects.",
        deletedTitle: "Deleted projects", deletedHelp: "A deleted project's data is kept whole; restoring brings it back as it was (milestones, reports and problems). Its key cannot be imported again until it is restored.",
        deletedAt: "Deleted (UTC)", deletedBy: "By", restore: "Restore", none: "No deleted project.")
}
