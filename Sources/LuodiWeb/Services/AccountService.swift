import Fluent
import Foundation
import LuodiCore
import LuodiStore
import Vapor

/// Sign-in, sessions and API tokens over `AccountRepository`: passwords are hashed with Bcrypt
/// (Vapor's, cost 12), session and API tokens are 256 random bits of which only the SHA-256 is
/// stored, so a copy of the database lets nobody in.
public struct AccountService: Sendable {
    let accounts: AccountRepository

    public init(db: any Database) { accounts = AccountRepository(db: db) }

    /// Sign-in throttling, after OWASP's Authentication Cheat Sheet ("Login Throttling"): at most
    /// 5 refused sign-ins per login and 20 per address in 15 minutes; past that every attempt
    /// is refused, right password or not, until the window has moved on.
    public enum Throttle {
        public static let window: TimeInterval = 15 * 60
        public static let perLogin = 5
        public static let perAddress = 20
    }

    /// How long a browser session lasts from sign-in: 8 hours, a working day.
    public static let sessionLifetime: TimeInterval = 8 * 3600

    /// Refusals of a sign-in, in the words the page shows.
    public enum SignInError: Error, Equatable, Sendable, AbortError {
        /// Wrong login or password (never says which).
        case refused
        /// Too many refusals for this login or address; try again after the date.
        case throttled(until: Date)

        public var status: HTTPResponseStatus { self == .refused ? .unauthorized : .tooManyRequests }
        public var reason: String {
            switch self {
            case .refused: return "login or password is wrong"
            case let .throttled(until): return "too many refused sign-ins; try again after \(Format.utcTime(until)) UTC"
            }
        }
    }

    /// A new random secret: 32 bytes, base64url without padding.
    static func newSecret() -> String {
        Data([UInt8].random(count: 32)).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// A readable one-time password for a new account or a reset: 16 characters from an
    /// alphabet without look-alikes (no 0/O, 1/l/I), about 90 bits.
    public static func oneTimePassword() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        return String((0..<16).map { _ in alphabet.randomElement()! })
    }

