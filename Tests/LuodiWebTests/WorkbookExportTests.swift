import Foundation
import LuodiCore
import LuodiInterchange
import LuodiStore
import Testing
import VaporTesting
@testable import LuodiWeb

/// The project list as .xlsx: typed cells that read back, and re-import unchanged.
@Suite struct WorkbookExportTests {
    /// Exported as the whole list (one row per milestone) and imported again: into the same zone
    /// every project is unchanged (the store compares the whole plan: fields, milestones, links);
    /// into a new zone the plans are equal, in dollars for the NYC list.
    @Test func theRealSampleListsRoundTripThroughExcel() async throws {
        try await withLuodiApp { app in
            let service = ImportService(repository: app.portfolioRepository, leads: LeadRepository(db: app.db))
            _ = try await SamplePortfolio.load(into: service)
            for (zone, count) in [("山东青岛重点项目(新闻汇编)", 73), ("NYC School Construction Authority", 2031)] {
                var data = Data()
                let query = zone.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!
                try await app.testing().test(.GET, "/milestones.xlsx?zone=\(query)&asOf=2022-06-30&lang=zh-Hans") { res in
                    #expect(res.status == .ok)
                    data = Data(buffer: res.body)
                }
                let same = try await service.run(.init(data: data, fileName: "list.xlsx", profile: "luodi", zoneName: zone))
                #expect(same.errors == [] && same.outcome?.projectsUnchanged == count && same.outcome?.projectsUpdated == 0 && same.outcome?.projectsCreated == 0)
                let copy = try await service.run(.init(data: data, fileName: "list.xlsx", profile: "luodi", zoneName: zone + " 副本"))
                #expect(copy.errors == [] && copy.outcome?.projectsCreated == count)
                let original = try #require(try await app.portfolioRepository.zone(named: zone))
                let reimported = try #require(try await app.portfolioRepository.zone(named: zone + " 副本"))
                #expect(reimported.zone.currency == original.zone.currency)
                let before = try await app.portfolioRepository.projects(zoneID: original.id).map(\.plan).sorted { $0.project.key < $1.project.key }
                let after = try await app.portfolioRepository.projects(zoneID: reimported.id).map(\.plan).sorted { $0.project.key < $1.project.key }
                #expect(after.count == count && after == before)
            }
            // The 11 sample leads, exported and imported after their projects into the copy: the
            // same leads, moves and amounts, each linked to the copy's project of the same key.
            let cn = "山东青岛重点项目(新闻汇编)"
            let leadList = try await app.download("/leads.xlsx?zone=\(cn.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!)&lang=zh-Hans")
            let leadImport = try await service.run(.init(data: leadList, fileName: "leads.xlsx", profile: "leads", zoneName: cn + " 副本"))
            #expect(leadImport.errors == [] && leadImport.leads == 11)
            let repo = LeadRepository(db: app.db)
            let cnZone = try #require(try await app.portfolioRepository.zone(named: cn)), cnCopy = try #require(try await app.portfolioRepository.zone(named: cn + " 副本"))
            func leadsByTitle(_ zone: StoredZone) async throws -> [(Lead, [LeadStage], [CalendarDate], String?)] {
                let keys = Dictionary(uniqueKeysWithValues: try await app.portfolioRepository.projects(zoneID: zone.id).map { ($0.id, $0.plan.project.key) })
                return try await repo.leads(zoneID: zone.id).sorted { $0.lead.title < $1.lead.title }
                    .map { ($0.lead, $0.transitions.map(\.to), $0.transitions.map(\.on), $0.projectID.flatMap { keys[$0] }) }
            }
            let leadsBefore = try await leadsByTitle(cnZone), leadsAfter = try await leadsByTitle(cnCopy)
            #expect(leadsAfter.map(\.0) == leadsBefore.map(\.0) && leadsAfter.map(\.1) == leadsBefore.map(\.1))
            #expect(leadsAfter.map(\.2) == leadsBefore.map(\.2) && leadsAfter.map(\.3) == leadsBefore.map(\.3) && leadsAfter.allSatisfy { $0.3 != nil })
            // The NYC list in dollars: P.S. 19's boiler conversion, its Scope phase budgeted at $68,660
            let nyc = try XLSXSheet(data: try await app.download("/milestones.xlsx?zone=NYC%20School%20Construction%20Authority&lang=en"), file: "nyc.xlsx")
            #expect(nyc.header.contains("total_investment (USD)") && nyc.header.contains("milestone_budget (USD)"))
            let budget = try #require(nyc.header.firstIndex(of: "milestone_budget (USD)")), phase = try #require(nyc.header.firstIndex(of: "milestone"))
            #expect(nyc.rows.contains { $0[1].hasPrefix("P.S. 19 - MANHATTAN: PLANYC BOILER CONVERSION") && $0[phase] == "Scope" && $0[budget] == "68660" })
        }
    }

