import Fluent
import Foundation
import LuodiCore

/// An account as the rest of Luodi sees it: never its password hash.
public struct Account: Sendable, Hashable, Codable {
    public let id: UUID
    public let login: String
    public let name: String
    public let role: Role
    /// The zone the account belongs to; nil for an administrator (every zone).
    public let zoneID: UUID?
    public let department: String?
    public let enterprise: String?
    public let mustChangePassword: Bool
    public let disabled: Bool
    public let version: Int

    /// The account as the access rules see it.
    public var principal: Principal { Principal(role: role, department: department, enterprise: enterprise) }

    init(_ r: UserRecord) throws {
        guard let role = Role(rawValue: r.role) else { throw StoreError.corrupt("user \(r.login): role '\(r.role)'") }
        id = try r.requireID()
        login = r.login
        name = r.name
        self.role = role
        zoneID = r.zoneID
        department = r.department
        enterprise = r.enterprise
        mustChangePassword = r.mustChangePassword
        disabled = r.disabled
        version = r.version
    }
}

/// What an administrator sets on an account (everything but the password).
public struct AccountSettings: Sendable, Hashable, Codable {
    public var name: String
    public var role: Role
    public var zoneID: UUID?
    public var department: String?
    public var enterprise: String?
    public var disabled: Bool

    public init(name: String, role: Role, zoneID: UUID?, department: String? = nil, enterprise: String? = nil, disabled: Bool = false) {
        self.name = name
        self.role = role
        self.zoneID = zoneID
        self.department = department
        self.enterprise = enterprise
        self.disabled = disabled
    }
}

/// An API token as its owner lists it (the token itself is shown once, when made).
public struct APITokenInfo: Sendable, Hashable, Codable {
    public let id: UUID
    public let name: String
    public let createdAt: Date
    public let revokedAt: Date?
}

/// Refusals of account changes, each naming the field.
public enum AccountError: Error, Equatable, Sendable, CustomStringConvertible {
    case loginTaken(String)
    case invalid(field: String, reason: String)
    case notFound(String)

    public var description: String {
        switch self {
        case let .loginTaken(login): return "login: '\(login)' is already an account; choose another login"
        case let .invalid(field, reason): return "\(field): \(reason)"
        case let .notFound(what): return "no \(what)"
        }
    }
}

