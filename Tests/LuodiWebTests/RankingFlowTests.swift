import Foundation
import LuodiCore
import Testing
import VaporTesting
@testable import LuodiWeb

/// Targets, reported actuals, derived actuals and the ranking on the template's two projects at
/// 30 June 2021 (time elapsed 181/365 = 0.495890…), worked by hand.
@Suite struct RankingFlowTests {

    @Test func theRankingIsRecomputableByHand() async throws {
        try await withLuodiApp { app in
            _ = try await app.importCSV(templateCSV)
            try await app.sendJSON(.PUT, "/api/v1/reporting-cycle", #"{"cycle": "monthly"}"#, expect: .ok)
            // A zone that keeps typing its attraction figures (the standard formula takes them from
            // the lead and talent records): the same five metrics, those three reported per period.
            try await app.sendJSON(.PUT, "/api/v1/ranking-formula", #"""
                {"formula": {"cap": 1.2, "metrics": [
                  {"key": "newSignedProjects", "name": "新签约项目", "unit": "个", "direction": "higherIsBetter", "workLine": "attraction", "weight": 20, "source": "reported"},
                  {"key": "projectsStarted", "name": "新开工项目", "unit": "个", "direction": "higherIsBetter", "workLine": "projects", "weight": 20, "source": "projectsStarted"},
                  {"key": "investmentCompleted", "name": "完成投资", "unit": "万元", "direction": "higherIsBetter", "workLine": "projects", "weight": 30, "source": "investmentCompleted"},
                  {"key": "foreignCapitalUsed", "name": "实际使用外资", "unit": "万美元", "direction": "higherIsBetter", "workLine": "attraction", "weight": 15, "source": "reported"},
                  {"key": "talentsIntroduced", "name": "引进人才", "unit": "人", "direction": "higherIsBetter", "workLine": "attraction", "weight": 15, "source": "reported"}]}}
                """#)
            try await app.sendJSON(.PUT, "/api/v1/targets", #"""
                {"year": 2021, "targets": [
                  {"department": "招商一局", "metricKey": "newSignedProjects", "annualTarget": 10},
                  {"department": "招商一局", "metricKey": "projectsStarted", "annualTarget": 2},
                  {"department": "招商一局", "metricKey": "investmentCompleted", "annualTarget": 12000},
                  {"department": "招商一局", "metricKey": "talentsIntroduced", "annualTarget": 100},
                  {"department": "建设局", "metricKey": "projectsStarted", "annualTarget": 1},
                  {"department": "建设局", "metricKey": "investmentCompleted", "annualTarget": 20000}]}
                """#, expect: .ok)
            for (period, metric, value) in [("2021-01", "newSignedProjects", 2.0), ("2021-05", "newSignedProjects", 3.0),
                                             ("2021-07", "newSignedProjects", 4.0), ("2021-03", "talentsIntroduced", 60.0)] {
                try await app.sendJSON(.POST, "/api/v1/targets/actuals",
                               #"{"department": "招商一局", "metricKey": "\#(metric)", "period": "\#(period)", "value": \#(value), "by": "招商一局"}"#, expect: .ok)
            }
            // Derived metrics are never typed; unknown metrics, negative values and bad periods are named.
            try await app.sendJSON(.POST, "/api/v1/targets/actuals", #"{"department": "建设局", "metricKey": "projectsStarted", "period": "2021-05", "value": 1, "by": "x"}"#,
                           expect: .unprocessableEntity, mentions: "derived from the projects")
            try await app.sendJSON(.POST, "/api/v1/targets/actuals", #"{"department": "建设局", "metricKey": "roads", "period": "2021-05", "value": 1, "by": "x"}"#,
                           expect: .unprocessableEntity, mentions: "metricKey: 'roads' is not a metric")
            try await app.sendJSON(.POST, "/api/v1/targets/actuals", #"{"department": "建设局", "metricKey": "talentsIntroduced", "period": "2021-05", "value": -1, "by": "x"}"#,
                           expect: .unprocessableEntity, mentions: "value:")
            try await app.sendJSON(.POST, "/api/v1/targets/actuals", #"{"department": "建设局", "metricKey": "talentsIntroduced", "period": "2021-W10", "value": 1, "by": "x"}"#,
                           expect: .unprocessableEntity, mentions: "monthly cycle")
            try await app.sendJSON(.PUT, "/api/v1/targets", #"{"year": 2021, "targets": [{"department": "建设局", "metricKey": "roads", "annualTarget": 3}]}"#,
                           expect: .unprocessableEntity, mentions: "targets[0].metricKey")
            try await app.sendJSON(.PUT, "/api/v1/targets", #"{"year": 2021, "targets": [{"department": "建设局", "metricKey": "projectsStarted", "annualTarget": 0}]}"#,
                           expect: .unprocessableEntity, mentions: "targets[0].annualTarget")
            try await app.sendJSON(.PUT, "/api/v1/targets", #"{"year": 2021, "targets": [{"department": "建设局", "metricKey": "projectsStarted", "annualTarget": 2}, {"department": "建设局", "metricKey": "projectsStarted", "annualTarget": 3}]}"#,
                                   expect: .unprocessableEntity, mentions: "targets[1]: repeats the department and metric of targets[0]")
            // A figure so large that a year's sum would stop being a number is refused (it once broke every ranking page).
            try await app.sendJSON(.POST, "/api/v1/targets/actuals", #"{"department": "招商一局", "metricKey": "talentsIntroduced", "period": "2021-04", "value": 1.7e308, "by": "x"}"#,
                                   expect: .unprocessableEntity, mentions: "value: must be a number from 0 to 1,000,000,000,000")
            // A formula may not drop a metric that has targets, nor be empty.
            try await app.sendJSON(.PUT, "/api/v1/ranking-formula", #"{"formula": {"cap": 1.2, "metrics": []}}"#, expect: .unprocessableEntity, mentions: "at least one metric")
            try await app.sendJSON(.PUT, "/api/v1/ranking-formula", #"{"formula": {"cap": 1.2, "metrics": [{"key": "newSignedProjects", "name": "新签约项目", "unit": "个", "direction": "higherIsBetter", "workLine": "attraction", "weight": 20}]}}"#,
                                   expect: .unprocessableEntity, mentions: "metric 'investmentCompleted' has targets (建设局, 2021)")
            // A closed period's figures no longer change.
            try await app.sendJSON(.POST, "/api/v1/periods/2021-01/close", #"{"by": "办公室"}"#)
            try await app.sendJSON(.POST, "/api/v1/targets/actuals", #"{"department": "招商一局", "metricKey": "newSignedProjects", "period": "2021-01", "value": 9, "by": "x"}"#,
                                   expect: .unprocessableEntity, mentions: "period: 2021-01 is closed; its figures can no longer change")
            // Spaces inside a department name do not make a second department.
            try await app.sendJSON(.POST, "/api/v1/targets/actuals", #"{"department": "招商  一局", "metricKey": "talentsIntroduced", "period": "2021-04", "value": 0, "by": "x"}"#)

            var report: [String: Any] = [:]
            try await app.testing().test(.GET, "/api/v1/ranking?asOf=2021-06-30") { res in
                #expect(res.status == .ok, "\(res.body.string)")
                report = try JSONSerialization.jsonObject(with: Data(buffer: res.body)) as! [String: Any]
            }
            let departments = try #require(report["departments"] as? [[String: Any]])
            #expect(departments.map { $0["department"] as? String } == ["招商一局", "建设局"])
            #expect(departments.map { $0["rank"] as? Int } == [1, 2])
            // 招商一局, Σweight = 20 + 20 + 30 + 15 = 85:
            //   signed 5/10 (Jan 2 + May 3; July not begun) → 0.5 ÷ 0.495890 = 1.008287 → 20 × 1.008287 ÷ 85 × 100 = 23.724407
            //   started 1/2 (JM-01's 开工 on 2021-02-26, derived) → 23.724407
            //   investment 3,000/12,000 万元 (JM-01's figure, derived) → 0.504144 → 30 × 0.504144 ÷ 85 × 100 = 17.793305
            //   talents 60/100 → 1.209945, capped at 1.2 → 15 × 1.2 ÷ 85 × 100 = 21.176471
            //   score 86.418590
            let first = departments[0]
            #expect(abs((first["score"] as? Double ?? 0) - 86.41858953) < 1e-6)
            let points = (first["contributions"] as? [[String: Any]] ?? []).map { ($0["metricKey"] as? String ?? "", $0["points"] as? Double ?? 0) }
            #expect(points.map(\.0) == ["newSignedProjects", "projectsStarted", "investmentCompleted", "talentsIntroduced"])
            for (got, want) in zip(points.map(\.1), [23.72440689, 23.72440689, 17.79330517, 21.17647059]) { #expect(abs(got - want) < 1e-6) }
            // 建设局: JM-02 has not started and has no completed figure → 0 on both.
            #expect(departments[1]["score"] as? Double == 0)
            #expect((report["formulaText"] as? [String: String])?["zh-Hans"]?.contains("min(完成率 ÷ 序时进度, 1.2)") == true)

            // The page shows the same figures and the formula.
            try await app.testing().test(.GET, "/targets?asOf=2021-06-30&lang=zh-Hans") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("86.42") && res.body.string.contains("23.72") && res.body.string.contains("min(完成率 ÷ 序时进度, 1.2)"))
            }
        }
    }
}
