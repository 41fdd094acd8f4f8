import Foundation
import LuodiCharts
import LuodiCore
import Testing
import VaporTesting
@testable import LuodiWeb

@Suite struct BattleMapTests {
    @Test func thePageGroupsProjectsAndMarksOverdueMilestones() async throws {
        try await withLuodiApp { app in
            _ = try await app.importCSV(templateCSV)
            try await app.testing().test(.GET, "/battle-map?asOf=2021-10-31") { res in
                #expect(res.status == .ok)
                let html = res.body.string
                #expect(html.contains("class=\"battle-map\""))
                // Grouped by department: 建设局 and 招商一局, one project each.
                #expect(html.contains("建设局 (1)") && html.contains("招商一局 (1)"))
                // 主体封顶 was due 2021-09-30: drawn in the overdue colour.
                #expect(html.contains("fill=\"#f87171\"><title>主体封顶 2021-09-30</title>"))
                #expect(html.contains("截至日期 2021-10-31"))
            }
            try await app.testing().test(.GET, "/battle-map?asOf=2021-10-31&groupBy=category&lang=en") { res in
                #expect(res.body.string.contains("Industrial (1)") && res.body.string.contains("Infrastructure (1)"))
            }
            try await app.testing().test(.GET, "/battle-map.svg?asOf=2021-10-31&rag=red") { res in
                #expect(res.headers.contentType?.subType == "svg+xml")
                #expect(res.body.string.hasPrefix("<?xml") && res.body.string.contains("新能源汽车零部件产业园"))
                #expect(!res.body.string.contains("城市道路提升工程"))
            }
            try await app.testing().test(.GET, "/battle-map?groupBy=stage") { res in #expect(res.status == .badRequest) }
        }
    }

    @Test func namesFitTheirColumn() {
        #expect(BattleMap.fit("ABC", units: 10) == "ABC")
        #expect(BattleMap.fit("新能源汽车零部件产业园", units: 10) == "新能源汽…")   // 4 CJK = 8 units + "…"; a fifth would need 11
    }
}
