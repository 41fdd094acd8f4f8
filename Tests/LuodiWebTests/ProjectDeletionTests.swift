import Foundation
import LuodiCore
@testable import LuodiStore
import Testing
import VaporTesting
@testable import LuodiWeb

/// Deleting a project hides it everywhere and loses nothing; an administrator restores it as it was.
@Suite struct ProjectDeletionTests {
    @Test func aDeletedProjectIsHiddenKeptAndRestored() async throws {
        try await withLuodiApp { app in
            // given: the template's two projects
            _ = try await app.importCSV(templateCSV)
            let zone = try #require(try await app.portfolioRepository.zone(named: "测试开发区"))
            let jm01 = try #require(try await app.portfolioRepository.projects(zoneID: zone.id).first { $0.plan.project.key == "JM-01" })
            let problem = try await app.sendJSON(.POST, "/api/v1/problems", #"{"projectID": "\#(jm01.id)", "title": "用电", "raisedBy": "r", "ownerDepartment": "o", "deadline": "2099-01-01"}"#, expect: .created)
            let problemID = try #require(problem["id"] as? String)
            // when: deleted from an old version, it is refused; from the current one, it goes
            try await app.sendJSON(.DELETE, "/api/v1/projects/\(jm01.id)", #"{"version": \#(jm01.version - 1)}"#, expect: .conflict)
            try await app.sendJSON(.DELETE, "/api/v1/projects/\(jm01.id)", #"{"version": \#(jm01.version)}"#, expect: .noContent)
            // then: gone from the list, the project page, the dashboard's count and the problem form
            let list = try await app.sendJSON(.GET, "/api/v1/projects", "")
            #expect((list["items"] as? [[String: Any]])?.map { $0["name"] as? String } == ["城市道路提升工程"])
            try await app.sendJSON(.GET, "/api/v1/projects/\(jm01.id)", "", expect: .notFound)
            try await app.sendJSON(.POST, "/api/v1/problems", #"{"projectID": "\#(jm01.id)", "title": "t", "raisedBy": "r", "ownerDepartment": "o", "deadline": "2099-01-01"}"#,
                                   expect: .notFound)
            // its problems leave the lists and cannot be acted on (by the API or the command line's store call)
            try await app.testing().test(.GET, "/api/v1/problems?view=all") { res in #expect(res.body.string == "[]") }
            await #expect(throws: StoreError.self) {
                _ = try await app.problemRepository.act(try #require(UUID(uuidString: problemID)), expectedVersion: 1, action: .assign, by: "x",
                                                        on: try CalendarDate(iso: "2021-03-01"), note: nil, order: nil)
            }
            // the project list links the deleted projects for an administrator, not for a viewer
            try await app.testing().test(.GET, "/projects?lang=zh-Hans") { res in #expect(res.body.string.contains("href=\"/projects/deleted?zone=")) }
            let (viewer, _) = try await AccountService(db: app.db).create(login: "kan", settings: AccountSettings(name: "看", role: .viewer, zoneID: zone.id), password: "correct horse 1")
            let viewerToken = try await AccountService(db: app.db).createToken(for: viewer, name: "t").secret
            try await app.testing().test(.GET, "/projects?lang=zh-Hans", headers: ["Authorization": "Bearer \(viewerToken)"]) { res in
                #expect(res.status == .ok && !res.body.string.contains("/projects/deleted"))
            }
            try await app.testing().test(.GET, "/projects/deleted?lang=zh-Hans") { res in
                #expect(res.status == .ok && res.body.string.contains("JM-01 · 新能源汽车零部件产业园") && res.body.string.contains(testAdministrator))
            }
            // a new import of its key is refused, naming it, and writes nothing
            let again = try await app.importCSV(templateCSV)
            #expect(!again.ok && again.errors.map(\.description).joined().contains("JM-01 (新能源汽车零部件产业园) was deleted by tester"))
            #expect(try await app.portfolioRepository.projects(zoneID: zone.id).count == 1)
            // restored, it is back whole: its milestones and actual dates
            let restored = try await app.sendJSON(.POST, "/api/v1/projects/\(jm01.id)/restore", "")
            #expect((restored["milestones"] as? [[String: Any]])?.map { $0["name"] as? String } == ["开工", "主体封顶"])
            #expect((restored["milestones"] as? [[String: Any]])?.first?["actualFinish"] as? String == "2021-02-26")
            try await app.sendJSON(.POST, "/api/v1/projects/\(jm01.id)/restore", "", expect: .notFound)
            // and both are in the audit log, by the account, after the problem raised before
            let entries = try await AuditLog.entries(on: app.db, zoneID: zone.id, projectID: jm01.id).map { "\($0.action) \($0.actor)" }
            #expect(entries == ["restore tester", "delete tester", "raise tester"])
        }
    }
}
