import Foundation
import LuodiCore
import LuodiStore
import Testing
import VaporTesting
@testable import LuodiWeb

/// The demonstration campaign on the NYC sample, checked on one project against the spread
/// worked out independently (Python's `isocalendar`, see the comments).
@Suite struct DemoCampaignTests {
    @Test func weeklyReportsSpreadEachPhasesRealSpendingOverItsRealDates() async throws {
        try await withLuodiApp { app in
            for report in try await SamplePortfolio.load(into: ImportService(repository: app.portfolioRepository, leads: LeadRepository(db: app.db))) { #expect(report.ok) }
            let outcome = try await DemoCampaign.build(on: app.db)
            #expect(outcome.problems == 15 && outcome.closedPeriods == ["2021-W49", "2021-W50", "2021-W51", "2021-W52"])
            await #expect(throws: DemoCampaign.Failure.self) { try await DemoCampaign.build(on: app.db) }

            let zone = try #require(try await app.portfolioRepository.zone(named: DemoCampaign.zoneName))
            #expect(zone.zone.reportingCycle == .weekly)
            let ps19 = try #require(try await app.portfolioRepository.projects(zoneID: zone.id)
                .first { $0.plan.project.name == "P.S. 19 - MANHATTAN: PLANYC BOILER CONVERSION / PLANYC CLIMATE CONTROL" })
            let reports = try await app.reportRepository.reports(zoneID: zone.id, projectID: ps19.id)
            // Scope 2021-04-13 … 2021-07-01 (80 days, $79,351.00) covers W15–W26; Design 2021-07-06 … 2021-11-29
            // (147 days, $345,117.00) covers W27–W48: 34 weekly reports.
            #expect(reports.count == 34 && reports.first?.period.name == "2021-W15" && reports.last?.period.name == "2021-W48")
            // W15 holds 6 of Scope's 80 days: 7,935,100 × 6 / 80 = 595,132.5 cents, cut to 595,132; it reports Scope's start.
            #expect(reports[0].report.investmentInPeriod == Money(minorUnits: 595_132, currency: .usd))
            #expect(reports[0].report.milestoneActuals == [MilestoneActual(milestone: "Scope", actualStart: try CalendarDate(iso: "2021-04-13"))])
            // W27 holds 6 of Design's 147 days: 34,511,700 × 6 / 147 = 1,408,640.8 cents → 1,408,640.
            #expect(reports.first { $0.period.name == "2021-W27" }?.report.investmentInPeriod == Money(minorUnits: 1_408_640, currency: .usd))
            // The weeks add up to both phases' spending exactly: $424,468.00, which is the project's completed investment for 2021.
            #expect(reports.compactMap(\.report.investmentInPeriod?.minorUnits).reduce(0, +) == 42_446_800)
            let assessed = try await app.portfolioService.assess(ps19, of: zone, asOf: try CalendarDate(iso: "2021-12-31"))
            #expect(assessed.project.completedInvestment == Money(minorUnits: 42_446_800, currency: .usd))
            #expect(assessed.reporting?.lastReported?.name == "2021-W48")
        }
    }
}
