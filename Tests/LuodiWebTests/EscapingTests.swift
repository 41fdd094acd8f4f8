import Foundation
import LuodiCore
import Testing
import VaporTesting
@testable import LuodiWeb

/// Markup and formula payloads typed into every field that a page, an SVG, a Markdown or a CSV
/// file shows back: none comes back as live markup or a live formula.
@Suite struct EscapingTests {
    /// OWASP-style payloads: a script element, an attribute break-out, a textarea break-out.
    static let payloads = [
        "<script>alert(1)</script>",
        #""><img src=x onerror=alert(2)>"#,
        "</textarea><svg onload=alert(3)>",
    ]
    /// What must never appear in an HTML or SVG response.
    static let live = ["<script>alert(1)", "<img src=x onerror", "<svg onload", "</textarea><svg"]

    /// A CSV field, quoted (RFC 4180).
    func q(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    @Test func payloadsInEveryFieldStayText() async throws {
        try await withLuodiApp { app in
            let (a, b, c) = (Self.payloads[0], Self.payloads[1], Self.payloads[2])
            let csv = """
            编号,项目名称,项目类别,责任单位,年度计划投资(万元),累计完成投资(万元),计划开工,节点名称,节点类型,节点计划完成,节点实际完成
            X-1,\(q("项目" + a)),产业项目,\(q("局" + b)),1000,100,2021-02-01,\(q("节点" + c)),开工,2021-02-26,2021-02-26

            """
            let imported = try await app.importCSV(csv)
            #expect(imported.ok, "\(imported.errors)")
            let zone = try #require(try await app.portfolioRepository.zone(named: "测试开发区"))
            let project = try #require(try await app.portfolioRepository.projects(zoneID: zone.id).first)
            let pid = project.id
            try await app.sendJSON(.PUT, "/api/v1/reporting-cycle", #"{"cycle": "monthly"}"#)
            let body = { (s: String) in String(data: try! JSONEncoder().encode(s), encoding: .utf8)! }
            let report = try await app.sendJSON(.POST, "/api/v1/reports", """
                {"projectID": "\(pid)", "period": "2021-02", "narrative": \(body("进展" + b)), "reportedBy": \(body("=cmd|' /C calc'!A0" + a)), "reportedOn": "2021-02-27"}
                """, expect: .created)
            let problem = try await app.sendJSON(.POST, "/api/v1/problems", """
                {"projectID": "\(pid)", "title": \(body("问题" + a)), "description": \(body(c)), "raisedBy": \(body(b)), "raisedOn": "2021-02-01",
                 "ownerDepartment": \(body("@SUM(1)" + c)), "deadline": "2021-02-10"}
                """, expect: .created)
            try await app.sendJSON(.PUT, "/api/v1/targets", """
                {"year": 2021, "targets": [{"department": \(body("+部门" + a)), "metricKey": "talentsIntroduced", "annualTarget": 5}]}
                """)
            let meeting = try await app.sendJSON(.POST, "/api/v1/meetings", """
                {"title": \(body("调度会" + b)), "heldOn": "2021-02-28", "nextMeeting": "2021-03-07"}
                """, expect: .created)
            let mid = try #require(meeting["id"] as? String)
            try await app.sendJSON(.PUT, "/api/v1/meetings/\(mid)", """
                {"version": 1, "attendees": \(body(c)), "added": [{"title": \(body(a)), "note": \(body(b))}], "decisions": [{"position": 1, "decision": \(body(c))}]}
                """)
            let rid = try #require(report["id"] as? String), problemID = try #require(problem["id"] as? String)
            // JSON is not markup: the API gives the text back as stored, as application/json (with nosniff).
            try await app.testing().test(.GET, "/api/v1/reports/\(rid)") { res in
                #expect(res.headers.contentType == .json && res.headers.first(name: "X-Content-Type-Options") == "nosniff")
            }

            let pages = ["/?asOf=2021-02-28", "/projects?asOf=2021-02-28", "/projects/\(pid)?asOf=2021-02-28", "/battle-map?asOf=2021-02-28",
                         "/battle-map.svg?asOf=2021-02-28", "/problems?view=all&asOf=2021-02-28", "/problems/\(problemID)",
                         "/reports?period=2021-02", "/projects/\(pid)/report?period=2021-02", "/targets?asOf=2021-02-28",
                         "/meetings", "/meetings/\(mid)", "/bulletin?period=2021-02"]
            for page in pages {
                try await app.testing().test(.GET, page + (page.contains("?") ? "&" : "?") + "lang=zh-Hans") { res in
                    #expect(res.status == .ok, "\(page)")
                    for bad in Self.live { #expect(!res.body.string.contains(bad), "\(page) shows \(bad) live") }
                }
            }
            // The payloads did reach the pages, as text.
            try await app.testing().test(.GET, "/projects/\(pid)?asOf=2021-02-28") { res in
                #expect(res.body.string.contains("项目&lt;script&gt;alert(1)&lt;/script&gt;"))
            }
            try await app.testing().test(.GET, "/bulletin.md?period=2021-02") { res in
                for bad in Self.live { #expect(!res.body.string.contains(bad), "Markdown shows \(bad) live") }
                #expect(res.body.string.contains("项目&lt;script&gt;"))
            }
            try await app.testing().test(.GET, "/bulletin.csv?period=2021-02") { res in
                let text = String(decoding: Data(buffer: res.body).dropFirst(3), as: UTF8.self)
                // Formula-looking cells start with an apostrophe: = + - @ (OWASP CSV injection).
                #expect(text.contains("'@SUM(1)</textarea>") && text.contains("'+部门<script>") && !text.contains(",=cmd") && !text.contains(",@SUM"))
            }
            #expect((problem["problem"] as? [String: Any])?["title"] as? String == "问题" + a)
        }
    }
}
