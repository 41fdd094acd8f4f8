import Fluent
import Foundation
import LuodiCore
@testable import LuodiStore
import Testing
import VaporTesting
@testable import LuodiWeb

/// SQL-injection payloads through every input that reaches a query: stored and shown back as
/// typed, matching nothing they do not literally contain, and leaving every table as it was.
@Suite struct InjectionTests {
    /// Classic payloads (OWASP Testing Guide, "Testing for SQL Injection"): quote break-out with
    /// a tautology, statement stacking, comment truncation, LIKE wildcards, a UNION read.
    static let payloads = [
        "' OR '1'='1",
        "'; DROP TABLE projects; --",
        "\"; DELETE FROM audit_log; --",
        "x') UNION SELECT login, password_hash FROM users --",
        "%' OR 1=1 --",
    ]

    func encoded(_ s: String) -> String { s.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? s }

    @Test func payloadsAreDataNeverSQL() async throws {
        try await withLuodiApp { app in
            // given: a project whose name and department are payloads, next to an ordinary one
            func q(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
            var csv = "编号,项目名称,责任单位\nN-0,普通项目,建设局\n"
            for (i, p) in Self.payloads.enumerated() { csv += "P-\(i),\(q("项目" + p)),\(q(p))\n" }
            let imported = try await app.importCSV(csv)
            #expect(imported.ok, "\(imported.errors)")
            let zone = try #require(try await app.portfolioRepository.zone(named: "测试开发区"))
            let stored = try await app.portfolioRepository.projects(zoneID: zone.id)
            #expect(Set(stored.map(\.plan.project.name)) == Set(["普通项目"] + Self.payloads.map { "项目" + $0 }))
            #expect(Set(stored.compactMap(\.plan.project.department)) == Set(["建设局"] + Self.payloads))
            let pid = try #require(stored.first { $0.plan.project.key == "N-0" }).id
            let body = { (s: String) in String(data: try! JSONEncoder().encode(s), encoding: .utf8)! }
            for p in Self.payloads {
                // when: the payload as a search, a filter, a zone name, a problem, an audit filter and a login
                try await app.testing().test(.GET, "/api/v1/projects?q=\(encoded(p))") { res in
                    let items = (try JSONSerialization.jsonObject(with: Data(buffer: res.body)) as? [String: Any])?["items"] as? [[String: Any]]
                    // then: it matches exactly the project that contains it, never all of them
                    #expect(res.status == .ok && items?.map { $0["name"] as? String } == ["项目" + p], "\(p)")
                }
                try await app.testing().test(.GET, "/api/v1/projects?department=\(encoded(p))") { res in
                    let items = (try JSONSerialization.jsonObject(with: Data(buffer: res.body)) as? [String: Any])?["items"] as? [[String: Any]]
                    #expect(items?.count == 1, "\(p)")
                }
                try await app.testing().test(.GET, "/api/v1/dashboard?zone=\(encoded(p))") { res in #expect(res.status == .notFound) }
                try await app.testing().test(.GET, "/api/v1/audit?actor=\(encoded(p))") { res in
                    #expect(res.status == .ok && res.body.string == "[]", "\(p)")
                }
                let raised = try await app.sendJSON(.POST, "/api/v1/problems", """
                    {"projectID": "\(pid)", "title": \(body(p)), "raisedBy": \(body(p)), "ownerDepartment": \(body(p)), "deadline": "2099-01-31"}
                    """, expect: .created)
                #expect((raised["problem"] as? [String: Any])?["title"] as? String == p)
                try await app.testing().test(.POST, "/login", beforeRequest: { req in
                    req.headers.add(name: "X-Test-Anonymous", value: "1")
                    req.headers.contentType = .urlEncodedForm
                    req.body = .init(string: "login=\(encoded(p))&password=\(encoded(p))")
                }) { res in #expect(res.status == .unauthorized, "\(p)") }
            }
            // and every table is whole: the projects, the audit log, the accounts
            #expect(try await ProjectRecord.query(on: app.db).count() == 1 + Self.payloads.count)
            #expect(try await UserRecord.query(on: app.db).count() == 1)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "raise").count() == Self.payloads.count)
            #expect(try await LoginAttemptRecord.query(on: app.db).count() == Self.payloads.count)
        }
    }
}
