import ArgumentParser
import Foundation
import LuodiCore
import LuodiStore
import LuodiWeb
import Vapor

/// `luodi user …`: accounts, for the person who runs the server (who holds the database anyway).
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Create, list and change accounts (the first administrator is made here).",
        subcommands: [UserAdd.self, UserList.self, UserSet.self, UserPassword.self], defaultSubcommand: UserList.self)
}

/// The role, zone and scope options shared by `user add` and `user set`.
struct AccountOptions: ParsableArguments {
    @ArgumentParser.Option(help: "The person's name.") var name: String?
    @ArgumentParser.Option(help: "administrator, leader, departmentOfficer, enterpriseLiaison or viewer.") var role: String?
    @ArgumentParser.Flag(help: "Same as --role administrator.") var admin = false
    @ArgumentParser.Option(help: "The zone the account belongs to (every role but administrator).") var zone: String?
    @ArgumentParser.Option(help: "A department officer's department (责任单位), as the projects name it.") var department: String?
    @ArgumentParser.Option(help: "An enterprise liaison's enterprise (建设单位), as the projects name it.") var enterprise: String?

    func role(default fallback: Role?) throws -> Role {
        if admin { return .administrator }
        guard let role else {
            if let fallback { return fallback }
            throw ValidationError("--role: give one of \(Role.allCases.map(\.rawValue).joined(separator: ", ")) (or --admin)")
        }
        guard let r = Role(rawValue: role) else { throw ValidationError("--role: '\(role)' is not a role; use one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))") }
        return r
    }

    func zoneID(_ app: Application, role: Role, current: UUID?) async throws -> UUID? {
        guard role != .administrator else { return nil }
        guard let zone else { return current }
        return try await app.portfolioService.zone(named: zone).id
    }
}

/// Reads a password from standard input (one line), for `--password-stdin`.
func passwordFromStandardInput() throws -> String {
    guard let line = readLine(strippingNewline: true), !line.isEmpty else { throw ValidationError("--password-stdin: no password on standard input") }
    return line
}

/// `luodi user add LOGIN`.
struct UserAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Create an account. Without --password-stdin it gets a one-time password, printed once, that must be changed at first sign-in.")

    @ArgumentParser.Argument(help: "Login (no spaces).") var login: String
    @OptionGroup var account: AccountOptions
    @ArgumentParser.Flag(help: "Read the password from standard input instead of making a one-time password.") var passwordStdin = false
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let role = try account.role(default: nil)
        let password = passwordStdin ? try passwordFromStandardInput() : nil
        let (created, oneTime) = try await db.withApp(mustExist: false) { app in
            let settings = AccountSettings(name: account.name ?? login, role: role, zoneID: try await account.zoneID(app, role: role, current: nil),
                                           department: account.department, enterprise: account.enterprise)
            return try await AccountService(db: app.db).create(login: login, settings: settings, password: password)
        }
        print("Created \(created.role.rawValue) \(created.login) (\(created.name)).")
        if let oneTime { print("One-time password: \(oneTime)  (shown once; it must be changed at first sign-in)") }
    }
}

/// `luodi user list`.
struct UserList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the accounts.")
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let (accounts, zones) = try await db.withApp { app in
            (try await AccountRepository(db: app.db).accounts(), try await app.portfolioService.zones())
        }
        let zoneName = Dictionary(uniqueKeysWithValues: zones.map { ($0.id, $0.zone.name) })
        print(["login", "name", "role", "zone", "department", "enterprise", "state"].joined(separator: "\t"))
        for a in accounts {
            print([a.login, a.name, a.role.rawValue, a.zoneID.flatMap { zoneName[$0] } ?? "(all)", a.department ?? "", a.enterprise ?? "",
                   a.disabled ? "disabled" : a.mustChangePassword ? "must change password" : "active"].joined(separator: "\t"))
        }
    }
}

/// `luodi user set LOGIN`: role, zone, scope, enabled.
struct UserSet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set", abstract: "Change an account's name, role, zone, department or enterprise, or disable or enable it.")

    @ArgumentParser.Argument(help: "Login.") var login: String
    @OptionGroup var account: AccountOptions
    @ArgumentParser.Flag(help: "Enable a disabled account.") var enable = false
    @ArgumentParser.Flag(help: "Disable the account (its sessions end; it can no longer sign in).") var disable = false

    func validate() throws {
        if enable && disable { throw ValidationError("--enable and --disable: give one") }
    }
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let updated = try await db.withApp { app in
            let repo = AccountRepository(db: app.db)
            guard let current = try await repo.credentials(login: login)?.account else { throw AccountError.notFound("account '\(login)'") }
            let role = try account.role(default: current.role)
            let settings = AccountSettings(name: account.name ?? current.name, role: role,
                                           zoneID: try await account.zoneID(app, role: role, current: current.zoneID),
                                           department: account.department ?? current.department, enterprise: account.enterprise ?? current.enterprise,
                                           disabled: disable ? true : enable ? false : current.disabled)
            return try await repo.update(login: login, expectedVersion: current.version, settings)
        }
        print("\(updated.login): \(updated.role.rawValue)\(updated.disabled ? ", disabled" : "")")
    }
}

/// `luodi user password LOGIN`: a new one-time password (or one from standard input).
struct UserPassword: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "password", abstract: "Reset an account's password to a new one-time password (its sessions end).")

    @ArgumentParser.Argument(help: "Login.") var login: String
    @ArgumentParser.Flag(help: "Read the new password from standard input (not one-time).") var passwordStdin = false
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let chosen = passwordStdin ? try passwordFromStandardInput() : nil
        let oneTime = try await db.withApp { app -> String? in
            let service = AccountService(db: app.db)
            guard let chosen else { return try await service.reset(login: login) }
            try AccountService.check(password: chosen, login: login)
            try await AccountRepository(db: app.db).setPassword(login: login, hash: try AccountService.hash(chosen), mustChange: false)
            return nil
        }
        print(oneTime.map { "One-time password of \(login): \($0)  (shown once; it must be changed at first sign-in)" } ?? "Password of \(login) set.")
    }
}
