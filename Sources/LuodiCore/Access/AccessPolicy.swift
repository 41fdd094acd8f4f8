/// The access rules of Luodi: which role may do what, and on which projects. A pure function of
/// the principal and the request, so the whole matrix is tested without a server
/// (`AccessPolicyTests`) and the web layer only asks.
///
/// Zone isolation is not decided here: every account but an administrator belongs to one zone and
/// the store never shows it another (see `Visibility` in LuodiStore).
public enum AccessPolicy {
    /// What a route or an action needs.
    public enum Action: String, Sendable, CaseIterable, Codable {
        /// Overview, lists, battle map, bulletin, period board, targets, meetings: the zone as a whole.
        case readZone
        /// One project's page and data (and its problems and photos).
        case readProject
        /// The audit log of the zone.
        case readAudit
        /// Edit a project: its links, its progress reports and their photos.
        case editProject
        /// Raise a problem on a project.
        case raiseProblem
        /// Act on a problem: assign, respond, resolve, verify, escalate, order, comment.
        case actOnProblem
        /// Create meetings, edit agendas and minutes, turn decisions into actions.
        case runMeetings
        /// Record a department's reported figures for a period.
        case recordFigures
        /// Import project lists, close periods, set the cycle, targets and the ranking formula.
        case administerZone
        /// Accounts and roles.
        case manageUsers
    }

    /// Whether `principal` may do `action`; `project` is the project concerned (its department
    /// and enterprise), `department` the department whose figures are recorded.
    /// Department and enterprise names are compared after trimming, as imported names are.
    public static func allows(_ principal: Principal, _ action: Action,
                              project: (department: String?, enterprise: String?)? = nil, department: String? = nil) -> Bool {
        func same(_ a: String?, _ b: String?) -> Bool {
            guard let a = a?.trimmingWhitespace(), let b = b?.trimmingWhitespace(), !a.isEmpty else { return false }
            return a == b
        }
        let ownDepartment = project.map { same(principal.department, $0.department) } ?? false
        let ownEnterprise = project.map { same(principal.enterprise, $0.enterprise) } ?? false
        switch principal.role {
        case .administrator:
            return true
        case .leader:
            switch action {
            case .readZone, .readProject, .readAudit, .raiseProblem, .actOnProblem, .runMeetings: return true
            case .editProject, .recordFigures, .administerZone, .manageUsers: return false
            }
        case .departmentOfficer:
            switch action {
            case .readZone, .readProject: return true
            case .editProject, .raiseProblem, .actOnProblem: return ownDepartment
            case .recordFigures: return same(principal.department, department)
            case .readAudit, .runMeetings, .administerZone, .manageUsers: return false
            }
        case .enterpriseLiaison:
            switch action {
            case .readProject, .raiseProblem: return ownEnterprise
            default: return false
            }
        case .viewer:
            return action == .readZone || action == .readProject
        }
    }

    /// Whether the role may ever do `action` (on some project or department): what a route
    /// checks before its handler loads the project and asks `allows` with it.
    public static func mayEver(_ role: Role, _ action: Action) -> Bool {
        let probe = Principal(role: role, department: "d", enterprise: "e")
        return allows(probe, action, project: ("d", "e"), department: "d")
    }
}
