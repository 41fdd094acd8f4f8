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
    /// Where files that are not database rows live (report photos). Nil: next to a SQLite
    /// file (`luodi.sqlite.files/`), a fresh temporary folder for an in-memory database, or
    /// `./luodi-data` with PostgreSQL. Several servers behind a load balancer must share it.
    public var dataDirectory: String?

    public init(database: StoreConfiguration, hostname: String = "127.0.0.1", port: Int = 8080,
                loadSamplesIfEmpty: Bool = false, uploadLimit: Int = 32 * 1024 * 1024, logLevel: Logger.Level = .info,
                dataDirectory: String? = nil) {
        self.dataDirectory = dataDirectory
        self.logLevel = logLevel
        self.database = database
        self.hostname = hostname
        self.port = port
        self.loadSamplesIfEmpty = loadSamplesIfEmpty
        self.uploadLimit = uploadLimit
    }
}

extension AppConfiguration {
    /// The data directory in use (see `dataDirectory`).
    var resolvedDataDirectory: String {
        if let dataDirectory { return dataDirectory }
        switch database {
        case let .sqliteFile(path): return path + ".files"
        case .sqliteMemory: return FileManager.default.temporaryDirectory.appendingPathComponent("luodi-\(UUID().uuidString)").path
        case .postgres: return "luodi-data"
        }
    }
}
