import Foundation
import LuodiCore
import Testing
import VaporTesting
@testable import LuodiWeb

@Suite struct LinkEditingTests {
    func project(_ app: Application) async throws -> (id: UUID, version: Int) {
        _ = try await app.importCSV(templateCSV)
        let zone = try #require(try await app.portfolioRepository.zone(named: "测试开发区"))
        let p = try #require(try await app.portfolioRepository.projects(zoneID: zone.id).first { $0.plan.project.key == "JM-01" })
        return (p.id, p.version)
    }

    @Test func theAPIReplacesLinksAndRefusesStaleOrBadEdits() async throws {
        try await withLuodiApp { app in
            let (id, version) = try await project(app)
            let body = #"{"version": \#(version), "links": [{"predecessor": "开工", "successor": "主体封顶", "type": "FS", "lagDays": 100}]}"#
            try await app.testing().test(.PUT, "/api/v1/projects/\(id)/links", headers: ["Content-Type": "application/json"],
                                         body: ByteBuffer(string: body)) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("\"version\" : \(version + 1)"))
            }
            let stored = try #require(try await app.portfolioRepository.project(id: id))
            #expect(stored.project.plan.links == [MilestoneLink(predecessor: "开工", successor: "主体封顶", lagDays: 100)])
            // The same body again is based on the old version now: refused, nothing lost.
            try await app.testing().test(.PUT, "/api/v1/projects/\(id)/links", headers: ["Content-Type": "application/json"],
                                         body: ByteBuffer(string: body)) { res in
                #expect(res.status == .conflict)
                #expect(res.body.string.contains("based on version \(version), it is now at version \(version + 1)"))
            }
            let cyclic = #"{"version": \#(version + 1), "links": [{"predecessor": "开工", "successor": "主体封顶", "type": "FS", "lagDays": 0}, {"predecessor": "主体封顶", "successor": "开工", "type": "FS", "lagDays": 0}]}"#
            try await app.testing().test(.PUT, "/api/v1/projects/\(id)/links", headers: ["Content-Type": "application/json"],
                                         body: ByteBuffer(string: cyclic)) { res in
                #expect(res.status == .unprocessableEntity && res.body.string.contains("cycle"))
            }
            let unknown = #"{"version": \#(version + 1), "links": [{"predecessor": "供地", "successor": "开工", "type": "FS", "lagDays": 0}]}"#
            try await app.testing().test(.PUT, "/api/v1/projects/\(id)/links", headers: ["Content-Type": "application/json"],
                                         body: ByteBuffer(string: unknown)) { res in
                #expect(res.status == .unprocessableEntity && res.body.string.contains("'供地' is not a milestone of this project"))
            }
            #expect(try #require(try await app.portfolioRepository.project(id: id)).project.version == version + 1)
        }
    }

    @Test func thePageFormSavesAndKeepsTheInputOnARefusal() async throws {
        try await withLuodiApp { app in
            let (id, version) = try await project(app)
            let form = "version=\(version)&p0=&p1=" + "开工 FS+5".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            try await app.testing().test(.POST, "/projects/\(id)/links?asOf=2021-06-30", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                         body: ByteBuffer(string: form)) { res in
                #expect(res.status == .seeOther)
            }
            #expect(try #require(try await app.portfolioRepository.project(id: id)).project.plan.links == [MilestoneLink(predecessor: "开工", successor: "主体封顶", lagDays: 5)])
            try await app.testing().test(.GET, "/projects/\(id)?asOf=2021-06-30") { res in
                #expect(res.body.string.contains("value=\"开工 FS+5\""))
            }
            let bad = "version=\(version + 1)&p0=&p1=" + "供地 XX".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            try await app.testing().test(.POST, "/projects/\(id)/links", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                         body: ByteBuffer(string: bad)) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("主体封顶: &#39;供地 XX&#39; is not a milestone of this project") || res.body.string.contains("主体封顶: '供地 XX' is not a milestone"))
                #expect(res.body.string.contains("value=\"供地 XX\""))
            }
        }
    }
}
