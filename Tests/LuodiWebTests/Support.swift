import Foundation
import Testing
import Vapor
import VaporTesting
@testable import LuodiWeb
import LuodiStore

/// Test configuration, read in this one place: PostgreSQL when `DATABASE_URL` is set, else
/// in-memory SQLite. Each test gets its own PostgreSQL database, so tests can run in parallel.
enum TestDatabase {
    static var postgresURL: URL? {
        ProcessInfo.processInfo.environment["DATABASE_URL"].flatMap { $0.hasPrefix("postgres") ? URL(string: $0) : nil }
    }
}

/// At most `limit` tests hold a PostgreSQL database at once: each test's application keeps its
/// own connections, and two hundred tests started together exceed the server's 100 connections.
actor DatabaseSlots {
    static let shared = DatabaseSlots(limit: 8)
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []
    init(limit: Int) { free = limit }

    func acquire() async {
        if free > 0 { free -= 1; return }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
    }
}

/// Builds the real application on a fresh database, runs `body`, shuts down and drops the database.
func withLuodiApp(_ body: (Application) async throws -> Void) async throws {
    if TestDatabase.postgresURL != nil { await DatabaseSlots.shared.acquire() }
    do {
        try await withLuodiAppHoldingASlot(body)
    } catch {
        if TestDatabase.postgresURL != nil { await DatabaseSlots.shared.release() }
        throw error
    }
    if TestDatabase.postgresURL != nil { await DatabaseSlots.shared.release() }
}

private func withLuodiAppHoldingASlot(_ body: (Application) async throws -> Void) async throws {
    var dropName: String?
    let config: StoreConfiguration
    if let base = TestDatabase.postgresURL {
        let name = "luodi_t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        // PostgreSQL refuses a CREATE DATABASE while another one copies template1 at the same
        // moment ("source database is being accessed by other users"); parallel tests try again.
        var attempt = 0
        while true {
            do { try await adminSQL(base, "CREATE DATABASE \(name)"); break } catch where attempt < 10 {
                attempt += 1
                try await Task.sleep(nanoseconds: UInt64(100_000_000 * attempt))
            }
        }
        dropName = name
        config = .postgres(base.deletingLastPathComponent().appendingPathComponent(String(name)))
    } else {
        config = .sqliteMemory
    }
    // Photos go to a fresh temporary folder, never into the working directory.
    let dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("luodi-test-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: dataDirectory) }
    // Errors only: refused requests (401, 403, 404, 409, 422) are what many tests send on purpose.
    let app = try await buildApp(AppConfiguration(database: config, logLevel: .error, dataDirectory: dataDirectory), environment: .testing)
    var failure: Error?
    do { try await signInAsAdministrator(app) } catch { failure = error }
    if failure == nil { do { try await body(app) } catch { failure = error } }
    try await app.asyncShutdown()
    if let dropName, let base = TestDatabase.postgresURL { try await adminSQL(base, "DROP DATABASE \(dropName)") }
    if let failure { throw failure }
}

/// The login of the administrator every test request acts as unless it says otherwise.
let testAdministrator = "tester"

/// Makes the administrator `tester` with an API token and sends that token with every request
/// that brings no credentials of its own and no `X-Test-Anonymous` header, so tests of features
/// act as an administrator and the access tests choose who asks. The password hash is not a
/// Bcrypt hash, so nobody can sign in as `tester`.
private func signInAsAdministrator(_ app: Application) async throws {
    let account = try await AccountRepository(db: app.db).create(
        login: testAdministrator, settings: AccountSettings(name: "Test administrator", role: .administrator, zoneID: nil),
        passwordHash: "-", mustChangePassword: false)
    let (_, token) = try await AccountService(db: app.db).createToken(for: account, name: "tests")
    app.middleware.use(TestCredentials(token: token), at: .beginning)
}

/// See `signInAsAdministrator`.
private struct TestCredentials: AsyncMiddleware {
    let token: String
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if req.headers.first(name: "X-Test-Anonymous") == nil, req.headers[.authorization].isEmpty, req.headers[.cookie].isEmpty {
            req.headers.bearerAuthorization = BearerAuthorization(token: token)
        }
        return try await next.respond(to: req)
    }
}

/// Runs one statement on the base PostgreSQL database (to create or drop a test database).
private func adminSQL(_ url: URL, _ sql: String) async throws {
    let app = try await Application.make(.testing)
    app.logger.logLevel = .warning
    do {
        app.databases.use(.postgres(configuration: try SQLPostgresConfiguration(url: url)), as: .psql)
        try await (app.db as! any SQLDatabase).raw(SQLQueryString(sql)).run()
    } catch {
        try await app.asyncShutdown()
        throw error
    }
    try await app.asyncShutdown()
}

/// Two made-up projects in Luodi's template, with values worked by hand in the tests.
let templateCSV = """
编号,项目名称,项目类别,责任单位,总投资(万元),年度计划投资(万元),累计完成投资(万元),入库日期,计划开工,计划竣工,节点名称,节点类型,节点计划完成,节点实际完成
JM-01,新能源汽车零部件产业园,产业项目,招商一局,"50,000",12000,3000,2021-03-15,2021-02-26,2022-12-31,开工,开工,2021-02-26,2021-02-26
JM-01,新能源汽车零部件产业园,,,,,,,,,主体封顶,封顶,2021-09-30,
JM-02,城市道路提升工程,基础设施,建设局,8.5亿元,2亿,,,,2021/6/30,,,,

"""

extension Application {
    /// Sends a JSON body to `path`, expects `status` (and, if given, a reason that mentions
    /// `mentions`), and returns the response's JSON object when it is 200 or 201 (else empty).
    @discardableResult
    func sendJSON(_ method: HTTPMethod, _ path: String, _ body: String, expect status: HTTPStatus = .ok,
                  mentions: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) async throws -> [String: Any] {
        var out: [String: Any] = [:]
        try await testing().test(method, path, beforeRequest: { req in
            req.headers.contentType = .json
            req.body = ByteBuffer(string: body)
        }) { res in
            #expect(res.status == status, "\(path): \(res.body.string)", sourceLocation: sourceLocation)
            if let mentions { #expect(res.body.string.contains(mentions), "\(res.body.string)", sourceLocation: sourceLocation) }
            if res.status == .ok || res.status == .created {
                out = try JSONSerialization.jsonObject(with: Data(buffer: res.body)) as? [String: Any] ?? [:]
            }
        }
        return out
    }

    /// Imports CSV text through the same service as the CLI and the pages.
    /// The body of a GET that must answer 200.
    func download(_ path: String) async throws -> Data {
        var data = Data()
        try await testing().test(.GET, path) { res in
            #expect(res.status == .ok, "\(path): \(res.status)")
            data = Data(buffer: res.body)
        }
        return data
    }

    func importCSV(_ text: String, profile: String = "luodi", zone: String? = "测试开发区", dryRun: Bool = false) async throws -> ImportService.Report {
        try await ImportService(repository: portfolioRepository).run(
            .init(data: Data(text.utf8), fileName: "list.csv", profile: profile, zoneName: zone, dryRun: dryRun))
    }
}

import FluentPostgresDriver
import SQLKit
