import ArgumentParser
import Foundation
import LuodiStore
import LuodiWeb
import Vapor

/// `luodi token …`: API tokens of an account (also on the account page).
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Create, list and revoke an account's API tokens.",
        subcommands: [TokenCreate.self, TokenList.self, TokenRevoke.self], defaultSubcommand: TokenList.self)
}

/// The account whose tokens a `token` subcommand handles.
func account(_ login: String, in app: Application) async throws -> Account {
    guard let a = try await AccountRepository(db: app.db).credentials(login: login)?.account else { throw AccountError.notFound("account '\(login)'") }
    return a
}

struct TokenCreate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create", abstract: "Make an API token; it is printed once.")
    @ArgumentParser.Option(help: "The account's login.") var user: String
    @ArgumentParser.Option(help: "What the token is for (shown in lists).") var name: String
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let (info, secret) = try await db.withApp { app in
            try await AccountService(db: app.db).createToken(for: try await account(user, in: app), name: name)
        }
        print("Token \(info.id) for \(user) (\(info.name)); send it as `Authorization: Bearer TOKEN`. Shown once:")
        print(secret)
    }
}

struct TokenList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List an account's tokens (never the secrets).")
    @ArgumentParser.Option(help: "The account's login.") var user: String
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let tokens = try await db.withApp { app in try await AccountRepository(db: app.db).tokens(of: try await account(user, in: app)) }
        for t in tokens { print([t.id.uuidString, t.name, ISO8601DateFormatter().string(from: t.createdAt), t.revokedAt == nil ? "active" : "revoked"].joined(separator: "\t")) }
    }
}

struct TokenRevoke: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a token by its id.")
    @ArgumentParser.Option(help: "The account's login.") var user: String
    @ArgumentParser.Argument(help: "Token id (from `luodi token list`).") var id: String
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        guard let uuid = UUID(uuidString: id) else { throw ValidationError("id: '\(id)' is not a token id") }
        try await db.withApp { app in try await AccountRepository(db: app.db).revokeToken(uuid, of: try await account(user, in: app)) }
        print("Revoked \(id).")
    }
}
