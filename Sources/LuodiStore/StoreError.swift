/// Errors of the persistence layer.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A stored value cannot be read back (names the record and column).
    case corrupt(String)
    /// No such record (names what was looked for).
    case notFound(String)
    /// A configuration value is wrong (names the variable).
    case configuration(String)
    /// An edit was based on an older version of the record (names the record and both versions).
    case conflict(String, expected: Int, current: Int)

    public var description: String {
        switch self {
        case let .corrupt(s): return "stored data is not readable: \(s)"
        case let .notFound(s): return "not found: \(s)"
        case let .configuration(s): return s
        case let .conflict(what, expected, current):
            return "\(what) was changed by someone else (your edit is based on version \(expected), it is now at version \(current)); reload it and apply your change again"
        }
    }
}
