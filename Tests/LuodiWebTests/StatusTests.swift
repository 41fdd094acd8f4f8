import Foundation
import LuodiCore
import Testing
import VaporTesting
@testable import LuodiWeb

@Suite struct StatusTests {
    /// 30 June 2021, by days: 181/365 = 49.59 %. JM-01 has 3000 of 12000 万 done = 25 %, 24.59
    /// points behind → amber; JM-02 gives no completed figure → green.
    @Test func handWorkedStatusOn30June2021() async throws {
        try await withLuodiApp { app in
            let imported = try await app.importCSV(templateCSV)
            #expect(imported.ok && imported.committed, "\(imported.errors)")

            let r = try await app.portfolioService.status(zoneName: "测试开发区", asOf: try CalendarDate(iso: "2021-06-30"))
            #expect(r.projects == 2 && r.milestones == 2 && r.overdueMilestones == 0)
            #expect(r.timeElapsedShare == ShareFigure(TimeElapsedShare(asOf: try CalendarDate(iso: "2021-06-30"))))
            #expect(r.timeElapsedShare.percent == 49.59)
            // 1.2亿 + 2亿 = 3.2亿 = 320,000,000 yuan; 0.3亿 done; 5亿 + 8.5亿 total.
            #expect(r.plannedInvestment == .single(Money(minorUnits: 32_000_000_000, currency: .cny)))
            #expect(r.completedInvestment == .single(Money(minorUnits: 3_000_000_000, currency: .cny)))
            #expect(r.totalInvestment == .single(Money(minorUnits: 135_000_000_000, currency: .cny)))
            #expect(r.completionPercent == 25 && r.comparableProjects == 1 && r.behindPoints == 24.59)
            #expect(r.rag == RAGCounts(red: 0, amber: 1, green: 1))
            #expect(r.byDepartment.map(\.name) == ["建设局", "招商一局"])
            #expect(r.byDepartment.map(\.rag.amber) == [0, 1])
            #expect(r.lagging.map(\.name) == ["新能源汽车零部件产业园"])

            // 31 October: 主体封顶 (due 30 September) is 31 days late → one overdue milestone.
            let oct = try await app.portfolioService.status(zoneName: "测试开发区", asOf: try CalendarDate(iso: "2021-10-31"))
            #expect(oct.overdueMilestones == 1)
        }
    }

    @Test func apiDashboardEqualsTheServiceReport() async throws {
        try await withLuodiApp { app in
            _ = try await app.importCSV(templateCSV)
            let expected = try await app.portfolioService.status(zoneName: nil, asOf: try CalendarDate(iso: "2021-06-30"))
            try await app.testing().test(.GET, "/api/v1/dashboard?asOf=2021-06-30") { res in
                #expect(res.status == .ok)
                let got = try JSONDecoder().decode(StatusReport.self, from: Data(buffer: res.body))
                #expect(got == expected)
                #expect(got.rag.amber == 1)
            }
            try await app.testing().test(.GET, "/api/v1/dashboard?asOf=2021-02-30") { res in
                #expect(res.status == .badRequest)
                #expect(res.body.string.contains("asOf"))
            }
            try await app.testing().test(.GET, "/api/v1/dashboard?zone=nowhere") { res in
                #expect(res.status == .notFound)
            }
        }
    }

    @Test func zonesOfTwoCurrenciesAreNeverAdded() async throws {
        try await withLuodiApp { app in
            _ = try await app.importCSV(templateCSV)
            let us = """
            name,total_investment
            School,"$1,234.50"
            """
            let report = try await ImportService(repository: app.portfolioRepository).run(.init(
                data: Data(us.utf8), fileName: "us.csv",
                mapping: (Data(#"{"name": "us", "zone": {"name": "US zone", "currency": "USD"}, "identity": {"columns": ["name"]}, "project": {"name": {"column": "name"}, "totalInvestment": {"column": "total_investment"}}}"#.utf8), "us.json")))
            #expect(report.ok, "\(report.errors)")
            let all = try await app.portfolioService.status(zoneName: nil, asOf: try CalendarDate(iso: "2021-06-30"))
            #expect(all.zones?.count == 2)
            #expect(all.totalInvestment == .perCurrency([Money(minorUnits: 135_000_000_000, currency: .cny), Money(minorUnits: 123_450, currency: .usd)]))
        }
    }
}

@Suite struct OpenAPITests {
    @Test func theDocumentListsEveryAPIRoute() async throws {
        try await withLuodiApp { app in
            try await app.testing().test(.GET, "/api/v1/openapi.json") { res in
                #expect(res.status == .ok)
                let doc = try JSONSerialization.jsonObject(with: Data(buffer: res.body)) as! [String: Any]
                let paths = (doc["paths"] as! [String: [String: Any]])
                // Every registered /api/v1 route (method and path) is described, and nothing else.
                let registered = Set(app.routes.all.compactMap { route -> String? in
                    let parts = route.path.map { $0.description.hasPrefix(":") ? "{\($0.description.dropFirst())}" : $0.description }
                    let path = "/" + parts.joined(separator: "/")
                    guard path.hasPrefix("/api/v1/"), path != "/api/v1/openapi.json" else { return nil }
                    return "\(route.method.rawValue.lowercased()) \(path)"
                })
                let described = Set(paths.flatMap { path, methods in methods.keys.map { "\($0) \(path)" } })
                #expect(described == registered)
                #expect(registered.contains("post /api/v1/reports") && registered.contains("put /api/v1/projects/{id}/links"))
            }
        }
    }
}
