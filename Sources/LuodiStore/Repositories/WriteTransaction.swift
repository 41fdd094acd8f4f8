import Fluent
import FluentSQLiteDriver
import Foundation

extension Database {
    /// Runs `body` in a transaction, and runs it again when SQLite refuses the write with
    /// SQLITE_BUSY. Two pooled connections whose deferred transactions both read and then
    /// write deadlock, and SQLite answers one of them BUSY at once without calling its busy
    /// handler (sqlite.org/lang_transaction.html, "read transactions"; sqlite.org/c3ref/busy_handler.html).
    /// The refused transaction has rolled back, so running it again is safe, and it reads
    /// again what the other one wrote (a version check then answers "conflict" as it should).
    /// Up to 50 tries, 2 ms apart and growing; PostgreSQL never answers BUSY.
    /// - Throws: what `body` throws, or the last SQLite error after the last try.
    /// The audit log's actor (`AuditLog.account`) is carried into the transaction, whose body
    /// the drivers run on a task of their own that would not inherit it.
    func writeTransaction<T: Sendable>(_ body: @Sendable @escaping (any Database) async throws -> T) async throws -> T {
        var attempt = 0
        let account = AuditLog.account
        while true {
            do {
                return try await transaction { tx in try await AuditLog.$account.withValue(account) { try await body(tx) } }
            } catch let e as SQLiteError where e.reason == .busy && attempt < 49 {
                attempt += 1
                try await Task.sleep(nanoseconds: UInt64(2_000_000 * min(attempt, 10)))
            }
        }
    }
}
