import Foundation
import LuodiCore
import Testing
import VaporTesting
@testable import LuodiWeb

/// "A red project returns to green only through amber", read from the last closed period's snapshot.
@Suite struct RecoveringFromRedTests {
    @Test func aRedProjectComesBackThroughAmberWhenTheZoneAsksForIt() async throws {
        try await withLuodiApp { app in
            _ = try await app.importCSV(templateCSV)
            let zone = try #require(try await app.portfolioRepository.zone(named: "测试开发区"))
            let jm02 = try #require(try await app.portfolioRepository.projects(zoneID: zone.id).first { $0.plan.project.key == "JM-02" })
            try await app.sendJSON(.PUT, "/api/v1/reporting-cycle", #"{"cycle": "monthly"}"#)
            // JM-02's district order is due 24 February: red when February closes.
            let p = try await app.sendJSON(.POST, "/api/v1/problems", #"{"projectID": "\#(jm02.id)", "title": "征地拆迁", "raisedBy": "王", "raisedOn": "2021-02-01", "ownerDepartment": "自然资源局", "deadline": "2021-02-20"}"#, expect: .created)
            let id = try #require(p["id"] as? String)
            try await app.sendJSON(.POST, "/api/v1/problems/\(id)/actions", #"{"version": 1, "action": "escalate", "by": "主任", "on": "2021-02-21", "deadline": "2021-02-24", "rectificationPlan": "区里协调"}"#)
            try await app.sendJSON(.POST, "/api/v1/periods/2021-02/close", #"{"by": "办公室"}"#)
            #expect(try await app.reportRepository.snapshots(zoneID: zone.id, period: "2021-02").first { $0.projectID == jm02.id }?.assessment.status == .red)
            // Resolved on 5 March: on the 10th JM-02 is green under the standard rules …
            try await app.sendJSON(.POST, "/api/v1/problems/\(id)/actions", #"{"version": 2, "action": "resolve", "by": "自然资源局", "on": "2021-03-05"}"#)
            let march10 = try CalendarDate(iso: "2021-03-10")
            #expect(try await app.portfolioService.assess(jm02, of: zone, asOf: march10).assessment.status == .green)
            // … and amber, with the reason, once the zone switches the rule on: February's close said red.
            var rules = zone.zone.ruleSet
            rules.redReturnsThroughAmber = true
            let strict = try await app.portfolioRepository.updateRuleSet(zoneID: zone.id, rules)
            let assessed = try await app.portfolioService.assess(jm02, of: strict, asOf: march10)
            #expect(assessed.assessment.status == .amber && assessed.assessment.reasons.map(\.reason) == [.recoveringFromRed])
            // On 28 February, February itself is not yet "the last closed assessment" before that day: January's is, and there is none.
            let feb28 = try await app.portfolioService.assess(jm02, of: strict, asOf: try CalendarDate(iso: "2021-02-28"))
            #expect(feb28.assessment.status == .red)
            try await app.testing().test(.GET, "/projects/\(jm02.id)?asOf=2021-03-10&lang=zh-Hans") { res in
                #expect(res.body.string.contains("上期为红灯,须经黄灯方可转绿"))
            }
        }
    }
}
