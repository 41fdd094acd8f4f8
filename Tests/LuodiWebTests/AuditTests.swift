import Fluent
import Foundation
import LuodiCore
@testable import LuodiStore
import Testing
import VaporTesting
@testable import LuodiWeb

/// Every kind of change leaves an audit entry, written in the change's own transaction.
@Suite struct AuditTests {
    /// A project changed by an import has the change in its own history, before and after.
    @Test func anImportsChangeIsInTheProjectsHistory() async throws {
        try await withLuodiApp { app in
            _ = try await app.importCSV(templateCSV)
            let again = try await app.importCSV(templateCSV.replacingOccurrences(of: "\"50,000\"", with: "60000"))
            #expect(again.outcome?.projectsUpdated == 1 && again.outcome?.projectsUnchanged == 1)
            let zone = try #require(try await app.portfolioRepository.zone(named: "测试开发区"))
            let jm01 = try #require(try await app.portfolioRepository.projects(zoneID: zone.id).first { $0.plan.project.key == "JM-01" })
            try await app.testing().test(.GET, "/api/v1/audit?projectID=\(jm01.id)") { res in
                let mine = try JSONSerialization.jsonObject(with: Data(buffer: res.body)) as! [[String: Any]]
                let entry = try #require(mine.first { $0["action"] as? String == "import" })
                // 50,000 万元 = 50,000,000,000 fen before; 60,000 万元 after
                #expect((entry["old"] as? String)?.contains(#""minorUnits":50000000000"#) == true && (entry["new"] as? String)?.contains(#""minorUnits":60000000000"#) == true)
                #expect(mine.count == 1)
            }
        }
    }

