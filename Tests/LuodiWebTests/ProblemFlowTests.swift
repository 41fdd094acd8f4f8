import Foundation
import LuodiCore
import LuodiStore
import Testing
import VaporTesting
@testable import LuodiWeb

/// A problem's life through the API and the pages: raise → assign → escalate → resolve → close,
/// the optimistic-lock conflict, and the red light of an overdue supervision order.
@Suite struct ProblemFlowTests {
    private func json(_ res: TestingHTTPResponse) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(buffer: res.body)) as! [String: Any]
    }

    private func jm02(_ app: Application) async throws -> UUID {
        let zone = try #require(try await app.portfolioRepository.zone(named: "测试开发区"))
        return try #require(try await app.portfolioRepository.projects(zoneID: zone.id).first { $0.plan.project.name == "城市道路提升工程" }?.id)
    }

    private func act(_ app: Application, _ id: String, _ body: String, expect status: HTTPStatus) async throws -> [String: Any] {
        var out: [String: Any] = [:]
        try await app.testing().test(.POST, "/api/v1/problems/\(id)/actions", beforeRequest: { req in
            req.headers.contentType = .json
            req.body = ByteBuffer(string: body)
        }) { res in
            #expect(res.status == status, "\(res.body.string)")
            if res.status == .ok { out = try json(res) }
        }
        return out
    }

    @Test func anOverdueSupervisionOrderTurnsTheProjectRedUntilTheProblemIsResolved() async throws {
        try await withLuodiApp { app in
            _ = try await app.importCSV(templateCSV)
            let project = try await jm02(app)
            var id = ""
            try await app.testing().test(.POST, "/api/v1/problems", beforeRequest: { req in
                req.headers.contentType = .json
                req.body = ByteBuffer(string: #"{"projectID": "\#(project)", "title": "征地拆迁未完成", "raisedBy": "王科长", "raisedOn": "2021-06-01", "ownerDepartment": "自然资源局", "deadline": "2021-06-10"}"#)
            }) { res in
                #expect(res.status == .created, "\(res.body.string)")
                let body = try json(res)
                id = body["id"] as? String ?? ""
                #expect(body["version"] as? Int == 1)
                #expect((body["problem"] as? [String: Any])?["state"] as? String == "open")
                #expect(body["projectName"] as? String == "城市道路提升工程")
            }
            // 30 June 2021: JM-02 alone is green (no completed figure), JM-01 amber (24.59 points behind).
            let before = try await app.portfolioService.status(zoneName: nil, asOf: try CalendarDate(iso: "2021-06-30"))
            #expect(before.rag == RAGCounts(red: 0, amber: 1, green: 1))

            _ = try await act(app, id, #"{"version": 1, "action": "assign", "by": "主任", "on": "2021-06-02"}"#, expect: .ok)
            // An escalation needs a deadline and a rectification plan; each missing one is named.
            _ = try await act(app, id, #"{"version": 2, "action": "escalate", "by": "主任", "on": "2021-06-11", "deadline": "2021-06-20"}"#, expect: .unprocessableEntity)
            _ = try await act(app, id, #"{"version": 2, "action": "escalate", "by": "主任", "on": "2021-06-11", "rectificationPlan": "x"}"#, expect: .unprocessableEntity)
            let escalated = try await act(app, id, #"{"version": 2, "action": "escalate", "by": "主任", "on": "2021-06-11", "deadline": "2021-06-20", "rectificationPlan": "区领导包案,6月20日前完成补偿协议"}"#, expect: .ok)
            #expect((escalated["problem"] as? [String: Any])?["level"] as? String == "district")
            #expect((escalated["orders"] as? [[String: Any]])?.map { $0["deadline"] as? String } == ["2021-06-20"])
            // The audit log keeps the order with the escalation, by the account that made it.
            let zoneID = try #require(try await app.portfolioRepository.zone(named: "测试开发区")).id
            let logged = try #require(try await AuditLog.entries(on: app.db, zoneID: zoneID).first { $0.action == "escalate" })
            #expect(logged.actor == testAdministrator && logged.new?.contains("区领导包案,6月20日前完成补偿协议") == true && logged.old?.contains(#""level":"zone""#) == true)

            // 30 June: the order (due 20 June) is 10 days overdue → JM-02 red, with the reason.
            let red = try await app.portfolioService.status(zoneName: nil, asOf: try CalendarDate(iso: "2021-06-30"))
            #expect(red.rag == RAGCounts(red: 1, amber: 1, green: 0))
            try await app.testing().test(.GET, "/api/v1/projects/\(project)?asOf=2021-06-30") { res in
                let body = try json(res)
                #expect(body["rag"] as? String == "red")
            }
            try await app.testing().test(.GET, "/projects/\(project)?asOf=2021-06-30") { res in
                #expect(res.body.string.contains("督办事项「征地拆迁未完成」限 2021-06-20 办结,已逾期 10 天"))
                // The project page lists the problem, with its order overdue.
                #expect(res.body.string.contains(">征地拆迁未完成</a>") && res.body.string.contains("区(市) 2021-06-20 逾期"))
            }
            // 20 June itself: due today, not yet overdue.
            let onTheDay = try await app.portfolioService.status(zoneName: nil, asOf: try CalendarDate(iso: "2021-06-20"))
            #expect(onTheDay.rag.red == 0)

            // Closing needs a resolved problem and a note.
            _ = try await act(app, id, #"{"version": 3, "action": "close", "by": "主任", "note": "已签协议"}"#, expect: .unprocessableEntity)
            _ = try await act(app, id, #"{"version": 3, "action": "resolve", "by": "自然资源局", "on": "2021-06-25"}"#, expect: .ok)
            _ = try await act(app, id, #"{"version": 4, "action": "close", "by": "主任", "on": "2021-06-28"}"#, expect: .unprocessableEntity)
            let closed = try await act(app, id, #"{"version": 4, "action": "close", "by": "主任", "on": "2021-06-28", "note": "补偿协议已签订"}"#, expect: .ok)
            #expect((closed["problem"] as? [String: Any])?["state"] as? String == "closed")
            #expect((closed["problem"] as? [String: Any])?["resolutionNote"] as? String == "补偿协议已签订")
            #expect((closed["history"] as? [[String: Any]])?.map { $0["action"] as? String } == ["raise", "assign", "escalate", "resolve", "close"])

            let after = try await app.portfolioService.status(zoneName: nil, asOf: try CalendarDate(iso: "2021-06-30"))
            #expect(after.rag == RAGCounts(red: 0, amber: 1, green: 1))
            // History is not rewritten: on 22 June the order (due 20 June) was overdue and the problem
            // unresolved (resolved only on the 25th), so that day's light is still red, at district level.
            let then = try await app.portfolioService.status(zoneName: nil, asOf: try CalendarDate(iso: "2021-06-22"))
            #expect(then.rag == RAGCounts(red: 1, amber: 1, green: 0))
            let zone = try #require(try await app.portfolioRepository.zone(named: "测试开发区"))
            let on5th = try #require(try await app.problemRepository.problems(zoneID: zone.id, asOf: try CalendarDate(iso: "2021-06-05")).first)
            #expect(on5th.problem.state == .assigned && on5th.problem.level == .zone && on5th.orders.isEmpty && on5th.problem.resolutionNote == nil)
            // Before it was raised, it is not there.
            #expect(try await app.problemRepository.problems(zoneID: zone.id, asOf: try CalendarDate(iso: "2021-05-31")).isEmpty)
        }
    }

    @Test func aStaleVersionIsAConflictAndWritesNothing() async throws {
        try await withLuodiApp { app in
            _ = try await app.importCSV(templateCSV)
            var id = ""
            try await app.testing().test(.POST, "/api/v1/problems", beforeRequest: { req in
                req.headers.contentType = .json
                req.body = ByteBuffer(string: #"{"title": "施工许可待办", "raisedBy": "李", "raisedOn": "2021-06-01", "ownerDepartment": "建设局", "deadline": "2021-06-04"}"#)
            }) { res in id = try json(res)["id"] as? String ?? "" }
            _ = try await act(app, id, #"{"version": 1, "action": "assign", "by": "甲"}"#, expect: .ok)
            // A second editor still holding version 1 is refused; the problem stays assigned, version 2.
            _ = try await act(app, id, #"{"version": 1, "action": "resolve", "by": "乙"}"#, expect: .conflict)
            try await app.testing().test(.GET, "/api/v1/problems/\(id)") { res in
                let body = try json(res)
                #expect(body["version"] as? Int == 2)
                #expect((body["problem"] as? [String: Any])?["state"] as? String == "assigned")
                #expect((body["history"] as? [[String: Any]])?.count == 2)
            }
        }
    }

    @Test func listsAreOpenDueThisWeekAndOverdue() async throws {
        try await withLuodiApp { app in
            _ = try await app.importCSV(templateCSV)
            // Wednesday 2 June 2021: due 4 June (Friday) is this week; due 1 June is overdue;
            // due 15 June is open only.
            for (title, dept, deadline) in [("甲", "建设局", "2021-06-04"), ("乙", "建设局", "2021-06-15"), ("丙", "招商一局", "2021-06-01")] {
                try await app.testing().test(.POST, "/api/v1/problems", beforeRequest: { req in
                    req.headers.contentType = .json
                    req.body = ByteBuffer(string: #"{"title": "\#(title)", "raisedBy": "李", "raisedOn": "2021-05-20", "ownerDepartment": "\#(dept)", "deadline": "\#(deadline)"}"#)
                }) { res in #expect(res.status == .created, "\(res.body.string)") }
            }
            func titles(_ query: String) async throws -> [String] {
                var out: [String] = []
                try await app.testing().test(.GET, "/api/v1/problems?\(query)") { res in
                    let rows = try JSONSerialization.jsonObject(with: Data(buffer: res.body)) as! [[String: Any]]
                    out = rows.compactMap { ($0["problem"] as? [String: Any])?["title"] as? String }.sorted()
                }
                return out
            }
            #expect(try await titles("asOf=2021-06-02") == ["丙", "乙", "甲"])
            #expect(try await titles("asOf=2021-06-02&view=week") == ["甲"])
            #expect(try await titles("asOf=2021-06-02&view=overdue") == ["丙"])
            #expect(try await titles("asOf=2021-06-02&department=%E5%BB%BA%E8%AE%BE%E5%B1%80") == ["乙", "甲"])
            try await app.testing().test(.GET, "/api/v1/problems?view=late") { res in
                #expect(res.status == .badRequest && res.body.string.contains("view"))
            }
            try await app.testing().test(.GET, "/problems?asOf=2021-06-02&view=overdue") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("丙") && res.body.string.contains("招商一局"))
            }
            // A deadline before the day raised is refused, naming the field.
            try await app.testing().test(.POST, "/api/v1/problems", beforeRequest: { req in
                req.headers.contentType = .json
                req.body = ByteBuffer(string: #"{"title": "丁", "raisedBy": "李", "raisedOn": "2021-06-02", "ownerDepartment": "建设局", "deadline": "2021-06-01"}"#)
            }) { res in
                #expect(res.status == .unprocessableEntity && res.body.string.contains("deadline"))
            }
        }
    }

    @Test func thePagesRaiseAndActThroughForms() async throws {
        try await withLuodiApp { app in
            _ = try await app.importCSV(templateCSV)
            var location = ""
            try await app.testing().test(.POST, "/problems", beforeRequest: { req in
                try req.content.encode(["title": "环评批复滞后", "raisedBy": "张", "ownerDepartment": "生态环境分局", "deadline": "2099-01-01"], as: .urlEncodedForm)
            }) { res in
                #expect(res.status == .seeOther)
                location = res.headers.first(name: .location) ?? ""
            }
            #expect(location.hasPrefix("/problems/"))
            try await app.testing().test(.GET, location) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("环评批复滞后") && res.body.string.contains("生态环境分局"))
            }
            try await app.testing().test(.POST, location + "/act", beforeRequest: { req in
                try req.content.encode(["version": "1", "action": "assign", "by": "主任"], as: .urlEncodedForm)
            }) { res in #expect(res.status == .seeOther) }
            // The same form sent again (stale version 1) is refused, not applied twice; the page comes back with the
            // reason and what was typed.
            try await app.testing().test(.POST, location + "/act?lang=zh-Hans", beforeRequest: { req in
                try req.content.encode(["version": "1", "action": "resolve", "by": "主任", "note": "已批复"], as: .urlEncodedForm)
            }) { res in
                #expect(res.status == .conflict)
                #expect(res.body.string.contains("was changed by someone else") && res.body.string.contains(#"value="已批复""#))
                #expect(res.body.string.contains("已交办"))   // the history line, in the past tense
            }
            // A refused raise keeps the form as typed.
            try await app.testing().test(.POST, "/problems?lang=zh-Hans", beforeRequest: { req in
                try req.content.encode(["title": "用地指标", "raisedBy": "张", "ownerDepartment": "自然资源局", "deadline": "2099-02-30"], as: .urlEncodedForm)
            }) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("deadline: ") && res.body.string.contains(#"value="用地指标""#) && res.body.string.contains(#"value="自然资源局""#))
            }
            try await app.testing().test(.GET, "/problems") { res in
                #expect(res.body.string.contains("环评批复滞后"))
            }
        }
    }

    @Test func badInputIsRefusedNamingTheFieldAndWritesNothing() async throws {
        try await withLuodiApp { app in
            _ = try await app.importCSV(templateCSV)
            func raise(_ body: String) async throws -> (HTTPStatus, String) {
                var out: (HTTPStatus, String) = (.ok, "")
                try await app.testing().test(.POST, "/api/v1/problems", beforeRequest: { req in
                    req.headers.contentType = .json
                    req.body = ByteBuffer(string: body)
                }) { res in out = (res.status, res.body.string) }
                return out
            }
            let long = String(repeating: "长", count: 201)
            let tooLong = try await raise(#"{"title": "\#(long)", "raisedBy": "李", "raisedOn": "2021-06-01", "ownerDepartment": "建设局", "deadline": "2021-06-04"}"#)
            #expect(tooLong.0 == .unprocessableEntity && tooLong.1.contains("title: longer than 200 characters"))
            let invisible = try await raise(#"{"title": "\u200b", "raisedBy": "李", "ownerDepartment": "建设局", "deadline": "2099-06-04"}"#)
            #expect(invisible.0 == .unprocessableEntity && invisible.1.contains("title: required"))
            let missing = try await raise(#"{"title": "甲", "raisedBy": "李", "ownerDepartment": "建设局"}"#)
            #expect(missing.0 == .badRequest && missing.1.contains("deadline: required"), "\(missing.1)")
            let badDate = try await raise(#"{"title": "甲", "raisedBy": "李", "ownerDepartment": "建设局", "deadline": "2021-02-30"}"#)
            #expect(badDate.0 == .badRequest && badDate.1.contains("deadline: not a valid value"), "\(badDate.1)")
            let future = try await raise(#"{"title": "甲", "raisedBy": "李", "raisedOn": "2099-01-01", "ownerDepartment": "建设局", "deadline": "2099-06-04"}"#)
            #expect(future.0 == .unprocessableEntity && future.1.contains("raisedOn"))

            let ok = try await raise(#"{"title": "甲", "raisedBy": "李", "raisedOn": "2021-06-01", "ownerDepartment": "建设局", "deadline": "2021-06-04"}"#)
            let id = try JSONSerialization.jsonObject(with: Data(ok.1.utf8)) as! [String: Any]
            let pid = id["id"] as! String
            // An action dated before the problem was raised would put the history out of order.
            _ = try await act(app, pid, #"{"version": 1, "action": "escalate", "by": "x", "on": "2020-01-01", "deadline": "2020-01-02", "rectificationPlan": "p"}"#, expect: .unprocessableEntity)
            _ = try await act(app, pid, #"{"version": 1, "action": "assign", "by": "x", "on": "2099-01-01"}"#, expect: .unprocessableEntity)
            _ = try await act(app, pid, #"{"version": 1, "action": "resolve", "by": "x", "on": "2021-06-03"}"#, expect: .ok)
            try await app.testing().test(.POST, "/api/v1/problems/\(pid)/actions", beforeRequest: { req in
                req.headers.contentType = .json
                req.body = ByteBuffer(string: #"{"version": 2, "action": "close", "by": "x", "on": "2021-06-04"}"#)
            }) { res in #expect(res.status == .unprocessableEntity && res.body.string.contains("note: closing")) }

            // The form refuses what it cannot read instead of dropping it.
            for (field, value) in [("project", "abc"), ("level", "province")] {
                try await app.testing().test(.POST, "/problems", beforeRequest: { req in
                    try req.content.encode(["title": "乙", "raisedBy": "张", "ownerDepartment": "建设局", "deadline": "2099-01-01", field: value], as: .urlEncodedForm)
                }) { res in #expect(res.status == .unprocessableEntity && res.body.string.contains("\(field):"), "\(field)") }
            }
            try await app.testing().test(.POST, "/problems", beforeRequest: { req in
                try req.content.encode(["title": "乙", "raisedBy": "张", "deadline": "2099-01-01"], as: .urlEncodedForm)
            }) { res in #expect(res.status == .unprocessableEntity && res.body.string.contains("ownerDepartment: required")) }
            try await app.testing().test(.GET, "/api/v1/problems?view=all&department=") { res in
                let rows = try JSONSerialization.jsonObject(with: Data(buffer: res.body)) as! [[String: Any]]
                #expect(rows.count == 1)   // only 甲 was written
            }
        }
    }

    @Test func theTextListKeepsOneProblemPerLineAndDefusesFormulas() throws {
        #expect(ProblemText.cell("a\tb\r\nc") == "a b c")
        #expect(ProblemText.cell(#"=HYPERLINK("http://x","y")"#) == #"'=HYPERLINK("http://x","y")"#)
        // A plain number stays a number; anything else starting with - is defused.
        #expect(ProblemText.cell("-3") == "-3")
        #expect(ProblemText.cell("-3+cmd|' /C calc'!A0") == "'-3+cmd|' /C calc'!A0")
        #expect(ProblemText.cell("征地") == "征地")
    }

    /// Two pooled SQLite connections writing at once deadlock and one is refused BUSY; the
    /// repository runs the refused transaction again. Before that, about half of these failed.
    @Test func concurrentActionsOnASQLiteFileAllLand() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("luodi-busy-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let app = try await buildApp(AppConfiguration(database: .sqliteFile(path), logLevel: .warning), environment: .testing)
        do {
            _ = try await app.importCSV(templateCSV)
            let zone = try #require(try await app.portfolioRepository.zone(named: "测试开发区"))
            var ids: [UUID] = []
            for i in 0..<20 {
                ids.append(try await app.problemRepository.raise(Problem(title: "p\(i)", raisedBy: "x", raisedOn: try .init(iso: "2021-06-01"),
                                                        ownerDepartment: "d", deadline: try .init(iso: "2021-06-30")), zoneID: zone.id, projectID: nil))
            }
            let landed = try await withThrowingTaskGroup(of: Int.self) { group in
                for id in ids {
                    // A repository per task: each takes `app.db` on any event loop, so the writes
                    // go through both pooled connections as a server's requests do.
                    group.addTask { try await app.problemRepository.act(id, expectedVersion: 1, action: .assign, by: "p", on: try .init(iso: "2021-06-02"), note: nil, order: nil).version }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(landed == Array(repeating: 2, count: 20))
        } catch {
            try await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