    /// SHA-256 of a secret, hex: what the store keeps of a session or API token.
    static func digest(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Checks a new password: at least 10 characters, at most 72 bytes of UTF-8 (Bcrypt reads no
    /// more, so a longer one would be cut silently), not the login.
    /// - Throws: `AccountError.invalid` naming `password`.
    public static func check(password: String, login: String) throws(AccountError) {
        if password.count < 10 { throw .invalid(field: "password", reason: "use at least 10 characters") }
        if password.utf8.count > 72 {
            throw .invalid(field: "password", reason: "use at most 72 bytes (Bcrypt reads no more): 72 letters or digits, 24 Chinese characters")
        }
        if password.lowercased() == login.lowercased() { throw .invalid(field: "password", reason: "must not be the login") }
    }

    /// Bcrypt hash of a password.
    public static func hash(_ password: String) throws -> String { try Bcrypt.hash(password) }

    /// Creates an account with a password (checked) or, without one, a one-time password that
    /// must be changed at first sign-in; returns the account and that one-time password.
    /// - Throws: `AccountError` naming the field.
    public func create(login: String, settings: AccountSettings, password: String?) async throws -> (Account, oneTimePassword: String?) {
        if let password { try Self.check(password: password, login: login) }
        let chosen = password ?? Self.oneTimePassword()
        let account = try await accounts.create(login: login, settings: settings, passwordHash: try Self.hash(chosen), mustChangePassword: password == nil)
        return (account, password == nil ? chosen : nil)
    }

    /// Resets an account's password to a new one-time password, ending its sessions.
    public func reset(login: String) async throws -> String {
        let password = Self.oneTimePassword()
        try await accounts.setPassword(login: login, hash: try Self.hash(password), mustChange: true)
        return password
    }

    /// Checks a login and password from `address`, throttled, and opens a session.
    /// - Returns: the account, the session token for the cookie and its CSRF token.
    /// - Throws: `SignInError`.
    public func signIn(login: String, password: String, address: String, now: Date = Date()) async throws -> (account: Account, token: String) {
        // As stored (lower case), so that "Wang" and "wang" share one throttle; kept short in the attempts table.
        let login = String(login.trimmingWhitespace().lowercased().prefix(64))
        let since = now.addingTimeInterval(-Throttle.window)
        let refusals = try await accounts.refusals(login: login, address: address, since: since)
        let found = try await accounts.credentials(login: login)
        if refusals.login >= Throttle.perLogin || refusals.address >= Throttle.perAddress {
            try await accounts.refuse(login: login, address: address, zoneID: found?.account.zoneID)
            throw SignInError.throttled(until: now.addingTimeInterval(Throttle.window))
        }
        // Bcrypt runs for every attempt (a made-up hash for an unknown login), so the time taken
        // does not tell whether a login exists or is disabled.
        let verified = (try? Bcrypt.verify(password, created: found?.passwordHash ?? Self.decoyHash)) == true
        guard let found, !found.account.disabled, verified else {
            try await accounts.refuse(login: login, address: address, zoneID: found?.account.zoneID)
            throw SignInError.refused
        }
        let token = Self.newSecret()
        try await accounts.openSession(for: found.account, tokenHash: Self.digest(token), csrfToken: Self.newSecret(),
                                       expiresAt: now.addingTimeInterval(Self.sessionLifetime), address: address)
        return (found.account, token)
    }

    /// A Bcrypt hash (cost 12) of a random string, checked against for unknown logins.
    static let decoyHash = (try? Bcrypt.hash(newSecret())) ?? ""

    /// The account and CSRF token of a session cookie's token, if the session is live.
    public func session(token: String) async throws -> (account: Account, csrfToken: String)? {
        try await accounts.session(tokenHash: Self.digest(token))
    }

    /// Signs out the session with this cookie token.
    public func signOut(token: String, account: Account) async throws {
        try await accounts.closeSession(tokenHash: Self.digest(token), account: account)
    }

    /// Changes the password of a signed-in account after checking the current one, throttled and
    /// audited as sign-ins are (a session left open must not become a way to guess it); the
    /// account's other sessions end, this one (`sessionToken`) stays.
    /// - Throws: `AccountError.invalid` naming `current` or `password`; `SignInError.throttled`.
    public func changePassword(of account: Account, current: String, new: String, sessionToken: String?, address: String, now: Date = Date()) async throws {
        let refusals = try await accounts.refusals(login: account.login, address: address, since: now.addingTimeInterval(-Throttle.window))
        if refusals.login >= Throttle.perLogin || refusals.address >= Throttle.perAddress {
            throw SignInError.throttled(until: now.addingTimeInterval(Throttle.window))
        }
        guard let found = try await accounts.credentials(login: account.login),
              (try? Bcrypt.verify(current, created: found.passwordHash)) == true else {
            try await accounts.refuse(login: account.login, address: address, zoneID: account.zoneID)
            throw AccountError.invalid(field: "current", reason: "the current password is wrong")
        }
        try Self.check(password: new, login: account.login)
        if new == current { throw AccountError.invalid(field: "password", reason: "choose a password other than the current one") }
        try await accounts.setPassword(login: account.login, hash: try Self.hash(new), mustChange: false, keepSession: sessionToken.map(Self.digest))
    }

    /// Makes an API token; the returned secret (`luodi_…`) is shown once and never again.
    public func createToken(for account: Account, name: String) async throws -> (APITokenInfo, secret: String) {
        let secret = "luodi_" + Self.newSecret()
        return (try await accounts.createToken(for: account, name: name, tokenHash: Self.digest(secret)), secret)
    }

    /// The account of an API token, if the token is known, unrevoked and its account enabled.
    public func account(apiToken: String) async throws -> Account? {
        try await accounts.account(tokenHash: Self.digest(apiToken))
    }
}

extension AccountError: AbortError {
    public var status: HTTPResponseStatus {
        switch self {
        case .loginTaken: return .conflict
        case .invalid: return .unprocessableEntity
        case .notFound: return .notFound
        }
    }
    public var reason: String { description }
}
