import ArgumentParser
import Foundation
import LuodiCore
import LuodiStore
import LuodiWeb
import Vapor

/// Database options shared by every subcommand. The environment is read here and nowhere else.
struct DatabaseOptions: ParsableArguments {
    @ArgumentParser.Option(help: "SQLite file to use when DATABASE_URL is not set.")
    var database: String = "luodi.sqlite"
    @ArgumentParser.Option(name: .customLong("data-dir"), help: "Folder for report photos (default: DATABASE.files next to a SQLite file, ./luodi-data with PostgreSQL).")
    var dataDir: String?

    /// `DATABASE_URL` (PostgreSQL) when set, else the SQLite file.
    func configuration() throws -> StoreConfiguration {
        do { return try StoreConfiguration.from(environment: ProcessInfo.processInfo.environment, defaultPath: database) } catch {
            throw ValidationError("\(error)")
        }
    }

    /// Builds the application quietly (warnings only) for a one-shot command. With
    /// `mustExist`, a SQLite file that does not exist is an error rather than a new database.
    func quietApp(mustExist: Bool = false) async throws -> Application {
        if mustExist, case let .sqliteFile(path) = try configuration(), !FileManager.default.fileExists(atPath: path) {
            printError("\(path): no such database; `luodi serve` creates one with the sample portfolio, `luodi import FILE` with your list (or pass --database PATH)")
            throw ExitCode(1)
        }
        var env = Environment(name: "development", arguments: ["luodi"])
        env.arguments = ["luodi"]
        let level = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .warning
        return try await buildApp(AppConfiguration(database: try configuration(), logLevel: level, dataDirectory: dataDir), environment: env)
    }
}

extension DatabaseOptions {
    /// Runs `body` on a quietly built application and always shuts it down; a `ServiceError`
    /// (an unknown zone, no zones yet) or a refusal (`AbortError`, whose reason names the field, as
    /// the API says it) is printed and exits with status 1.
    func withApp<T>(mustExist: Bool = true, _ body: (Application) async throws -> T) async throws -> T {
        let app = try await quietApp(mustExist: mustExist)
        do {
            let result = try await body(app)
            try await app.asyncShutdown()
            return result
        } catch let e as ServiceError {
            try? await app.asyncShutdown()
            printError(e.description)
            throw ExitCode(1)
        } catch let e as any AbortError {
            try? await app.asyncShutdown()
            printError(e.reason)
            throw ExitCode(1)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    /// `--as-of` text as a date.
    static func date(_ text: String?, option: String = "--as-of") throws -> CalendarDate? {
        guard let text else { return nil }
        do { return try CalendarDate(iso: text) } catch { throw ValidationError("\(option): \(error)") }
    }
}

/// Prints to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// `--lang`, shared by every command that prints labels.
struct LanguageOption: ParsableArguments {
    @ArgumentParser.Option(help: "Language of the labels: zh-Hans or en.") var lang: String = "zh-Hans"

    /// The language chosen.
    /// - Throws: a validation error naming `--lang` for any other value.
    func language() throws -> Language {
        guard ["zh-Hans", "en"].contains(lang) else { throw ValidationError("--lang: use zh-Hans or en") }
        return Language.negotiate(explicit: lang, acceptLanguage: nil)
    }
}

/// `--format table|json` of the listing commands.
enum TableOrJSON: String, ExpressibleByArgument, CaseIterable {
    case table, json
}
