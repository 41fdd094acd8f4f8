import Foundation
import LuodiCore
import Testing
@testable import LuodiWeb

/// The bundled sample portfolio, with the counts documented in the README.
@Suite struct SampleTests {
    @Test func samplesImportWithTheDocumentedCounts() async throws {
        try await withLuodiApp { app in
            let reports = try await SamplePortfolio.load(into: ImportService(repository: app.portfolioRepository))
            #expect(reports.map(\.ok) == [true, true])
            #expect(reports.map(\.projects) == [73, 2031])
            #expect(reports.map(\.milestones) == [0, 8124])
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

            // Loading again creates nothing.
            let again = try await SamplePortfolio.load(into: ImportService(repository: app.portfolioRepository))
            #expect(again.map { $0.outcome?.projectsUnchanged } == [73, 2031])
            #expect(again.map { $0.outcome?.projectsCreated } == [0, 0])
        }
    }
}