/// Accounts, sessions, API tokens and sign-in attempts. Hashing is the caller's: the store keeps
/// what it is given (a Bcrypt hash for passwords, a SHA-256 for tokens) and compares nothing
/// secret itself. Every change writes an audit entry in its own transaction.
public struct AccountRepository: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }

    /// Checks the settings a role needs: a zone for everyone but an administrator, a department
    /// for a department officer, an enterprise for a liaison.
    /// - Throws: `AccountError.invalid` naming the field.
    public static func validate(_ s: AccountSettings) throws(AccountError) {
        if s.name.trimmingWhitespace().isEmpty { throw .invalid(field: "name", reason: "give the person's name") }
        for (field, text) in [("name", s.name), ("department", s.department ?? ""), ("enterprise", s.enterprise ?? "")] {
            if text.count > 100 { throw .invalid(field: field, reason: "at most 100 characters") }
            if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format }) {
                throw .invalid(field: field, reason: "contains a control or invisible character")
            }
        }
        if s.role != .administrator, s.zoneID == nil { throw .invalid(field: "zone", reason: "a \(s.role.rawValue) belongs to one zone; name it") }
        if s.role == .departmentOfficer, (s.department ?? "").trimmingWhitespace().isEmpty {
            throw .invalid(field: "department", reason: "a department officer answers for one department (责任单位); name it")
        }
        if s.role == .enterpriseLiaison, (s.enterprise ?? "").trimmingWhitespace().isEmpty {
            throw .invalid(field: "enterprise", reason: "an enterprise liaison speaks for one enterprise (建设单位); name it")
        }
    }

    /// A login as stored and compared: trimmed and lower-cased, so `Wang` and `wang` are one
    /// account; only ASCII letters, digits and `. _ - @`, starting with a letter or digit, so no
    /// look-alike, invisible or control character makes a second "wang".
    /// - Throws: `AccountError.invalid` naming `login`.
    public static func normalized(login: String) throws(AccountError) -> String {
        let login = login.trimmingWhitespace().lowercased()
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789._-@")
        guard (1...64).contains(login.count), login.allSatisfy({ allowed.contains($0) }), login.first.map({ $0.isLetter || $0.isNumber }) == true else {
            throw .invalid(field: "login", reason: "use 1–64 of the letters a–z, digits and . _ - @, starting with a letter or digit")
        }
        return login
    }

    /// Creates an account. `actor` is who made it (nil: the command line).
    /// - Throws: `AccountError` for a taken login or missing setting.
    public func create(login: String, settings s: AccountSettings, passwordHash: String, mustChangePassword: Bool) async throws -> Account {
        let login = try Self.normalized(login: login)
        try Self.validate(s)
        return try await db.writeTransaction { tx in
            if try await UserRecord.query(on: tx).filter(\.$login == login).first() != nil { throw AccountError.loginTaken(login) }
            let r = UserRecord()
            r.login = login
            r.passwordHash = passwordHash
            r.mustChangePassword = mustChangePassword
            r.createdAt = Date()
            r.version = 1
            Self.assign(s, to: r)
            try await r.create(on: tx)
            let account = try Account(r)
            try await AuditLog.write(on: tx, zoneID: s.zoneID, entity: "user", entityID: login, action: "create", actor: nil, old: Nothing?.none, new: account)
            return account
        }
    }

    static func assign(_ s: AccountSettings, to r: UserRecord) {
        func clean(_ t: String?) -> String? { t.map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 } }
        r.name = s.name.trimmingWhitespace()
        r.role = s.role.rawValue
        r.zoneID = s.zoneID
        r.department = clean(s.department)
        r.enterprise = clean(s.enterprise)
        r.disabled = s.disabled
    }

    /// Changes an account's role, zone, scope or state; refused when it changed since `expectedVersion`
    /// or when it would leave no enabled administrator. A disabled account's sessions end.
    /// - Throws: `StoreError.conflict`, `AccountError`.
    public func update(login: String, expectedVersion: Int, _ s: AccountSettings) async throws -> Account {
        try Self.validate(s)
        let login = login.lowercased()
        return try await db.writeTransaction { tx in
            guard let r = try await UserRecord.query(on: tx).filter(\.$login == login).first() else { throw AccountError.notFound("account '\(login)'") }
            guard r.version == expectedVersion else { throw StoreError.conflict("account \(login)", expected: expectedVersion, current: r.version) }
            let before = try Account(r)
            Self.assign(s, to: r)
            r.version += 1
            try await r.save(on: tx)
            try await Self.requireAdministrator(on: tx)
            if s.disabled {
                // A disabled account keeps no way in: its sessions end and its API tokens are revoked.
                try await SessionRecord.query(on: tx).filter(\.$userID == before.id).delete()
                try await Self.revokeAllTokens(of: before.id, on: tx)
            }
            let after = try Account(r)
            try await AuditLog.write(on: tx, zoneID: after.zoneID ?? before.zoneID, entity: "user", entityID: login, action: "update", actor: nil, old: before, new: after)
            return after
        }
    }

    private static func requireAdministrator(on tx: any Database) async throws {
        let count = try await UserRecord.query(on: tx).filter(\.$role == Role.administrator.rawValue).filter(\.$disabled == false).count()
        if count == 0 { throw AccountError.invalid(field: "role", reason: "this would leave no enabled administrator; make another one first") }
    }

    /// Replaces a password hash and ends the account's other sessions (all of them when `keepSession` is nil).
    /// A reset by someone else (`mustChange`) also revokes the account's API tokens: a reset is
    /// what an administrator does when an account may be in the wrong hands.
    /// - Throws: `AccountError.notFound`.
    public func setPassword(login: String, hash: String, mustChange: Bool, keepSession: String? = nil) async throws {
        let login = login.lowercased()
        try await db.writeTransaction { tx in
            guard let r = try await UserRecord.query(on: tx).filter(\.$login == login).first() else { throw AccountError.notFound("account '\(login)'") }
            r.passwordHash = hash
            r.mustChangePassword = mustChange
            r.version += 1
            try await r.save(on: tx)
            var q = SessionRecord.query(on: tx).filter(\.$userID == (try r.requireID()))
            if let keepSession { q = q.filter(\.$tokenHash != keepSession) }
            try await q.delete()
            if mustChange { try await Self.revokeAllTokens(of: try r.requireID(), on: tx) }
            try await AuditLog.write(on: tx, zoneID: r.zoneID, entity: "user", entityID: login, action: "password", actor: nil,
                                     old: Nothing?.none, new: ["mustChange": mustChange])
        }
    }

    /// Every account, by login.
    public func accounts() async throws -> [Account] {
        try await UserRecord.query(on: db).sort(\.$login).all().map(Account.init)
    }

    /// The account with this login (compared as `normalized(login:)` stores it) and its password hash, for a sign-in check.
    public func credentials(login: String) async throws -> (account: Account, passwordHash: String)? {
        let login = login.trimmingWhitespace().lowercased()
        guard let r = try await UserRecord.query(on: db).filter(\.$login == login).first() else { return nil }
        return (try Account(r), r.passwordHash)
    }

    /// Whether any enabled administrator exists (the server refuses to serve without one).
    public func hasAdministrator() async throws -> Bool {
        try await UserRecord.query(on: db).filter(\.$role == Role.administrator.rawValue).filter(\.$disabled == false).count() > 0
    }

    // MARK: sessions

    /// Opens a session and records the sign-in.
    public func openSession(for account: Account, tokenHash: String, csrfToken: String, expiresAt: Date, address: String) async throws {
        try await db.writeTransaction { tx in
            let s = SessionRecord()
            s.tokenHash = tokenHash
            s.userID = account.id
            s.csrfToken = csrfToken
            s.createdAt = Date()
            s.expiresAt = expiresAt
            s.address = address
            try await s.create(on: tx)
            try await Self.attempt(login: account.login, address: address, succeeded: true, on: tx)
            try await AuditLog.write(on: tx, zoneID: account.zoneID, entity: "session", entityID: account.login, action: "login",
                                     actor: account.login, old: Nothing?.none, new: ["address": address])
        }
    }

    /// The live session with this token hash and its enabled account; expired sessions are removed.
    public func session(tokenHash: String, now: Date = Date()) async throws -> (account: Account, csrfToken: String)? {
        guard let s = try await SessionRecord.query(on: db).filter(\.$tokenHash == tokenHash).first() else { return nil }
        guard s.expiresAt > now else {
            try await s.delete(on: db)
            return nil
        }
        guard let u = try await UserRecord.find(s.userID, on: db), !u.disabled else { return nil }
        return (try Account(u), s.csrfToken)
    }

    /// Ends a session (sign out).
    public func closeSession(tokenHash: String, account: Account) async throws {
        try await db.writeTransaction { tx in
            try await SessionRecord.query(on: tx).filter(\.$tokenHash == tokenHash).delete()
            try await AuditLog.write(on: tx, zoneID: account.zoneID, entity: "session", entityID: account.login, action: "logout",
                                     actor: account.login, old: Nothing?.none, new: Nothing?.none)
        }
    }

    // MARK: sign-in attempts

    /// Records a refused sign-in (a wrong password, an unknown or disabled login).
    public func refuse(login: String, address: String, zoneID: UUID?) async throws {
        try await db.writeTransaction { tx in
            try await Self.attempt(login: login, address: address, succeeded: false, on: tx)
            try await AuditLog.write(on: tx, zoneID: zoneID, entity: "session", entityID: login, action: "loginRefused",
                                     actor: login, old: Nothing?.none, new: ["address": address])
        }
    }

    private static func attempt(login: String, address: String, succeeded: Bool, on tx: any Database) async throws {
        let a = LoginAttemptRecord()
        a.login = login
        a.address = address
        a.at = Date()
        a.succeeded = succeeded
        try await a.create(on: tx)
    }

    /// Refused sign-ins since `since` for this login and from this address.
    public func refusals(login: String, address: String, since: Date) async throws -> (login: Int, address: Int) {
        let byLogin = try await LoginAttemptRecord.query(on: db).filter(\.$login == login).filter(\.$succeeded == false).filter(\.$at >= since).count()
        let byAddress = try await LoginAttemptRecord.query(on: db).filter(\.$address == address).filter(\.$succeeded == false).filter(\.$at >= since).count()
        return (byLogin, byAddress)
    }

    // MARK: API tokens

    /// Makes an API token for `account`.
    public func createToken(for account: Account, name: String, tokenHash: String) async throws -> APITokenInfo {
        let name = name.trimmingWhitespace()
        guard !name.isEmpty, name.count <= 100 else { throw AccountError.invalid(field: "name", reason: "name the token (1–100 characters), e.g. the script that uses it") }
        return try await db.writeTransaction { tx in
            let t = APITokenRecord()
            t.userID = account.id
            t.name = name
            t.tokenHash = tokenHash
            t.createdAt = Date()
            try await t.create(on: tx)
            let info = APITokenInfo(id: try t.requireID(), name: name, createdAt: t.createdAt, revokedAt: nil)
            try await AuditLog.write(on: tx, zoneID: account.zoneID, entity: "token", entityID: info.id.uuidString, action: "create",
                                     actor: account.login, old: Nothing?.none, new: ["id": info.id.uuidString, "name": name])
            return info
        }
    }

    private static func revokeAllTokens(of userID: UUID, on tx: any Database) async throws {
        try await APITokenRecord.query(on: tx).filter(\.$userID == userID).filter(\.$revokedAt == nil).set(\.$revokedAt, to: Date()).update()
    }

    /// The account's tokens, newest first.
    public func tokens(of account: Account) async throws -> [APITokenInfo] {
        try await APITokenRecord.query(on: db).filter(\.$userID == account.id).sort(\.$createdAt, .descending).all().map {
            APITokenInfo(id: try $0.requireID(), name: $0.name, createdAt: $0.createdAt, revokedAt: $0.revokedAt)
        }
    }

    /// Revokes one of the account's tokens.
    /// - Throws: `AccountError.notFound` for a token of another account or none.
    public func revokeToken(_ id: UUID, of account: Account) async throws {
        try await db.writeTransaction { tx in
            guard let t = try await APITokenRecord.query(on: tx).filter(\.$id == id).filter(\.$userID == account.id).first() else {
                throw AccountError.notFound("token \(id) of \(account.login)")
            }
            guard t.revokedAt == nil else { return }
            t.revokedAt = Date()
            try await t.save(on: tx)
            try await AuditLog.write(on: tx, zoneID: account.zoneID, entity: "token", entityID: id.uuidString, action: "revoke",
                                     actor: account.login, old: Nothing?.none, new: Nothing?.none)
        }
    }

    /// The enabled account owning an unrevoked token with this hash.
    public func account(tokenHash: String) async throws -> Account? {
        guard let t = try await APITokenRecord.query(on: db).filter(\.$tokenHash == tokenHash).filter(\.$revokedAt == nil).first(),
              let u = try await UserRecord.find(t.userID, on: db), !u.disabled else { return nil }
        return try Account(u)
    }
}
