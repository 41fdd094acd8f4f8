import Foundation

/// Which database Luodi talks to, decided once at start-up.
public enum StoreConfiguration: Sendable, Equatable {
    /// A SQLite file, created if absent (the default: `./luodi.sqlite`).
    case sqliteFile(String)
    /// A private in-memory SQLite database (tests).
    case sqliteMemory
    /// PostgreSQL at a `postgres://user:pass@host:port/db` URL.
    case postgres(URL)

    /// `DATABASE_URL` when set (PostgreSQL), otherwise the SQLite file at `defaultPath`.
    /// - Throws: `StoreError.configuration` naming `DATABASE_URL` when it is not a PostgreSQL URL.
    public static func from(environment: [String: String], defaultPath: String = "luodi.sqlite") throws -> StoreConfiguration {
        guard let raw = environment["DATABASE_URL"], !raw.isEmpty else { return .sqliteFile(defaultPath) }
        if raw.hasPrefix("sqlite://") { return .sqliteFile(String(raw.dropFirst("sqlite://".count))) }
        guard let url = URL(string: raw), ["postgres", "postgresql"].contains(url.scheme ?? "") else {
            throw StoreError.configuration("DATABASE_URL='\(raw)' is not a postgres://user:password@host:port/database URL")
        }
        return .postgres(url)
    }
}
