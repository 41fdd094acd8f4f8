import Foundation
import LuodiCore
import LuodiStore
import Testing
@testable import LuodiWeb

/// The bundled sample portfolio, with the counts documented in the README.
@Suite struct SampleTests {
    @Test func samplesImportWithTheDocumentedCounts() async throws {
        try await withLuodiApp { app in
            let reports = try await SamplePortfolio.load(into: ImportService(repository: app.portfolioRepository, leads: LeadRepository(db: app.db)))
            #expect(reports.map(\.ok) == [true, true, true])
            #expect(reports.map(\.projects) == [73, 2031, 0])
            #expect(reports.map(\.milestones) == [0, 8124, 0])
            #expect(reports[2].leads == 11)
            #expect(reports[1].notes.filter { $0.message.contains("read as a separate project") }.map(\.row) == [3518, 6254, 6598])
            #expect(reports[1].notes.contains { $0.message.hasPrefix("'PNS' read as a blank value in 7446 cells") })

            let cn = try #require(try await app.portfolioRepository.zone(named: "山东青岛重点项目(新闻汇编)"))
            let projects = try await app.portfolioRepository.projects(zoneID: cn.id)
            // Blank stays blank: 32 of 73 projects give a total investment.
            #expect(projects.filter { $0.plan.project.totalInvestment != nil }.count == 32)
            let shagang = try #require(projects.first { $0.plan.project.name == "青岛崂山区沙港湾项目" })
            #expect(shagang.plan.project.totalInvestment == nil && shagang.plan.project.enterprise == nil)
            let haier = try #require(projects.first { $0.plan.project.name.hasPrefix("海尔物联网全球创新中心") })
            #expect(haier.plan.project.totalInvestment == Money(minorUnits: 192_000_000_000, currency: .cny))   // 19.2亿
            #expect(haier.plan.project.department == "青岛崂山区")
            #expect(projects.filter { $0.plan.project.name == "青岛胶东国际机场项目" }.count == 2)
            // The 11 leads are the projects' own records (linked, no project added); 奇瑞 started on
            // the real 2021-02-26 and signed 60 days before (filled in, as the derivation says).
            let leads = try await LeadRepository(db: app.db).leads(zoneID: cn.id)
            #expect(leads.count == 11 && leads.allSatisfy { $0.projectID != nil } && projects.count == 73)
            let chery = try #require(leads.first { $0.lead.title == "奇瑞汽车青岛基地项目" })
            #expect(chery.stage == .underConstruction && chery.transitions.map(\.on.iso) == ["2020-07-01", "2020-09-29", "2020-12-28", "2021-01-27", "2021-02-11", "2021-02-26"])
            #expect(chery.projectID == projects.first { $0.plan.project.name == "奇瑞汽车青岛基地项目" }?.id)

            // Loading again creates nothing.
            let again = try await SamplePortfolio.load(into: ImportService(repository: app.portfolioRepository, leads: LeadRepository(db: app.db)))
            #expect(again.map { $0.outcome?.projectsUnchanged } == [73, 2031, nil])
            #expect(again.map { $0.outcome?.projectsCreated } == [0, 0, nil])
            // and the lead list, already recorded, is refused whole rather than doubled
            #expect(again[2].errors.first?.message.contains("already recorded") == true)
        }
    }
}