    @Test func everyKindOfChangeIsRecordedWithBeforeAndAfter() async throws {
        try await withLuodiApp { app in
            _ = try await app.importCSV(templateCSV)
            let zone = try #require(try await app.portfolioRepository.zone(named: "测试开发区"))
            let jm01 = try #require(try await app.portfolioRepository.projects(zoneID: zone.id).first { $0.plan.project.key == "JM-01" })
            try await app.sendJSON(.PUT, "/api/v1/reporting-cycle", #"{"cycle": "monthly"}"#)
            let report = try await app.sendJSON(.POST, "/api/v1/reports", #"{"projectID": "\#(jm01.id)", "period": "2021-02", "investmentInPeriod": "500万", "narrative": "开工", "reportedBy": "招商一局", "reportedOn": "2021-02-27"}"#, expect: .created)
            try await app.sendJSON(.PUT, "/api/v1/reports/\(report["id"] as? String ?? "")", #"{"projectID": "\#(jm01.id)", "period": "2021-02", "investmentInPeriod": "600万", "narrative": "开工", "reportedBy": "招商一局", "version": 1, "changedBy": "李四"}"#)
            try await app.sendJSON(.POST, "/api/v1/periods/2021-02/close", #"{"by": "办公室"}"#)
            let problem = try await app.sendJSON(.POST, "/api/v1/problems", #"{"projectID": "\#(jm01.id)", "title": "用电", "raisedBy": "企业", "raisedOn": "2021-03-01", "ownerDepartment": "供电公司", "deadline": "2021-03-31"}"#, expect: .created)
            try await app.sendJSON(.POST, "/api/v1/problems/\(problem["id"] as? String ?? "")/actions", #"{"version": 1, "action": "assign", "by": "主任", "on": "2021-03-02"}"#)
            // A refused action writes no entry.
            try await app.sendJSON(.POST, "/api/v1/problems/\(problem["id"] as? String ?? "")/actions", #"{"version": 1, "action": "resolve", "by": "乙"}"#, expect: .conflict)
            try await app.sendJSON(.PUT, "/api/v1/targets", #"{"year": 2021, "targets": [{"department": "招商一局", "metricKey": "newSignedProjects", "annualTarget": 10}]}"#)
            try await app.sendJSON(.POST, "/api/v1/talents", #"{"department": "招商一局", "category": "doctorate", "on": "2021-03-01", "count": 2}"#, expect: .created)
            let meeting = try await app.sendJSON(.POST, "/api/v1/meetings", #"{"heldOn": "2021-03-05"}"#, expect: .created)
            try await app.sendJSON(.PUT, "/api/v1/meetings/\(meeting["id"] as? String ?? "")", #"{"version": 1, "attendees": "书记"}"#)
            try await app.sendJSON(.PUT, "/api/v1/projects/\(jm01.id)/links", #"{"version": \#(jm01.version), "links": [{"predecessor": "开工", "successor": "主体封顶", "type": "FS", "lagDays": 0}]}"#)
            _ = try await app.portfolioRepository.updateCalendarExceptions(zoneID: zone.id, changes: [try CalendarDate(iso: "2021-06-30"): false])

            var entries: [[String: Any]] = []
            try await app.testing().test(.GET, "/api/v1/audit") { res in
                entries = try JSONSerialization.jsonObject(with: Data(buffer: res.body)) as! [[String: Any]]
            }
            let kinds = entries.reversed().map { "\($0["entity"] as? String ?? "") \($0["action"] as? String ?? "") \($0["actor"] as? String ?? "")" }
            // The actor is the signed-in account (the tests' administrator, by API token), whatever
            // name the change carries; changes made outside a request (the import and the calendar
            // here, as the CLI makes them) carry the name given, "—" when none. An administrator
            // also sees the changes of no zone: the test account and its token.
            #expect(kinds == [
                "user create —", "token create tester",
                "import apply —", "zone reportingCycle tester", "report file tester", "report edit tester", "period close tester",
                "problem raise tester", "problem assign tester", "target set tester", "talent add tester", "meeting create tester",
                "meeting update tester", "links replace tester", "calendar update —",
            ])
            // Before and after are kept: the edit's old and new amounts, the target's nothing → 10.
            let edit = try #require(entries.first { $0["action"] as? String == "edit" })
            #expect((edit["old"] as? String)?.contains(#""minorUnits":500000000"#) == true && (edit["new"] as? String)?.contains(#""minorUnits":600000000"#) == true)
            let target = try #require(entries.first { $0["entity"] as? String == "target" })
            #expect(target["old"] == nil && target["new"] as? String == "10")
            // Per project: JM-01's entries only (its report, problem and links).
            try await app.testing().test(.GET, "/api/v1/audit?projectID=\(jm01.id)") { res in
                let mine = try JSONSerialization.jsonObject(with: Data(buffer: res.body)) as! [[String: Any]]
                #expect(Set(mine.compactMap { $0["entity"] as? String }) == ["report", "problem", "links"] && mine.count == 5)
            }
            try await app.testing().test(.GET, "/audit?by=%E2%80%94&lang=zh-Hans") { res in
                #expect(res.status == .ok && res.body.string.contains("<td>apply</td>") && !res.body.string.contains("<td>assign</td>"))
            }
            // Exported: the project's 5 entries as CSV, a header row first, the problem's title inside its JSON.
            try await app.testing().test(.GET, "/audit.csv?project=\(jm01.id)&lang=en") { res in
                let text = String(decoding: Data(buffer: res.body).dropFirst(3), as: UTF8.self)
                let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
                #expect(res.headers.contentType?.subType == "csv" && lines.count == 1 + 5)
                #expect(lines.first == "Time (UTC),By,Project,Record,id,Action,Before,After")
                #expect(lines.dropFirst().allSatisfy { $0.contains(",tester,新能源汽车零部件产业园,") } && text.contains("用电"))
            }
        }
    }

    @Test func anEntryFallsWithItsTransaction() async throws {
        try await withLuodiApp { app in
            _ = try await app.importCSV(templateCSV)
            let zone = try #require(try await app.portfolioRepository.zone(named: "测试开发区"))
            struct Refused: Error {}
            await #expect(throws: Refused.self) {
                try await app.db.transaction { tx in
                    try await AuditLog.write(on: tx, zoneID: zone.id, entity: "test", entityID: "x", action: "write", actor: "t", old: Nothing?.none, new: "y")
                    throw Refused()
                }
            }
            #expect(try await AuditLog.entries(on: app.db, zoneID: zone.id).map(\.entity) == ["import"])
        }
    }
}
