import Foundation
import LuodiCore
@testable import LuodiStore
import Testing
import VaporTesting
@testable import LuodiWeb

/// A lead from first contact to a signed key project through the API, with its capital in US
/// dollars counted in yuan only through a dated rate, and the funnel of its year.
@Suite struct LeadFlowTests {
    @Test func aLeadBecomesAProjectAndIsCounted() async throws {
        try await withLuodiApp { app in
            _ = try await app.importCSV(templateCSV)
            // given: a lead met at a fair, 50,000,000 US dollars intended
            let created = try await app.sendJSON(.POST, "/api/v1/leads", """
                {"title": "锂电池隔膜项目", "investor": {"name": "恩捷股份", "origin": "中国云南"}, "channel": "fair",
                 "intendedInvestment": {"currency": "USD", "minorUnits": 5000000000}, "ownerDepartment": "招商一局", "on": "2021-01-05", "by": "王"}
                """, expect: .created)
            let id = try #require(created["id"] as? String)
            #expect(created["stage"] as? String == "lead" && created["version"] as? Int == 1)
            // when: negotiated, then refused a move back without a reason, then signed
            try await app.sendJSON(.POST, "/api/v1/leads/\(id)/moves", #"{"version": 1, "to": "negotiating", "on": "2021-02-01", "by": "王"}"#)
            try await app.sendJSON(.POST, "/api/v1/leads/\(id)/moves", #"{"version": 2, "to": "lead", "on": "2021-02-02", "by": "王"}"#,
                                   expect: .unprocessableEntity, mentions: "reason: moving from negotiating to lead goes backwards; give a reason")
            try await app.sendJSON(.POST, "/api/v1/leads/\(id)/moves", #"{"version": 1, "to": "signed", "on": "2021-03-15", "by": "王"}"#, expect: .conflict)
            let signed = try await app.sendJSON(.POST, "/api/v1/leads/\(id)/moves", #"{"version": 2, "to": "signed", "on": "2021-03-15", "by": "王"}"#)
            // then: the signing made the key project, one identity both ways
            let projectID = try #require(signed["projectID"] as? String)
            let project = try await app.sendJSON(.GET, "/api/v1/projects/\(projectID)", "")
            let fields = try #require(project["project"] as? [String: Any])
            #expect(fields["name"] as? String == "锂电池隔膜项目" && fields["enterprise"] as? String == "恩捷股份" && fields["department"] as? String == "招商一局")
            #expect(fields["stage"] as? String == "signed" && fields["totalInvestment"] == nil) // dollars are not put in a yuan zone's figure
            let back = try await LeadRepository(db: app.db).lead(projectID: try #require(UUID(uuidString: projectID)))
            #expect(back?.id.uuidString == id && back?.transitions.map(\.to) == [.lead, .negotiating, .signed])

            // the national code, once issued, is attached to the lead and its project; an old version is refused
            let details = { (version: Int) in
                #"{"version": \#(version), "title": "锂电池隔膜项目", "investor": {"name": "恩捷股份", "origin": "中国云南"}, "channel": "fair", "intendedInvestment": {"currency": "USD", "minorUnits": 5000000000}, "ownerDepartment": "招商一局", "projectCode": "2021-370282-39-03-012345", "by": "王"}"#
            }
            try await app.sendJSON(.PUT, "/api/v1/leads/\(id)", details(2), expect: .conflict)
            let coded = try await app.sendJSON(.PUT, "/api/v1/leads/\(id)", details(3))
            #expect((coded["lead"] as? [String: Any])?["projectCode"] as? String == "2021-370282-39-03-012345")
            let withCode = try await app.sendJSON(.GET, "/api/v1/projects/\(projectID)", "")
            #expect((withCode["project"] as? [String: Any])?["projectCode"] as? String == "2021-370282-39-03-012345")

            // capital in dollars: no yuan total without a rate, and with one the hand-computed total
            try await app.sendJSON(.POST, "/api/v1/leads/\(id)/capital", #"{"kind": "contracted", "on": "2021-03-15", "amount": {"currency": "USD", "minorUnits": 5000000000}, "by": "王"}"#)
            try await app.sendJSON(.POST, "/api/v1/leads/\(id)/capital", #"{"kind": "inPlace", "on": "2021-04-01", "amount": {"currency": "USD", "minorUnits": 1000000000}, "by": "王"}"#)
            try await app.sendJSON(.GET, "/api/v1/capital?currency=CNY&from=2021-01-01&to=2021-12-31", "", expect: .unprocessableEntity,
                                   mentions: "no USD→CNY exchange rate on or before 2021-03-15")
            let perCurrency = try await app.sendJSON(.GET, "/api/v1/capital?from=2021-01-01&to=2021-12-31", "")
            #expect((perCurrency["inPlace"] as? [[String: Any]])?.first?["minorUnits"] as? Int == 1_000_000_000)
            try await app.sendJSON(.PUT, "/api/v1/exchange-rates", #"{"from": "USD", "to": "CNY", "on": "2021-01-04", "rate": "6.5408"}"#)
            let yuan = try await app.sendJSON(.GET, "/api/v1/capital?currency=CNY&from=2021-01-01&to=2021-12-31", "")
            // 50,000,000 × 6.5408 = 327,040,000.00 yuan; 10,000,000 × 6.5408 = 65,408,000.00 yuan
            #expect((yuan["contracted"] as? [[String: Any]])?.first?["minorUnits"] as? Int == 32_704_000_000)
            #expect((yuan["inPlace"] as? [[String: Any]])?.first?["minorUnits"] as? Int == 6_540_800_000)
            #expect((yuan["ratesUsed"] as? [[String: Any]])?.map { $0["on"] as? String } == ["2021-01-04"])

            // the funnel of 2021: one lead, through signed; dwell 27 days at lead (01-05 → 02-01), 42 negotiating (02-01 → 03-15)
            let funnel = try await app.sendJSON(.GET, "/api/v1/funnel?from=2021-01-01&to=2021-12-31", "")
            let stages = try #require(funnel["stages"] as? [[String: Any]])
            #expect(stages.map { $0["count"] as? Int } == [1, 1, 1, 0, 0, 0, 0])
            #expect(stages.map { $0["conversionToNext"] as? Double } == [1, 1, 0, nil, nil, nil, nil])
            #expect(stages[0]["dwellDaysMedian"] as? Double == 27 && stages[1]["dwellDaysP90"] as? Int == 42)
            #expect((stages[0]["amount"] as? [[String: Any]])?.first?["currency"] as? String == "USD")

            // the pages show the same: the board's 签约 column, the timeline, the funnel with its conversions
            try await app.testing().test(.GET, "/leads?lang=zh-Hans") { res in
                #expect(res.status == .ok && res.body.string.contains("<h3>签约 (1)</h3>") && res.body.string.contains("锂电池隔膜项目"))
            }
            try await app.testing().test(.GET, "/leads/\(id)?lang=zh-Hans") { res in
                let page = res.body.string
                #expect(page.contains("<td>线索 → 洽谈</td>") && page.contains("<td>洽谈 → 签约</td>") && page.contains("href=\"/projects/\(projectID)\""))
            }
            try await app.testing().test(.GET, "/leads/funnel?from=2021-01-01&to=2021-12-31&lang=zh-Hans") { res in
                let page = res.body.string
                #expect(page.contains("<svg") && page.contains("转化 100.0%") && page.contains("转化 0.0%") && page.contains("<td class=\"num\">27.00</td>"))
            }
            // and the project page shows where it came from, first contact on
            try await app.testing().test(.GET, "/projects/\(projectID)?lang=zh-Hans") { res in
                #expect(res.body.string.contains("<li>2021-01-05 线索</li><li>2021-02-01 洽谈</li><li>2021-03-15 签约</li>") && res.body.string.contains("/leads/\(id)"))
            }
            // a refused move on the page: the page again with the reason and the typed reason kept
            try await app.testing().test(.POST, "/leads/\(id)/move?lang=zh-Hans", beforeRequest: { req in
                req.headers.contentType = .urlEncodedForm
                req.body = .init(string: "version=4&to=lost&on=2021-04-02&reason=&by=%E7%8E%8B")
            }) { res in
                #expect(res.status == .unprocessableEntity && res.body.string.contains("reason: moving from signed to lost loses the lead; give a reason"))
            }

            // one lead per investment and investor, and per project
            try await app.sendJSON(.POST, "/api/v1/leads", #"{"title": "锂电池隔膜项目", "investor": {"name": "恩捷股份"}, "channel": "fair", "ownerDepartment": "招商一局", "by": "王"}"#,
                                   expect: .unprocessableEntity, mentions: "already recorded")
            let other = try await app.sendJSON(.POST, "/api/v1/leads", #"{"title": "二期", "investor": {"name": "恩捷股份"}, "channel": "fair", "ownerDepartment": "招商一局", "by": "王"}"#, expect: .created)
            try await app.sendJSON(.POST, "/api/v1/leads/\(other["id"] as? String ?? "")/moves", #"{"version": 1, "to": "signed", "by": "王", "projectID": "\#(projectID)"}"#,
                                   expect: .unprocessableEntity, mentions: "one lead per project")
            // the project follows the lead: started on 2021-06-01 → under construction, actual start set
            try await app.sendJSON(.POST, "/api/v1/leads/\(id)/moves", #"{"version": 4, "to": "underConstruction", "on": "2021-06-01", "by": "王"}"#)
            let started = try await app.sendJSON(.GET, "/api/v1/projects/\(projectID)", "")
            #expect((started["project"] as? [String: Any])?["stage"] as? String == "underConstruction" && (started["project"] as? [String: Any])?["actualStart"] as? String == "2021-06-01")

            // talents are counted, not named
            try await app.sendJSON(.POST, "/api/v1/talents", #"{"category": "doctorate", "department": "招商一局", "on": "2021-05-01", "count": 2}"#, expect: .created)
            try await app.sendJSON(.POST, "/api/v1/talents", #"{"category": "doctorate", "department": "招商一局", "count": 0}"#, expect: .unprocessableEntity, mentions: "count:")

            // targets take their actuals from these records, never typed: signings, dollars in place, talents
            try await app.sendJSON(.PUT, "/api/v1/ranking-formula", """
                {"formula": {"cap": 1.2, "metrics": [
                  {"key": "newSignedProjects", "name": "新签约项目", "unit": "个", "direction": "higherIsBetter", "workLine": "attraction", "weight": 40, "source": "leadsSigned"},
                  {"key": "foreignCapitalUsed", "name": "实际使用外资", "unit": "万美元", "direction": "higherIsBetter", "workLine": "attraction", "weight": 30, "source": "capitalInPlaceUSD"},
                  {"key": "talentsIntroduced", "name": "引进人才", "unit": "人", "direction": "higherIsBetter", "workLine": "attraction", "weight": 30, "source": "talentsIntroduced"},
                  {"key": "signedAmount", "name": "签约金额", "unit": "万元", "direction": "higherIsBetter", "workLine": "attraction", "weight": 10, "source": "leadsSignedAmount"}]}}
                """)
            try await app.sendJSON(.PUT, "/api/v1/targets", #"{"year": 2021, "targets": [{"department": "招商一局", "metricKey": "newSignedProjects", "annualTarget": 2}, {"department": "招商一局", "metricKey": "foreignCapitalUsed", "annualTarget": 2000}, {"department": "招商一局", "metricKey": "talentsIntroduced", "annualTarget": 4}, {"department": "招商一局", "metricKey": "signedAmount", "annualTarget": 10000}]}"#)
            try await app.sendJSON(.POST, "/api/v1/targets/actuals", #"{"department": "招商一局", "metricKey": "talentsIntroduced", "period": "2021-05", "value": 9, "by": "x"}"#,
                                   expect: .unprocessableEntity, mentions: "never typed")
            let ranking = try await app.sendJSON(.GET, "/api/v1/ranking?asOf=2021-12-31", "")
            let mine = try #require((ranking["departments"] as? [[String: Any]])?.first { $0["department"] as? String == "招商一局" })
            // 1 lead signed on 2021-03-15; 10,000,000 dollars in place = 1,000 万美元; 2 doctorates; its intended
            // 50,000,000 dollars are not yuan, so the yuan signed amount is 0 (never converted silently)
            #expect((mine["contributions"] as? [[String: Any]])?.map { $0["actualToDate"] as? Double } == [1, 1000, 2, 0])
        }
    }

    @Test func aLeadListIsImportedWholeOrNotAtAll() async throws {
        try await withLuodiApp { app in
            _ = try await app.importCSV(templateCSV)
            let importer = ImportService(repository: app.portfolioRepository, leads: LeadRepository(db: app.db))
            func run(_ csv: String) async throws -> ImportService.Report {
                try await importer.run(.init(data: Data(csv.utf8), fileName: "leads.csv", profile: "leads", zoneName: "测试开发区"))
            }
            // given: a list with a bad row — nothing is written, every error located
            let bad = try await run("""
                项目名称,投资方,责任单位,首次接洽,签约,招商渠道
                X,Y,招商一局,2021-05-01,2021-04-01,展会招商
                A,B,,2021-13-01,,
                C,D,招商一局,2021-01-01,,路演

                """)
            #expect(bad.errors.map(\.description) == [
                "leads.csv:2:签约: 2021-04-01 is before 首次接洽 (2021-05-01); a later stage cannot be reached earlier",
                "leads.csv:3:责任单位: ownerDepartment is required",
                "leads.csv:3:首次接洽: '2021-13-01' is not a calendar date: there is no month 13",
                "leads.csv:4:招商渠道: unknown channel '路演'; use one of businessReferral, residentOffice, fair, fund, online, other (or map the list's words in the mapping's values)",
            ])
            let zone = try #require(try await app.portfolioRepository.zone(named: "测试开发区"))
            #expect(try await LeadRepository(db: app.db).leads(zoneID: zone.id).isEmpty)
            // when: a good list
            let good = try await run("""
                项目名称,投资方,来源国家/地区,招商渠道,意向投资,币种,责任单位,首次接洽,洽谈,签约,落地,流失,流失原因
                锂电池隔膜项目,恩捷股份,中国云南,展会招商,5000万,美元,招商一局,2021-01-05,2021-02-01,2021-03-15,,,
                智能网联测试场,百度,中国北京,以商招商,2.5亿,,招商一局,2021-02-10,2021-03-01,,,2021-05-01,投资方转投他市
                氢能重卡,潍柴,中国山东,驻外招商,12000,人民币,建设局,2021/4/1,,2021/6/30,2021/9/1,,

                """)
            #expect(good.ok && good.committed && good.leads == 3)
            // then: stages, amounts in their currencies, the signed ones made key projects
            let leads = try await LeadRepository(db: app.db).leads(zoneID: zone.id)
            #expect(leads.map(\.lead.title) == ["智能网联测试场", "氢能重卡", "锂电池隔膜项目"])
            #expect(leads.map(\.stage) == [.lost, .landed, .signed] && leads.map { $0.projectID != nil } == [false, true, true])
            #expect(leads[0].transitions.last?.reason == "投资方转投他市" && leads[0].lead.channel == .businessReferral)
            #expect(leads[2].lead.intendedInvestment == Money(minorUnits: 5_000 * 10_000 * 100, currency: .usd))
            #expect(leads[0].lead.intendedInvestment == Money(minorUnits: 250_000_000 * 100, currency: .cny))
            let hydrogenID = try #require(leads[1].projectID)
            let hydrogen = try #require(try await app.portfolioRepository.project(id: hydrogenID))
            // 12000 万元 is the zone's currency: it becomes the project's total investment
            #expect(hydrogen.project.plan.project.totalInvestment == Money(minorUnits: 12_000 * 10_000 * 100, currency: .cny))
            // the signed amount of a department, in yuan: 氢能重卡's 12,000 万元 signed on 2021-06-30
            try await app.sendJSON(.PUT, "/api/v1/ranking-formula", #"{"formula": {"cap": 1.2, "metrics": [{"key": "signedAmount", "name": "签约金额", "unit": "万元", "direction": "higherIsBetter", "workLine": "attraction", "weight": 100, "source": "leadsSignedAmount"}]}}"#)
            try await app.sendJSON(.PUT, "/api/v1/targets", #"{"year": 2021, "targets": [{"department": "建设局", "metricKey": "signedAmount", "annualTarget": 24000}]}"#)
            let ranking = try await app.sendJSON(.GET, "/api/v1/ranking?asOf=2021-12-31", "")
            let building = (ranking["departments"] as? [[String: Any]])?.first { $0["department"] as? String == "建设局" }
            #expect((building?["contributions"] as? [[String: Any]])?.first?["actualToDate"] as? Double == 12_000)
            // the same list again: refused, naming the first row already recorded, nothing doubled
            let again = try await run("项目名称,投资方,责任单位,首次接洽\n氢能重卡,潍柴,建设局,2021-04-01\n新项目,某公司,建设局,2099-01-01\n智能网联测试场,百度,招商一局,2021-02-10\n")
            // every refused row is named: recorded twice, and a date after today
            #expect(again.errors.map(\.row) == [2, 3, 4] && again.errors[0].message.contains("already recorded") && again.errors[1].message.contains("is after today"))
            #expect(try await LeadRepository(db: app.db).leads(zoneID: zone.id).count == 3)
        }
    }
}
