import Vapor
import LuodiStore

/// Everything the application needs to start, read once (by the CLI) and passed in.
public struct AppConfiguration: Sendable {
    public var database: StoreConfiguration
    public var hostname: String
    public var port: Int
    /// Load the bundled sample portfolio when the database has no project.
    public var loadSamplesIfEmpty: Bool
    /// Largest upload accepted by the import page and API, in bytes.
    public var uploadLimit: Int
    /// Log level of the application logger (`LOG_LEVEL`); `warning` keeps CLI output clean.
    public var logLevel: Logger.Level

    public init(database: StoreConfiguration, hostname: String = "127.0.0.1", port: Int = 8080,
                loadSamplesIfEmpty: Bool = false, uploadLimit: Int = 32 * 1024 * 1024, logLevel: Logger.Level = .info) {
        self.logLevel = logLevel
        self.database = database
        self.hostname = hostname
        self.port = port
        self.loadSamplesIfEmpty = loadSamplesIfEmpty
        self.uploadLimit = uploadLimit
    }
}
