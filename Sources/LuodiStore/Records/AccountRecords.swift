import Fluent
import Foundation

/// An account (用户). The password is kept only as a Bcrypt hash made by the web layer.
public final class UserRecord: Model, @unchecked Sendable {
    public static let schema = "users"

    @ID(key: .id) public var id: UUID?
    @Field(key: "login") public var login: String
    @Field(key: "name") public var name: String
    @Field(key: "role") public var role: String
    /// Nil only for an administrator, who sees every zone.
    @OptionalField(key: "zone_id") public var zoneID: UUID?
    @OptionalField(key: "department") public var department: String?
    @OptionalField(key: "enterprise") public var enterprise: String?
    @Field(key: "password_hash") public var passwordHash: String
    /// Set for a password someone else chose (a first administrator's, a reset): the holder must change it.
    @Field(key: "must_change_password") public var mustChangePassword: Bool
    @Field(key: "disabled") public var disabled: Bool
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "version") public var version: Int

    public init() {}
}

/// A signed-in browser: the cookie holds a random token, the row only its SHA-256.
public final class SessionRecord: Model, @unchecked Sendable {
    public static let schema = "sessions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "user_id") public var userID: UUID
    /// The token every form and cookie-authenticated API write must echo (double submit).
    @Field(key: "csrf_token") public var csrfToken: String
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "expires_at") public var expiresAt: Date
    @Field(key: "address") public var address: String

    public init() {}
}

/// An API token (接口令牌) a user made for a script: stored as its SHA-256, shown once.
public final class APITokenRecord: Model, @unchecked Sendable {
    public static let schema = "api_tokens"

    @ID(key: .id) public var id: UUID?
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "name") public var name: String
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "revoked_at") public var revokedAt: Date?

    public init() {}
}

/// One sign-in attempt, kept to throttle guessing per account and per address.
public final class LoginAttemptRecord: Model, @unchecked Sendable {
    public static let schema = "login_attempts"

    @ID(key: .id) public var id: UUID?
    @Field(key: "login") public var login: String
    @Field(key: "address") public var address: String
    @Field(key: "at") public var at: Date
    @Field(key: "succeeded") public var succeeded: Bool

    public init() {}
}
