/// What an account may do in Luodi (角色). The matrix of each role against each route is in
/// the README, "Accounts and roles", and is checked route by route by `AccessMatrixTests`.
public enum Role: String, CaseIterable, Sendable, Codable {
    /// 系统管理员: everything in every zone, accounts and rule sets.
    case administrator
    /// 领导: reads its zone, raises, comments on and escalates problems, runs dispatch meetings.
    case leader
    /// 部门责任人: edits its own department's projects, reports, problems and figures; reads its zone.
    case departmentOfficer
    /// 企业联络员 (为企服务): sees only its enterprise's projects and raises problems on them.
    case enterpriseLiaison
    /// 查看人员: reads its zone.
    case viewer
}

/// Who is asking, as the access rules need it: the role and what the role is scoped to.
public struct Principal: Sendable, Hashable {
    public var role: Role
    /// The department (责任单位) a department officer answers for, as projects name it.
    public var department: String?
    /// The enterprise (建设单位) an enterprise liaison speaks for, as projects name it.
    public var enterprise: String?

    public init(role: Role, department: String? = nil, enterprise: String? = nil) {
        self.role = role
        self.department = department
        self.enterprise = enterprise
    }
}
