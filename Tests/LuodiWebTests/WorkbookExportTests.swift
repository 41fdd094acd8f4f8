import Foundation
import LuodiCore
import LuodiInterchange
import Testing
import VaporTesting
@testable import LuodiWeb

/// The project list as .xlsx: typed cells that read back, and re-import unchanged.
@Suite struct WorkbookExportTests {
    @Test func theListExportsAndReimportsUnchanged() async throws {
        try await withLuodiApp { app in
            _ = try await app.importCSV(templateCSV)
            var data = Data()
            try await app.testing().test(.GET, "/projects.xlsx?asOf=2021-06-30&lang=zh-Hans") { res in
                #expect(res.status == .ok && res.headers.contentType?.subType == "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                data = Data(buffer: res.body)
            }
            let sheet = try XLSXSheet(data: data, file: "projects.xlsx")
            #expect(sheet.header.prefix(12) == ["编号", "项目名称", "项目类别", "项目阶段", "责任单位", "建设单位", "总投资（万元）", "年度计划投资（万元）",
                                                 "累计完成投资（万元）", "计划开工", "计划竣工", "实际开工"])
            // JM-01: 50,000 万元 total, 12,000 plan, 3,000 completed; started 2021-02-26; amber at 30 June (25% against 49.6%)
            let jm01 = try #require(sheet.rows.first { $0[0] == "JM-01" })
            #expect(jm01[6...11] == ["50000", "12000", "3000", "2021-02-26", "2022-12-31", "2021-02-26"] && jm01[12] == "黄灯")
            // Re-imported into a new zone, the projects are the same (the light's columns are not fields)
            let report = try await ImportService(repository: app.portfolioRepository).run(.init(data: data, fileName: "projects.xlsx", profile: "luodi", zoneName: "回导区"))
            #expect(report.ok && report.projects == 2)
            let original = try #require(try await app.portfolioRepository.zone(named: "测试开发区"))
            let copy = try #require(try await app.portfolioRepository.zone(named: "回导区"))
            let before = try await app.portfolioRepository.projects(zoneID: original.id).map(\.plan.project)
            let after = try await app.portfolioRepository.projects(zoneID: copy.id).map(\.plan.project)
            #expect(after.map(\.name) == before.map(\.name) && after.map(\.totalInvestment) == before.map(\.totalInvestment))
            #expect(after.map(\.completedInvestment) == before.map(\.completedInvestment) && after.map(\.plannedFinish) == before.map(\.plannedFinish))
            #expect(after.map(\.department) == before.map(\.department) && after.map(\.category) == before.map(\.category))
        }
    }

    @Test func problemsAndLeadsExportTyped() async throws {
        try await withLuodiApp { app in
            _ = try await app.importCSV(templateCSV)
            let zone = try #require(try await app.portfolioRepository.zone(named: "测试开发区"))
            let jm01 = try #require(try await app.portfolioRepository.projects(zoneID: zone.id).first { $0.plan.project.key == "JM-01" }).id
            try await app.sendJSON(.POST, "/api/v1/problems", #"{"projectID": "\#(jm01)", "title": "=用电", "raisedBy": "企业", "raisedOn": "2021-03-01", "ownerDepartment": "供电公司", "deadline": "2021-03-31"}"#, expect: .created)
            try await app.sendJSON(.POST, "/api/v1/leads", #"{"title": "锂电池隔膜项目", "investor": {"name": "恩捷股份"}, "channel": "fair", "intendedInvestment": {"currency": "USD", "minorUnits": 5000000000}, "ownerDepartment": "招商一局", "stage": "signed", "on": "2021-03-15", "by": "王"}"#, expect: .created)
            func sheet(_ path: String) async throws -> XLSXSheet {
                var data = Data()
                try await app.testing().test(.GET, path) { data = Data(buffer: $0.body) }
                return try XLSXSheet(data: data, file: path)
            }
            // The problem: its title kept as text (not a formula), dates as dates, overdue at 10 April
            let problems = try await sheet("/problems.xlsx?asOf=2021-04-10&lang=zh-Hans")
            #expect(problems.rows == [["=用电", "新能源汽车零部件产业园", "供电公司", "待办", "功能区", "2021-03-01", "企业", "2021-03-31", "逾期", ""]])
            // The lead: 50,000,000 dollars as a number with its currency beside it, signed on 2021-03-15
            let leads = try await sheet("/leads.xlsx?lang=zh-Hans")
            #expect(leads.rows == [["锂电池隔膜项目", "恩捷股份", "", "展会招商", "签约", "50000000", "USD", "招商一局", "2021-03-15", "2021-03-15"]])
        }
    }
}
