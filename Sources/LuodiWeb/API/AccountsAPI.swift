import Foundation
import LuodiCore
import LuodiStore
import Vapor

extension Account: Content {}

/// `/api/v1/me` and `/api/v1/users`: who is asking, and the accounts (administrators).
struct AccountsAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("me", use: me).access(.signedIn)
        routes.get("users", use: list).access(.action(.manageUsers))
        routes.post("users", use: create).access(.action(.manageUsers))
        routes.put("users", ":login", use: update).access(.action(.manageUsers))
    }

    func me(_ req: Request) async throws -> Account { try req.requireAccount() }

    func list(_ req: Request) async throws -> [Account] { try await AccountRepository(db: req.db).accounts() }

    /// An account's settings as the API takes them: the zone by name.
    struct Body: Content {
        var login: String?
        var name: String
        var role: Role
        var zone: String?
        var department: String?
        var enterprise: String?
        var disabled: Bool?
        var version: Int?
    }

    struct Created: Content {
        var account: Account
        /// Shown once; the account must change it at first sign-in.
        var oneTimePassword: String
    }

    private func settings(_ req: Request, _ b: Body) async throws -> AccountSettings {
        let zoneID = try await b.zone.asyncMap { try await req.portfolio.zone(named: $0).id }
        return AccountSettings(name: b.name, role: b.role, zoneID: b.role == .administrator ? nil : zoneID,
                               department: b.department, enterprise: b.enterprise, disabled: b.disabled ?? false)
    }

    func create(_ req: Request) async throws -> Response {
        let body: Body
        do { body = try req.content.decode(Body.self) } catch {
            throw ProblemForms.bodyError(error, expected: "login, name, role, and zone / department / enterprise as the role needs")
        }
        let (account, password) = try await AccountService(db: req.db).create(login: body.login ?? "", settings: try await settings(req, body), password: nil)
        return try await Created(account: account, oneTimePassword: password ?? "").encodeResponse(status: .created, for: req)
    }

    func update(_ req: Request) async throws -> Account {
        let login = req.parameters.get("login") ?? ""
        let body: Body
        do { body = try req.content.decode(Body.self) } catch {
            throw ProblemForms.bodyError(error, expected: "version, name, role, and zone / department / enterprise / disabled")
        }
        guard let version = body.version else { throw Abort(.unprocessableEntity, reason: "version: required (the account's current version)") }
        do {
            return try await AccountRepository(db: req.db).update(login: login, expectedVersion: version, try await settings(req, body))
        } catch let e as StoreError { throw e.http }
    }
}
