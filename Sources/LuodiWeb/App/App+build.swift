import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import LuodiStore
import Vapor

/// Builds the application from its configuration: database, migrations, samples, routes.
/// The CLI and the tests build the same app through this function.
/// - Throws: database connection or migration errors, with the database named.
public func buildApp(_ config: AppConfiguration, environment: Environment = .development) async throws -> Application {
    let app = try await Application.make(environment)
    do {
        try await configure(app, config)
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
    return app
}

/// Configures an existing application (see `buildApp`).
public func configure(_ app: Application, _ config: AppConfiguration) async throws {
    app.logger.logLevel = config.logLevel
    switch config.database {
    case let .sqliteFile(path): app.databases.use(.sqlite(.file(path)), as: .sqlite)
    case .sqliteMemory: app.databases.use(.sqlite(.memory), as: .sqlite)
    case let .postgres(url): app.databases.use(.postgres(configuration: try SQLPostgresConfiguration(url: url)), as: .psql)
    }
    app.migrations.add(LuodiMigrations.all)
    try await app.autoMigrate()
    app.http.server.configuration.hostname = config.hostname
    app.http.server.configuration.port = config.port
    app.routes.defaultMaxBodySize = ByteCount(value: config.uploadLimit + 1024 * 1024)
    app.storage[UploadLimitKey.self] = config.uploadLimit
    app.storage[DataDirectoryKey.self] = config.resolvedDataDirectory
    if config.loadSamplesIfEmpty, try await app.portfolioRepository.isEmpty() {
        for report in try await SamplePortfolio.load(into: ImportService(repository: app.portfolioRepository, leads: LeadRepository(db: app.db))) {
            app.logger.notice("sample \(report.file): \(report.projects) projects, \(report.milestones) milestones into zone \(report.zone ?? "?")\(report.ok ? "" : " FAILED: \(report.errors.first?.description ?? "")")")
        }
        if try await !AccountRepository(db: app.db).hasAdministrator() {
            let (_, password) = try await AccountService(db: app.db).create(
                login: "admin", settings: AccountSettings(name: "Administrator", role: .administrator, zoneID: nil), password: nil)
            app.storage[SampleAdministratorKey.self] = password
        }
    }
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(PageErrorMiddleware())
    app.middleware.use(LanguageCookieMiddleware())
    app.middleware.use(AccessMiddleware())
    try routes(app)
}

extension PortfolioService {
    /// The service over one database, with its problems and reports, showing what `visibility` allows.
    static func on(_ db: any Database, visibility: Visibility = .everything) -> PortfolioService {
        PortfolioService(repository: FluentPortfolioRepository(db: db, visibility: visibility), problems: ProblemRepository(db: db), reports: ReportRepository(db: db))
    }
}

struct UploadLimitKey: StorageKey { typealias Value = Int }
struct SampleAdministratorKey: StorageKey { typealias Value = String }
struct DataDirectoryKey: StorageKey { typealias Value = String }

extension Application {
    /// The one-time password of the administrator `admin` made with the sample portfolio, when
    /// this start made them (printed once by `luodi serve`).
    public var sampleAdministratorPassword: String? { storage[SampleAdministratorKey.self] }

    /// Refuses to serve a database without an enabled administrator, saying how to make one.
    /// - Throws: `AccountError.invalid` with the command to run.
    public func requireAdministrator() async throws {
        guard try await AccountRepository(db: db).hasAdministrator() else {
            throw AccountError.invalid(field: "administrator", reason: "this database has no administrator, so nobody could sign in; create one with `luodi user add LOGIN --name NAME --admin` (same --database), then serve again")
        }
    }

    /// The repository over this application's database.
    public var portfolioRepository: any PortfolioRepository { FluentPortfolioRepository(db: db) }
    /// The portfolio service over this application's database.
    public var portfolioService: PortfolioService { .on(db) }
    /// The problems and supervision orders of this application's database.
    public var problemRepository: ProblemRepository { ProblemRepository(db: db) }
    /// The progress reports and reporting periods of this application's database.
    public var reportRepository: ReportRepository { ReportRepository(db: db) }
    var uploadLimit: Int { storage[UploadLimitKey.self] ?? 32 * 1024 * 1024 }
    /// Report photos, in this application's data directory.
    public var photos: ReportPhotos { ReportPhotos(db: db, directory: storage[DataDirectoryKey.self] ?? "luodi-data") }
}

extension Request {
    /// The portfolio as the signed-in account may see it.
    var portfolio: PortfolioService { .on(db, visibility: visibility) }
    /// The portfolio repository as the signed-in account may see it.
    var portfolioRepository: FluentPortfolioRepository { FluentPortfolioRepository(db: db, visibility: visibility) }
    var problems: ProblemRepository { ProblemRepository(db: db) }
    var reports: ReportRepository { ReportRepository(db: db) }
    var photos: ReportPhotos { ReportPhotos(db: db, directory: application.storage[DataDirectoryKey.self] ?? "luodi-data") }
    var importer: ImportService { ImportService(repository: FluentPortfolioRepository(db: db), leads: LeadRepository(db: db)) }
    var uploads: UploadRepository { UploadRepository(db: db) }
    var language: Language {
        Language.negotiate(explicit: query[String.self, at: "lang"] ?? cookies["lang"]?.string,
                           acceptLanguage: headers.first(name: .acceptLanguage))
    }
}
