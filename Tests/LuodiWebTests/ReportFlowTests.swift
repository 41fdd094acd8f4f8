import Foundation
import LuodiCore
import LuodiStore
import Testing
import VaporTesting
@testable import LuodiWeb

/// Weekly reports on the template's JM-01 (annual plan 12,000 万元, imported completed 3,000 万元):
/// the derived year-to-date figure, freshness, closing a period, its snapshot and a logged correction.
@Suite struct ReportFlowTests {
    private func json(_ res: TestingHTTPResponse) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(buffer: res.body)) as! [String: Any]
    }


    private func project(_ app: Application, _ id: UUID, asOf: String) async throws -> [String: Any] {
        var out: [String: Any] = [:]
        try await app.testing().test(.GET, "/api/v1/projects/\(id)?asOf=\(asOf)") { res in out = try json(res) }
        return out
    }

    private func ids(_ app: Application) async throws -> (zone: StoredZone, jm01: UUID, jm02: UUID) {
        let zone = try #require(try await app.portfolioRepository.zone(named: "测试开发区"))
        let projects = try await app.portfolioRepository.projects(zoneID: zone.id)
        return (zone, try #require(projects.first { $0.plan.project.key == "JM-01" }?.id), try #require(projects.first { $0.plan.project.key == "JM-02" }?.id))
    }

    /// 万元 → minor units (fen).
    private func wan(_ v: Int64) -> Int64 { v * 10_000 * 100 }

    @Test func reportsDriveTheYearToDateFigureAndAClosedPeriodOnlyChangesByALoggedCorrection() async throws {
        try await withLuodiApp { app in
            _ = try await app.importCSV(templateCSV)
            let (zone, jm01, jm02) = try await ids(app)
            // Without a cycle a report is refused, naming what to do.
            _ = try await app.sendJSON(.POST, "/api/v1/reports", #"{"projectID": "\#(jm01)", "period": "2021-W09", "narrative": "x", "reportedBy": "y"}"#,
                               expect: .unprocessableEntity, mentions: "no reporting cycle")
            _ = try await app.sendJSON(.PUT, "/api/v1/reporting-cycle", #"{"zone": "测试开发区", "cycle": "weekly"}"#, expect: .ok)

            // Before any report: the imported 3,000 万元 stands, and the project is flagged (no report at all).
            var before = try await project(app, jm01, asOf: "2021-03-10")
            #expect(((before["project"] as? [String: Any])?["completedInvestment"] as? [String: Any])?["minorUnits"] as? Int64 == wan(3000))
            #expect((before["reporting"] as? [String: Any])?["reportOverdue"] as? Bool == true)

            let w09 = try await app.sendJSON(.POST, "/api/v1/reports", #"""
                {"projectID": "\#(jm01)", "period": "2021-W09", "investmentInPeriod": "1,500万", "narrative": "桩基施工", "reportedBy": "招商一局", "reportedOn": "2021-03-08"}
                """#, expect: .created)
            #expect(w09["version"] as? Int == 1 && w09["periodStart"] as? String == "2021-03-01" && w09["periodEnd"] as? String == "2021-03-07")
            let w10 = try await app.sendJSON(.POST, "/api/v1/reports", #"""
                {"projectID": "\#(jm01)", "period": "2021-W10", "investmentInPeriod": "800万元", "narrative": "主体施工开始",
                 "milestoneActuals": [{"milestone": "主体封顶", "actualStart": "2021-03-09"}], "reportedBy": "招商一局", "reportedOn": "2021-03-12"}
                """#, expect: .created)
            let w10id = try #require(w10["id"] as? String)

            // 10 March (W10 begun): 1,500 + 800 = 2,300 万元, summed from the two reports, replacing the imported figure.
            before = try await project(app, jm01, asOf: "2021-03-10")
            #expect(((before["project"] as? [String: Any])?["completedInvestment"] as? [String: Any])?["minorUnits"] as? Int64 == wan(2300))
            let reporting = try #require(before["reporting"] as? [String: Any])
            #expect(reporting["lastReportedPeriod"] as? String == "2021-W10" && reporting["reportOverdue"] as? Bool == false
                    && reporting["completedInvestmentFromReports"] as? Bool == true)
            // The report's actual start reached the milestone.
            #expect((before["milestones"] as? [[String: Any]])?.first { $0["name"] as? String == "主体封顶" }?["actualStart"] as? String == "2021-03-09")
            // 7 March (W10 not begun): only W09's 1,500 万元.
            let earlier = try await project(app, jm01, asOf: "2021-03-07")
            #expect(((earlier["project"] as? [String: Any])?["completedInvestment"] as? [String: Any])?["minorUnits"] as? Int64 == wan(1500))
            // 24 March (W12): W11 was due and not filed → "no report since".
            let late = try await project(app, jm01, asOf: "2021-03-24")
            #expect((late["reporting"] as? [String: Any])?["reportOverdue"] as? Bool == true)
            // JM-02 never reported: flagged, no completed figure.
            let other = try await project(app, jm02, asOf: "2021-03-10")
            #expect((other["reporting"] as? [String: Any])?["reportOverdue"] as? Bool == true)
            #expect((other["project"] as? [String: Any])?["completedInvestment"] == nil)

            // The battle map and the problem list flag it too.
            try await app.testing().test(.GET, "/battle-map?asOf=2021-03-10&lang=zh-Hans") { res in
                #expect(res.body.string.contains("城市道路提升工程 [逾期未报]") && !res.body.string.contains("新能源汽车零部件产业园 [逾期未报]"))
            }
            try await app.sendJSON(.POST, "/api/v1/problems", #"{"projectID": "\#(jm02)", "title": "征地", "raisedBy": "王", "raisedOn": "2021-03-01", "ownerDepartment": "建设局", "deadline": "2021-03-31"}"#, expect: .created)
            try await app.testing().test(.GET, "/problems?asOf=2021-03-10&lang=zh-Hans") { res in
                #expect(res.body.string.contains("城市道路提升工程<span class=\"flag\">尚未报送</span>"))
            }

            // Bad input is refused naming the field, and nothing is written.
            _ = try await app.sendJSON(.POST, "/api/v1/reports", #"{"projectID": "\#(jm01)", "period": "2021-W10", "narrative": "again", "reportedBy": "y"}"#,
                               expect: .conflict, mentions: "already has a report for 2021-W10 (version 1)")
            _ = try await app.sendJSON(.POST, "/api/v1/reports", #"{"projectID": "\#(jm02)", "period": "2021-03", "narrative": "x", "reportedBy": "y"}"#,
                               expect: .unprocessableEntity, mentions: "period: '2021-03' is not a period of the zone's weekly cycle")
            _ = try await app.sendJSON(.POST, "/api/v1/reports", #"{"projectID": "\#(jm02)", "period": "2021-W11", "investmentInPeriod": "很多", "narrative": "x", "reportedBy": "y"}"#,
                               expect: .unprocessableEntity, mentions: "investmentInPeriod:")
            _ = try await app.sendJSON(.POST, "/api/v1/reports", #"{"projectID": "\#(jm01)", "period": "2021-W11", "narrative": "x", "reportedBy": "y", "milestoneActuals": [{"milestone": "竣工验收", "actualFinish": "2021-03-16"}]}"#,
                               expect: .unprocessableEntity, mentions: "no milestone named '竣工验收'")
            _ = try await app.sendJSON(.POST, "/api/v1/reports", #"{"projectID": "\#(jm01)", "period": "2021-W11", "narrative": "x", "reportedBy": "y", "milestoneActuals": [{"milestone": "主体封顶", "actualFinish": "2021-03-22"}]}"#,
                               expect: .unprocessableEntity, mentions: "actualFinish 2021-03-22 is after period 2021-W11 ends (2021-03-21)")
            _ = try await app.sendJSON(.POST, "/api/v1/reports", #"{"projectID": "\#(jm01)", "period": "2021-W11", "narrative": " ", "reportedBy": "y"}"#,
                               expect: .unprocessableEntity, mentions: "narrative: required")
            _ = try await app.sendJSON(.POST, "/api/v1/reports", #"{"projectID": "\#(jm01)", "period": "2021-W11", "narrative": "x"}"#,
                               expect: .badRequest, mentions: "reportedBy: required")
            #expect(try await app.reportRepository.reports(zoneID: zone.id).count == 2)

            // Closing W10 keeps every project's status at its end (14 March) as a snapshot.
            let closed = try await app.sendJSON(.POST, "/api/v1/periods/2021-W10/close", #"{"zone": "测试开发区", "by": "办公室"}"#, expect: .ok)
            #expect(((closed["period"] as? [String: Any])?["closed"] as? [String: Any])?["closedBy"] as? String == "办公室")
            #expect(closed["reported"] as? Int == 1 && closed["expected"] as? Int == 2)
            _ = try await app.sendJSON(.POST, "/api/v1/periods/2021-W10/close", #"{"zone": "测试开发区", "by": "办公室"}"#,
                               expect: .unprocessableEntity, mentions: "already closed")
            let snapshot = try await app.reportRepository.snapshots(zoneID: zone.id, period: "2021-W10")
            #expect(snapshot.map(\.projectName) == ["城市道路提升工程", "新能源汽车零部件产业园"])
            #expect(snapshot.first { $0.projectID == jm01 }?.completedInvestment?.minorUnits == wan(2300))
            // JM-01 had finished one milestone (开工) at the close.
            #expect(snapshot.first { $0.projectID == jm01 }?.milestonesFinished == 1)

            // A closed period takes no new report, and changes its reports only with a reason.
            _ = try await app.sendJSON(.POST, "/api/v1/reports", #"{"projectID": "\#(jm02)", "period": "2021-W10", "narrative": "迟报", "reportedBy": "建设局"}"#,
                               expect: .unprocessableEntity, mentions: "2021-W10 is closed")
            let edit = #"{"projectID": "\#(jm01)", "period": "2021-W10", "investmentInPeriod": "1000万", "narrative": "主体施工开始", "reportedBy": "招商一局", "reportedOn": "2021-03-12", "version": VERSION REASON}"#
            _ = try await app.sendJSON(.PUT, "/api/v1/reports/\(w10id)", edit.replacingOccurrences(of: "VERSION REASON", with: "1"),
                               expect: .unprocessableEntity, mentions: "reason: period 2021-W10 is closed")
            _ = try await app.sendJSON(.PUT, "/api/v1/reports/\(w10id)", edit.replacingOccurrences(of: "VERSION REASON", with: #"7, "reason": "统计口径更正""#),
                               expect: .conflict, mentions: "version 7")
            let corrected = try await app.sendJSON(.PUT, "/api/v1/reports/\(w10id)",
                                           edit.replacingOccurrences(of: "VERSION REASON", with: #"1, "reason": "统计局核定为1000万""#), expect: .ok)
            #expect(corrected["version"] as? Int == 2)
            let revision = try #require((corrected["revisions"] as? [[String: Any]])?.first)
            #expect(revision["correction"] as? Bool == true && revision["reason"] as? String == "统计局核定为1000万")
            #expect(((revision["previous"] as? [String: Any])?["investmentInPeriod"] as? [String: Any])?["minorUnits"] as? Int64 == wan(800))
            // The figure follows the correction (1,500 + 1,000); the snapshot keeps what was known at the close.
            let after = try await project(app, jm01, asOf: "2021-03-14")
            #expect(((after["project"] as? [String: Any])?["completedInvestment"] as? [String: Any])?["minorUnits"] as? Int64 == wan(2500))
            #expect(try await app.reportRepository.snapshots(zoneID: zone.id, period: "2021-W10").first { $0.projectID == jm01 }?.completedInvestment?.minorUnits == wan(2300))
        }
    }
}