    @Test func targetsAndTheBulletinExportTyped() async throws {
        try await withLuodiApp { app in
            _ = try await app.importCSV(templateCSV)
            try await app.sendJSON(.PUT, "/api/v1/reporting-cycle", #"{"cycle": "monthly"}"#)
            try await app.sendJSON(.PUT, "/api/v1/ranking-formula", #"{"formula": {"cap": 1.2, "metrics": [{"key": "talentsIntroduced", "name": "引进人才", "unit": "人", "direction": "higherIsBetter", "workLine": "attraction", "weight": 15, "source": "reported"}]}}"#)
            try await app.sendJSON(.PUT, "/api/v1/targets", #"{"year": 2021, "targets": [{"department": "招商一局", "metricKey": "talentsIntroduced", "annualTarget": 100}]}"#)
            try await app.sendJSON(.POST, "/api/v1/targets/actuals", #"{"department": "招商一局", "metricKey": "talentsIntroduced", "period": "2021-03", "value": 40, "by": "招商一局"}"#)
            // At 30 June: 40 of 100 = 40 %; time elapsed 181/365 = 49.59 %; ratio 0.4 × 365 / 181 = 0.80663 → 80.66 points
            let ranking = try XLSXSheet(data: try await app.download("/targets.xlsx?asOf=2021-06-30&lang=zh-Hans"), file: "t.xlsx")
            #expect(ranking.header == ["排名", "责任单位", "得分"] && ranking.rows.first == ["1", "招商一局", "80.66"])
            let detail = try XLSXSheet(data: try await app.download("/targets.xlsx?asOf=2021-06-30&lang=zh-Hans"), file: "t.xlsx", sheet: "2")
            #expect(detail.rows == [["招商一局", "引进人才", "人", "100", "40", "40", "49.59", "15", "80.66", ""]])
            // The bulletin of June: one sheet per section; the lagging list names JM-01 amber
            let bulletin = try await app.download("/bulletin.xlsx?period=2021-06&lang=zh-Hans")
            let summary = try XLSXSheet(data: bulletin, file: "b.xlsx")
            #expect(summary.sheetName == "一、总体情况" && summary.rows.first?.first?.contains("2021-06") == true)
            let lagging = try XLSXSheet(data: bulletin, file: "b.xlsx", sheet: "6")
            #expect(lagging.rows.first?.prefix(3) == ["新能源汽车零部件产业园", "招商一局", "黄灯"])
            let ranks = try XLSXSheet(data: bulletin, file: "b.xlsx", sheet: "8")
            #expect(ranks.rows.first == ["1", "招商一局", "80.66"])
        }
    }

    /// A lead list into a dollar zone: a lead without 币种 is in dollars (the zone's money).
    @Test func aLeadWithoutACurrencyIsInItsZonesMoney() async throws {
        try await withLuodiApp { app in
            let projects = try await app.importCSV("编号,项目名称,总投资 (USD)\nS-1,School,100\n", zone: "NYC")
            #expect(projects.ok)
            let service = ImportService(repository: app.portfolioRepository, leads: LeadRepository(db: app.db))
            let csv = "项目名称,投资方,责任单位,意向投资（万）,首次接洽\n新校区,甲基金,教育局,100,2021-01-04\n"
            let report = try await service.run(.init(data: Data(csv.utf8), fileName: "leads.csv", profile: "leads", zoneName: "NYC"))
            #expect(report.errors == [] && report.leads == 1)
            let zone = try #require(try await app.portfolioRepository.zone(named: "NYC"))
            // 100 万 = 1,000,000 dollars
            #expect(try await LeadRepository(db: app.db).leads(zoneID: zone.id).map(\.lead.intendedInvestment) == [Money(minorUnits: 100_000_000, currency: .usd)])
            // a title over 200 characters is refused by the dry run already, with its row
            let long = "项目名称,投资方,责任单位,首次接洽\n\(String(repeating: "长", count: 201)),乙,局,2021-01-04\n"
            let dry = try await service.run(.init(data: Data(long.utf8), fileName: "long.csv", profile: "leads", zoneName: "NYC", dryRun: true))
            #expect(dry.errors.map(\.description) == ["long.csv:2: title: at most 200 characters"])
        }
    }

    @Test func importTemplatesDownloadPerProfile() async throws {
        try await withLuodiApp { app in
            let template = try XLSXSheet(data: try await app.download("/import/template.xlsx?profile=leads&lang=zh-Hans"), file: "t.xlsx", sheet: "2")
            // the notes sheet: one row per column, 项目名称 required
            #expect(template.header == ["列", "必填", "内容", "可选值"] && template.rows.first?.prefix(2) == ["项目名称", "是"])
            try await app.testing().test(.GET, "/import/template.xlsx?profile=nope") { #expect($0.status == .notFound) }
        }
    }

    @Test func anUploadedWorkbookImportsFromTheSheetChosen() async throws {
        try await withLuodiApp { app in
            _ = try await app.importCSV(templateCSV)
            // the LibreOffice fixture of the interchange tests (two-row header, formulas, a notes sheet first)
            let lo = try Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("../LuodiInterchangeTests/Fixtures/libreoffice-merged-header.xlsx"))
            let importer = ImportService(repository: app.portfolioRepository)
            let report = try await importer.run(.init(data: lo, fileName: "lo.xlsx", profile: "luodi", zoneName: "测试开发区", sheet: "2022年重点项目"))
            #expect(report.ok && report.projects == 2)
            let wrong = try await importer.run(.init(data: lo, fileName: "lo.xlsx", profile: "luodi", zoneName: "测试开发区", sheet: "3"))
            #expect(wrong.errors.map(\.description) == ["lo.xlsx:sheet: no sheet '3'; the workbook has '说明', '2022年重点项目'"])
            // a file name without an extension: a workbook by its first bytes
            let unnamed = try await importer.run(.init(data: lo, fileName: "list", profile: "luodi", zoneName: "测试开发区", sheet: "2"))
            #expect(unnamed.ok && unnamed.projects == 2)
            // the API with the workbook as the body, no file name: known by its zip signature
            try await app.testing().test(.POST, "/api/v1/imports?profile=luodi&zone=%E6%B5%8B%E8%AF%95%E5%BC%80%E5%8F%91%E5%8C%BA&sheet=2", beforeRequest: { req in
                req.body = ByteBuffer(data: lo)
            }) { res in
                #expect(res.status == .ok && res.body.string.contains(#""projects" : 2"#), "\(res.body.string)")
            }
        }
    }

    @Test func theListExportsAndReimportsUnchanged() async throws {
        try await withLuodiApp { app in
            _ = try await app.importCSV(templateCSV)
            var data = Data()
            try await app.testing().test(.GET, "/projects.xlsx?asOf=2021-06-30&lang=zh-Hans") { res in
                #expect(res.status == .ok && res.headers.contentType?.subType == "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                data = Data(buffer: res.body)
            }
            let sheet = try XLSXSheet(data: data, file: "projects.xlsx")
            // The template's own headers (profile luodi), money in 万元, then the light and its reasons
            #expect(sheet.header == ["编号", "项目名称", "项目代码", "项目类别", "项目性质", "项目阶段", "产业链", "责任单位", "包保领导", "建设单位", "建设地点",
                                     "总投资（万元）", "年度计划投资（万元）", "累计完成投资（万元）", "入库日期", "计划开工", "计划竣工", "实际开工", "进展情况", "来源",
                                     "状态", "亮灯原因"])
            // JM-01: 50,000 万元 total, 12,000 plan, 3,000 completed; started 2021-02-26; amber at 30 June (25% against 49.6%)
            let jm01 = try #require(sheet.rows.first { $0[0] == "JM-01" })
            #expect(jm01[3] == "产业项目" && jm01[7] == "招商一局")
            #expect(jm01[11...17] == ["50000", "12000", "3000", "2021-03-15", "2021-02-26", "2022-12-31", "2021-02-26"] && jm01[20] == "黄灯")
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
            // the lead-list template's columns: 5,000 万 of dollars, 展会招商, first recorded as signed on 2021-03-15
            #expect(leads.header.prefix(8) == ["项目名称", "投资方", "来源国家/地区", "所属集团", "招商渠道", "产业链", "意向投资（万）", "币种"] && leads.header.last == "当前阶段")
            let lead = try #require(leads.rows.first)
            #expect(lead[0...2] == ["锂电池隔膜项目", "恩捷股份", ""] && lead[4] == "展会招商" && lead[6...8] == ["5000", "美元", "招商一局"])
            #expect(lead[12...15] == ["", "", "2021-03-15", ""] && lead.last == "签约")
        }
    }
}
