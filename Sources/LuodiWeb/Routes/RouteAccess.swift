import LuodiCore
import Vapor

/// What a route needs before its handler runs. Every route declares one (`Route.access`); the
/// access middleware refuses a route that declares none, and `AccessMatrixTests` tries every
/// registered route with every role. Handlers that load a project then ask `AccessPolicy.allows`
/// with its department and enterprise (`Request.authorize`).
enum RouteAccess: Sendable, Hashable {
    /// Anyone, signed in or not: sign-in page, stylesheet, language switch, OpenAPI document.
    case open
    /// Any signed-in account, even one that must still change its password: own account, sign-out.
    case signedIn
    /// A signed-in account whose role may ever do this action.
    case action(AccessPolicy.Action)

    static let key = "luodi.access"
}

extension Route {
    /// Declares what this route needs (see `RouteAccess`).
    @discardableResult
    func access(_ access: RouteAccess) -> Route {
        precondition(declaredAccess == nil, "\(method) /\(path.map(\.description).joined(separator: "/")) declares its access twice")
        userInfo[RouteAccess.key] = access
        return self
    }

    var declaredAccess: RouteAccess? { userInfo[RouteAccess.key] as? RouteAccess }
}
