import Foundation
import LuodiCore
import Testing
import VaporTesting
@testable import LuodiWeb

/// The bulletin of February 2021 on the template's projects, worked by hand: JM-01 reports
/// 500 万元 for February and starts on the 26th; JM-02's supervision order (due 24 February)
/// is overdue; a second problem is closed in the month; January was closed with both green.
@Suite struct BulletinTests {

    @Test func februarysBulletinSaysWhatHappenedInFebruary() async throws {
        try await withLuodiApp { app in
            _ = try await app.importCSV(templateCSV)
            let zone = try #require(try await app.portfolioRepository.zone(named: "测试开发区"))
            let projects = try await app.portfolioRepository.projects(zoneID: zone.id)
            let jm01 = try #require(projects.first { $0.plan.project.key == "JM-01" }?.id)
            let jm02 = try #require(projects.first { $0.plan.project.key == "JM-02" }?.id)
            _ = try await app.sendJSON(.PUT, "/api/v1/reporting-cycle", #"{"cycle": "monthly"}"#)
            _ = try await app.sendJSON(.POST, "/api/v1/periods/2021-01/close", #"{"by": "办公室"}"#)
            _ = try await app.sendJSON(.POST, "/api/v1/reports", #"{"projectID": "\#(jm01)", "period": "2021-02", "investmentInPeriod": "500万", "narrative": "开工", "reportedBy": "招商一局", "reportedOn": "2021-02-27"}"#, expect: .created)
            let p1 = try await app.sendJSON(.POST, "/api/v1/problems", #"{"projectID": "\#(jm02)", "title": "征地拆迁", "raisedBy": "王", "raisedOn": "2021-02-01", "ownerDepartment": "自然资源局", "deadline": "2021-02-20"}"#, expect: .created)
            _ = try await app.sendJSON(.POST, "/api/v1/problems/\(p1["id"] as? String ?? "")/actions", #"{"version": 1, "action": "escalate", "by": "主任", "on": "2021-02-21", "deadline": "2021-02-24", "rectificationPlan": "区里协调"}"#)
            let p2 = try await app.sendJSON(.POST, "/api/v1/problems", #"{"projectID": "\#(jm01)", "title": "施工用电", "raisedBy": "企业", "raisedOn": "2021-02-01", "ownerDepartment": "供电公司", "deadline": "2021-02-25"}"#, expect: .created)
            let p2id = p2["id"] as? String ?? ""
            _ = try await app.sendJSON(.POST, "/api/v1/problems/\(p2id)/actions", #"{"version": 1, "action": "resolve", "by": "供电公司", "on": "2021-02-10"}"#)
            _ = try await app.sendJSON(.POST, "/api/v1/problems/\(p2id)/actions", #"{"version": 2, "action": "close", "by": "主任", "on": "2021-02-12", "note": "已送电"}"#)

            // A department name that looks like markup stays text in the Markdown.
            _ = try await app.sendJSON(.PUT, "/api/v1/targets", #"{"year": 2021, "targets": [{"department": "<i>测试</i>", "metricKey": "talentsIntroduced", "annualTarget": 10}]}"#)

            var b: [String: Any] = [:]
            try await app.testing().test(.GET, "/api/v1/bulletin?period=2021-02") { res in
                #expect(res.status == .ok, "\(res.body.string)")
                b = try JSONSerialization.jsonObject(with: Data(buffer: res.body)) as! [String: Any]
            }
            #expect(b["asOf"] as? String == "2021-02-28" && b["reportsFiled"] as? Int == 1)
            let summary = try #require(b["summary"] as? [String: Any])
            // JM-01: 500 of 12,000 万元 = 4.17 %; time elapsed 59/365 = 16.16 %: 11.998 points behind → amber.
            // JM-02: its district order was due 24 February → red.
            #expect(summary["completionPercent"] as? Double == 4.17 && summary["behindPoints"] as? Double == 12)
            #expect((summary["rag"] as? [String: Int]) == ["red": 1, "amber": 1, "green": 0])
            #expect((b["starts"] as? [[String: Any]])?.map { $0["project"] as? String } == ["新能源汽车零部件产业园"])
            #expect((b["milestonesMet"] as? [[String: Any]])?.map { "\($0["milestone"] ?? "") \($0["date"] ?? "")" } == ["开工 2021-02-26"])
            #expect((b["newSignings"] as? [Any])?.isEmpty == true)
            let changes = try #require(b["changes"] as? [String: Any])
            #expect(changes["previous"] as? String == "2021-01" && changes["newReds"] as? [String] == ["城市道路提升工程"])
            #expect(changes["problemsClosed"] as? [String] == ["施工用电"])
            let overdue = try #require(b["overdueProblems"] as? [[String: Any]])
            #expect(overdue.count == 1 && overdue[0]["title"] as? String == "征地拆迁" && overdue[0]["daysLate"] as? Int == 8 && overdue[0]["supervision"] as? String == "district")
            #expect((b["lagging"] as? [[String: Any]])?.map { $0["rag"] as? String } == ["red", "amber"])

            try await app.testing().test(.GET, "/bulletin.md?period=2021-02&lang=zh-Hans") { res in
                let md = res.body.string
                #expect(res.headers.contentType?.subType == "markdown")
                #expect(md.hasPrefix("# 测试开发区重点项目调度通报(2021-02,2021-02-01 至 2021-02-28)\n"))
                #expect(md.contains("纳入调度项目 2 个,其中红灯 1 个、黄灯 1 个、绿灯 0 个。"))
                #expect(md.contains("年度计划投资 3.20 亿元,累计完成投资 500.00 万元,投资完成率 4.2%;序时进度 16.2%,落后序时进度 12 个百分点。"))
                #expect(md.contains("新增红灯:城市道路提升工程") && md.contains("销号问题:施工用电"))
                #expect(md.contains("| 征地拆迁 | 城市道路提升工程 | 自然资源局 | 2021-02-20 | 8 | 区(市) |"))
                #expect(md.contains("| 1 | &lt;i&gt;测试&lt;/i&gt; | 0.00 |") && !md.contains("<i>"))
            }
            try await app.testing().test(.GET, "/bulletin.csv?period=2021-02&lang=zh-Hans") { res in
                let data = Data(buffer: res.body)
                #expect(data.prefix(3) == Data([0xEF, 0xBB, 0xBF]))
                let text = String(decoding: data.dropFirst(3), as: UTF8.self)
                #expect(text.contains("七、逾期未办结问题,征地拆迁,城市道路提升工程,自然资源局,2021-02-20,8,区(市)\r\n"))
                #expect(text.contains("三、本期开工项目,新能源汽车零部件产业园,招商一局,2021-02-26\r\n"))
            }
            try await app.testing().test(.GET, "/bulletin?period=2021-02&lang=en") { res in
                #expect(res.status == .ok && res.body.string.contains("New reds") && res.body.string.contains("城市道路提升工程"))
            }
            // Closing February keeps its snapshot: the period board and the overview then show the week-over-week changes.
            let board = try await app.sendJSON(.POST, "/api/v1/periods/2021-02/close", #"{"by": "办公室"}"#)
            let weekly = try #require(board["changes"] as? [String: Any])
            #expect(weekly["previous"] as? String == "2021-01" && weekly["newReds"] as? [String] == ["城市道路提升工程"])
            #expect(weekly["greensRegained"] as? [String] == [] && weekly["problemsClosed"] as? [String] == ["施工用电"])
            // JM-01 had finished no milestone at January's close and one (开工) at February's.
            #expect(weekly["milestonesMet"] as? Int == 1)
            try await app.testing().test(.GET, "/?asOf=2021-03-05&lang=zh-Hans") { res in
                #expect(res.body.string.contains("2021-02 较 2021-01 的变化(按两期关闭时的快照)") && res.body.string.contains("新增红灯:城市道路提升工程"))
            }
            try await app.testing().test(.GET, "/api/v1/bulletin?period=2031-01") { res in
                #expect(res.status == .unprocessableEntity && res.body.string.contains("has not begun"))
            }
        }
    }
}
