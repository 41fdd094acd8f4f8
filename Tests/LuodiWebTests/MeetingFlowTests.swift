import Foundation
import LuodiCore
import LuodiStore
import Testing
import VaporTesting
@testable import LuodiWeb

/// A dispatch meeting on the template's projects on Tuesday 28 September 2021 (next meeting
/// 8 October): the generated agenda, reordering, minutes, an action item that raises a problem.
@Suite struct MeetingFlowTests {

    @Test func theAgendaPutsTheMostUrgentFirstAndActionsBecomeProblems() async throws {
        try await withLuodiApp { app in
            _ = try await app.importCSV(templateCSV)
            let zone = try #require(try await app.portfolioRepository.zone(named: "测试开发区"))
            let projects = try await app.portfolioRepository.projects(zoneID: zone.id)
            let jm01 = try #require(projects.first { $0.plan.project.key == "JM-01" }?.id)
            let jm02 = try #require(projects.first { $0.plan.project.key == "JM-02" }?.id)
            // Problem A on JM-02, escalated with an order due 18 September (10 days late on the 28th).
            let a = try await app.sendJSON(.POST, "/api/v1/problems", #"{"projectID": "\#(jm02)", "title": "征地拆迁", "raisedBy": "王", "raisedOn": "2021-09-01", "ownerDepartment": "自然资源局", "deadline": "2021-09-10"}"#, expect: .created)
            let aID = try #require(a["id"] as? String)
            _ = try await app.sendJSON(.POST, "/api/v1/problems/\(aID)/actions", #"{"version": 1, "action": "escalate", "by": "主任", "on": "2021-09-11", "deadline": "2021-09-18", "rectificationPlan": "区里协调"}"#, expect: .ok)
            // Problem B on JM-01, due 20 September (8 days late).
            _ = try await app.sendJSON(.POST, "/api/v1/problems", #"{"projectID": "\#(jm01)", "title": "施工用电", "raisedBy": "企业", "raisedOn": "2021-09-01", "ownerDepartment": "供电公司", "deadline": "2021-09-20"}"#, expect: .created)

            let meeting = try await app.sendJSON(.POST, "/api/v1/meetings", #"{"title": "第39周调度会", "heldOn": "2021-09-28", "nextMeeting": "2021-10-08"}"#, expect: .created)
            let id = try #require(meeting["id"] as? String)
            let agenda = try #require(meeting["agenda"] as? [[String: Any]]).map { $0["item"] as? [String: Any] ?? [:] }
            // A's order 10 days late; B 8 days; JM-01 red (completion 25 % vs 74.25 % elapsed: 49.25 points behind, no days late);
            // JM-01's 主体封顶 due 30 September, in 2 days. JM-02 is red only through A's order, which has its own item.
            #expect(agenda.map { $0["title"] as? String } == ["征地拆迁", "施工用电", "新能源汽车零部件产业园", "新能源汽车零部件产业园 · 主体封顶"])
            try await app.testing().test(.GET, "/meetings/\(id)?lang=zh-Hans") { res in
                let html = res.body.string
                #expect(html.contains("区(市)督办(城市道路提升工程),限 2021-09-18 办结,已逾期 10 天"))
                #expect(html.contains("问题(新能源汽车零部件产业园)限 2021-09-20 办结,已逾期 8 天"))
                #expect(html.contains("节点「主体封顶」计划 2021-09-30 完成(还有 2 天)"))
            }

            // Reorder (put the red project first), add an item, write decisions; a stale version is refused.
            let edited = try await app.sendJSON(.PUT, "/api/v1/meetings/\(id)", #"""
                {"version": 1, "attendees": "党工委书记、各部门负责人", "order": [3, 1, 2, 4], "added": [{"title": "安全生产", "note": "汛期"}],
                 "decisions": [{"position": 1, "decision": "区里本周内完成补偿协议"}]}
                """#, expect: .ok)
            let titles = (edited["agenda"] as? [[String: Any]] ?? []).map { ($0["item"] as? [String: Any])?["title"] as? String }
            #expect(titles == ["新能源汽车零部件产业园", "征地拆迁", "施工用电", "新能源汽车零部件产业园 · 主体封顶", "安全生产"])
            #expect((edited["agenda"] as? [[String: Any]])?[1]["decision"] as? String == "区里本周内完成补偿协议")
            _ = try await app.sendJSON(.PUT, "/api/v1/meetings/\(id)", #"{"version": 1, "attendees": "x"}"#, expect: .conflict, mentions: "version 1")
            _ = try await app.sendJSON(.PUT, "/api/v1/meetings/\(id)", #"{"version": 2, "order": [1, 1]}"#, expect: .unprocessableEntity, mentions: "order:")
            _ = try await app.sendJSON(.PUT, "/api/v1/meetings/\(id)", #"{"version": 2, "order": [2, 3, 4, 5], "decisions": [{"position": 1, "decision": "x"}]}"#,
                                       expect: .unprocessableEntity, mentions: "decisions: the item at position 1 is removed by order")
            // On the page, a stale version is refused before anything, even a move that would change nothing.
            try await app.testing().test(.POST, "/meetings/\(id)/edit", beforeRequest: { req in
                req.headers.contentType = .urlEncodedForm
                req.body = ByteBuffer(string: "version=1&op=up&position=1")
            }) { res in #expect(res.status == .conflict) }
            try await app.testing().test(.POST, "/meetings/\(id)/edit", beforeRequest: { req in
                req.headers.contentType = .urlEncodedForm
                req.body = ByteBuffer(string: "version=2&op=remove&position=9")
            }) { res in #expect(res.status == .unprocessableEntity && res.body.string.contains("position: no agenda item at position 9")) }

            // An action item on the red project raises a problem on it, owned and dated.
            let acted = try await app.sendJSON(.POST, "/api/v1/meetings/\(id)/actions",
                                       #"{"version": 2, "agendaPosition": 1, "title": "加快投资进度", "ownerDepartment": "招商一局", "deadline": "2021-10-15", "by": "会议"}"#, expect: .ok)
            let action = try #require((acted["actions"] as? [[String: Any]])?.first)
            #expect(action["agendaTitle"] as? String == "新能源汽车零部件产业园" && action["ownerDepartment"] as? String == "招商一局")
            let problems = try await app.problemRepository.problems(zoneID: zone.id)
            let raised = try #require(problems.first { $0.problem.title == "加快投资进度" })
            let due = try CalendarDate(iso: "2021-10-15"), held = try CalendarDate(iso: "2021-09-28")
            #expect(raised.projectID == jm01 && raised.problem.deadline == due && raised.problem.raisedOn == held)
            _ = try await app.sendJSON(.POST, "/api/v1/meetings/\(id)/actions",
                               #"{"version": 3, "title": "x", "ownerDepartment": "y", "deadline": "2021-09-01", "by": "z"}"#, expect: .unprocessableEntity, mentions: "deadline:")
            // A decision can change a department's target instead: set with the action item, in one write.
            let retargeted = try await app.sendJSON(.POST, "/api/v1/meetings/\(id)/target-actions",
                                                    #"{"version": 3, "agendaPosition": 1, "department": "招商一局", "metricKey": "newSignedProjects", "annualTarget": 12}"#)
            #expect((retargeted["actions"] as? [[String: Any]])?.last?["title"] as? String == "目标调整 / target: 招商一局 新签约项目 2021 — → 12 个")
            let targets = try await TargetRepository(db: app.db).targets(zoneID: zone.id, year: 2021)
            #expect(targets.map { "\($0.department) \($0.metricKey) \($0.annualTarget)" } == ["招商一局 newSignedProjects 12.0"])
            try await app.sendJSON(.POST, "/api/v1/meetings/\(id)/target-actions", #"{"version": 4, "department": "招商一局", "metricKey": "roads", "annualTarget": 3}"#,
                                   expect: .unprocessableEntity, mentions: "metricKey: 'roads'")
            // On the page, a refused action item shows the meeting again with the reason and what was typed.
            try await app.testing().test(.POST, "/meetings/\(id)/action?lang=zh-Hans", beforeRequest: { req in
                req.headers.contentType = .urlEncodedForm
                req.body = ByteBuffer(string: "version=4&title=%E8%A1%A5%E5%8A%9E%E6%89%8B%E7%BB%AD&ownerDepartment=%E5%BB%BA%E8%AE%BE%E5%B1%80&deadline=2021-09-01&by=%E4%BC%9A%E8%AE%AE")
            }) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("deadline: 2021-09-01 is before the meeting (2021-09-28)") && res.body.string.contains(#"value="补办手续""#))
            }
        }
    }
}
