import LuodiCore
import LuodiStore
import Vapor

/// The account behind the current request and how it proved itself.
struct SignedIn: Sendable {
    let account: Account
    /// The session's CSRF token; nil when the request came with an API token (no cookie, no CSRF).
    let csrfToken: String?
    /// The session cookie's token (to sign out or keep this session on a password change).
    let sessionToken: String?

    /// The signed-in account of the request being handled, for views (navigation, forms' CSRF
    /// field) that would otherwise need it passed through every model.
    @TaskLocal static var current: SignedIn?

    static let cookieName = "luodi_session"
}

extension Request {
    /// The signed-in account (the access middleware has refused the request when a route needs one and there is none).
    var signedIn: SignedIn? { SignedIn.current }

    /// The account, for handlers of routes that need one.
    /// - Throws: 401 when there is none (an `open` route).
    func requireAccount() throws -> Account {
        guard let a = signedIn?.account else { throw Abort(.unauthorized, reason: "sign in first") }
        return a
    }

    /// Refuses with 403 unless the account may do `action` on a project of `department` and
    /// `enterprise` (or for `figuresOf` department).
    /// - Throws: 403 naming the role and what it may not do.
    func authorize(_ action: AccessPolicy.Action, project: (department: String?, enterprise: String?)? = nil, figuresOf department: String? = nil) throws {
        let account = try requireAccount()
        guard AccessPolicy.allows(account.principal, action, project: project, department: department) else {
            throw Abort(.forbidden, reason: "your role (\(account.role.rawValue)\(account.department.map { ", \($0)" } ?? "")\(account.enterprise.map { ", \($0)" } ?? "")) may not \(action.rawValue) here")
        }
    }

    /// What the store shows this account: its zone only (all zones for an administrator), and
    /// only its enterprise's projects for an enterprise liaison.
    var visibility: Visibility {
        guard let a = signedIn?.account, a.role != .administrator else { return .everything }
        return Visibility(zoneID: a.zoneID, enterprise: a.role == .enterpriseLiaison ? a.enterprise : nil)
    }

    /// Refuses a record of a zone this account does not see, with the same 404 as a record that does not exist.
    func requireVisible(zoneID: UUID, _ what: String) throws {
        if let z = visibility.zoneID, z != zoneID { throw Abort(.notFound, reason: "no \(what)") }
    }
}

extension Request {
    /// `authorize(_:project:)` with a project's department and enterprise.
    func authorize(_ action: AccessPolicy.Action, on project: Project) throws {
        try authorize(action, project: (project.department, project.enterprise))
    }

    /// Loads a project the account sees (404 otherwise, the same as no such project) and checks `action` on it.
    /// - Throws: 404, 403.
    func authorizedProject(_ id: UUID, for action: AccessPolicy.Action) async throws -> (zone: StoredZone, project: StoredProject) {
        guard let found = try await portfolioRepository.project(id: id) else { throw Abort(.notFound, reason: "no project with id \(id)") }
        try authorize(action, on: found.project.plan.project)
        return found
    }
}

extension Request {
    /// Checks `action` on a problem: its zone must be visible (404 otherwise), and the account may
    /// do it on the problem's project or as its owner department (a department officer acts on
    /// the problems of its projects and on those its department must solve).
    /// - Throws: 404, 403.
    func authorizeProblem(zoneID: UUID, projectID: UUID?, ownerDepartment: String, _ action: AccessPolicy.Action) async throws {
        try requireVisible(zoneID: zoneID, "such problem")
        let account = try requireAccount()
        var viaProject = false
        if let projectID {
            guard let found = try await portfolioRepository.project(id: projectID) else { throw Abort(.notFound, reason: "no such problem") }
            let p = found.project.plan.project
            viaProject = AccessPolicy.allows(account.principal, action, project: (p.department, p.enterprise))
        }
        guard viaProject || AccessPolicy.allows(account.principal, action, project: (ownerDepartment, nil)) else {
            throw Abort(.forbidden, reason: "your role (\(account.role.rawValue)) may not \(action.rawValue) on this problem")
        }
    }
}

extension Request {
    /// Checks `action` on a report's project; a report the account does not see answers exactly
    /// as one that does not exist ("no report with id …"), naming nothing of its project.
    /// - Throws: 404, 403.
    func authorizeReport(_ projectID: UUID, zoneID: UUID, id: UUID, _ action: AccessPolicy.Action) async throws {
        let hidden = Abort(.notFound, reason: "no report with id \(id)")
        if let z = visibility.zoneID, z != zoneID { throw hidden }
        do { _ = try await authorizedProject(projectID, for: action) } catch let e as Abort where e.status == .notFound { throw hidden }
    }
}
