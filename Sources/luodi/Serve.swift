import ArgumentParser
import Foundation
import LuodiWeb
import Vapor

/// `luodi serve`: migrate, load the sample portfolio into an empty database, serve HTTP.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the web application and the JSON API (creates and migrates the database if needed).")

    @OptionGroup var db: DatabaseOptions
    @ArgumentParser.Option(help: "Address to listen on.") var hostname = "127.0.0.1"
    @ArgumentParser.Option(help: "Port to listen on.") var port = 8080
    @ArgumentParser.Flag(help: "Do not load the bundled sample portfolio into an empty database.") var empty = false

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port: \(port) is not a TCP port (1–65535)") }
    }

    func run() async throws {
        var env = Environment(name: "development", arguments: ["luodi", "serve", "--hostname", hostname, "--port", String(port)])
        try LoggingSystem.bootstrap(from: &env)
        env.arguments = ["luodi", "serve", "--hostname", hostname, "--port", String(port)]
        let level = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        let app = try await buildApp(AppConfiguration(database: try db.configuration(), hostname: hostname, port: port,
                                                      loadSamplesIfEmpty: !empty, logLevel: level, dataDirectory: db.dataDir), environment: env)
        do {
            try await app.requireAdministrator()
            if let password = app.sampleAdministratorPassword {
                print("Sample portfolio loaded. Sign in as administrator 'admin' with the one-time password \(password) (shown once; you will be asked to choose your own).")
            }
            try await app.execute()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
