import LuodiCore
import LuodiStore
import Vapor

// The HTTP status of each error a user can cause, in one place: thrown as they are, these errors
// reach the API as a JSON reason, the pages as a message page, and the CLI as a printed line.

/// A refused report or period change: 409 when the report exists already (edit it instead), 422 otherwise.
extension ReportStoreError: AbortError {
    public var status: HTTPResponseStatus {
        if case .alreadyReported = self { return .conflict }
        return .unprocessableEntity
    }
    public var reason: String { description }
}

/// A report that fails its checks: 422, the reason naming the field.
extension ProgressReportError: AbortError {
    public var status: HTTPResponseStatus { .unprocessableEntity }
    public var reason: String { description }
}

/// A zone that does not exist (or none yet): 404.
extension ServiceError: AbortError {
    public var status: HTTPResponseStatus {
        switch self {
        case .unknownZone, .noZones: return .notFound
        case .badDate, .badParameter: return .badRequest
        }
    }
    public var reason: String { description }
}

extension StoreError {
    /// This error for HTTP: a stale version is a 409 and a missing record a 404; anything else
    /// (unreadable data, configuration) stays a server error, its details logged, not shown.
    var http: any Error {
        switch self {
        case .conflict: return Abort(.conflict, reason: description)
        case .notFound: return Abort(.notFound, reason: description)
        case .corrupt, .configuration: return self
        }
    }
}
