import ArgumentParser
import Vapor

/// `luodi migrate`: create or upgrade the schema and exit.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create or upgrade the database schema.")
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let app = try await db.quietApp()
        try await app.asyncShutdown()
        print("database is up to date")
    }
}
