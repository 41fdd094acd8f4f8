/// Errors of the persistence layer.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A stored value cannot be read back (names the record and column).
    case corrupt(String)
    /// No such record (names what was looked for).
    case notFound(String)
    /// A configuration value is wrong (names the variable).
    case configuration(String)

    public var description: String {
        switch self {
        case let .corrupt(s): return "stored data is not readable: \(s)"
        case let .notFound(s): return "not found: \(s)"
        case let .configuration(s): return s
        }
    }
}
