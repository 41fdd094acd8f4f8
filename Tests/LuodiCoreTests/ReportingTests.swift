import Testing
@testable import LuodiCore

@Suite struct ReportingTests {
    func d(_ s: String) -> CalendarDate { try! CalendarDate(iso: s) }
    func p(_ s: String) -> ReportingPeriod { try! ReportingPeriod(name: s) }
    func wan(_ v: Int64) -> Money { Money(minorUnits: v * 10_000 * 100, currency: .cny) }

    @Test func isoWeeksBelongToTheYearOfTheirThursday() {
        // Wednesday 10 March 2021: week 10 runs Monday 8 to Sunday 14 March (4 Jan 2021 is the Monday of W01, + 63 days).
        let w10 = ReportingPeriod(containing: d("2021-03-10"), cycle: .weekly)
        #expect(w10.name == "2021-W10" && w10.start == d("2021-03-08") && w10.end == d("2021-03-14"))
        // Friday 1 January 2021 is in the last week of 2020: 2020 began on a Wednesday and is a leap year, so it has 53 weeks.
        let w53 = ReportingPeriod(containing: d("2021-01-01"), cycle: .weekly)
        #expect(w53.name == "2020-W53" && w53.start == d("2020-12-28") && w53.end == d("2021-01-03") && w53.year == 2020)
        #expect(ReportingPeriod.isoWeeks(in: 2020) == 53 && ReportingPeriod.isoWeeks(in: 2021) == 52)
        // 2026 begins on a Thursday: 53 weeks.
        #expect(ReportingPeriod.isoWeeks(in: 2026) == 53)
        #expect(p("2021-W01").previous.name == "2020-W53")
        #expect(p("2020-W53").next == p("2021-W01"))
        // Monday 29 December 2025 is in 2026-W01 (its Thursday is 1 January 2026).
        #expect(ReportingPeriod(containing: d("2025-12-29"), cycle: .weekly).name == "2026-W01")
    }

    @Test func aPeriodsFiguresStayInItsNamedYear() {
        // 2021-W52 runs to Sunday 2 January 2022; its figures are taken on 31 December 2021.
        #expect(p("2021-W52").figuresDay(today: d("2026-11-29")) == d("2021-12-31"))
        #expect(p("2021-W10").figuresDay(today: d("2026-11-29")) == d("2021-03-14"))
        // A running period: today.
        #expect(p("2021-W10").figuresDay(today: d("2021-03-10")) == d("2021-03-10"))
    }

    @Test func halfMonthsAndMonths() {
        let h = ReportingPeriod(containing: d("2021-02-16"), cycle: .halfMonthly)
        #expect(h.name == "2021-02H2" && h.start == d("2021-02-16") && h.end == d("2021-02-28"))
        #expect(p("2024-02H2").end == d("2024-02-29"))
        #expect(ReportingPeriod(containing: d("2021-03-15"), cycle: .halfMonthly).name == "2021-03H1")
        #expect(p("2021-12H2").next.name == "2022-01H1")
        let m = ReportingPeriod(containing: d("2021-03-31"), cycle: .monthly)
        #expect(m.name == "2021-03" && m.start == d("2021-03-01") && m.end == d("2021-03-31"))
        #expect(p("2021-01").previous.name == "2020-12")
        #expect(p("2021-03H1").cycle == .halfMonthly && p("2021-03").cycle == .monthly && p("2021-W10").cycle == .weekly)
    }

    @Test func badPeriodNamesAreRefusedWithTheShapesAccepted() {
        for bad in ["2021-3", "2021-W1", "2021-13", "2021-03H3", "21-03", "2021-W00", "2021W10", ""] {
            #expect(throws: ReportingPeriodError.badName(bad)) { try ReportingPeriod(name: bad) }
        }
        #expect(throws: ReportingPeriodError.noSuchWeek("2021-W53", weeks: 52)) { try ReportingPeriod(name: "2021-W53") }
        #expect(ReportingPeriodError.badName("x").description.contains("2021-W10"))
    }

    @Test func completedInvestmentIsTheSumOfTheYearsReports() throws {
        let reports: [(period: ReportingPeriod, investment: Money?)] = [
            (p("2020-W53"), wan(30)), (p("2021-W09"), wan(100)), (p("2021-W10"), wan(50)), (p("2021-W11"), nil), (p("2021-W12"), wan(7)),
        ]
        // 10 March: W09 (1–7 March) and W10 (begun 8 March) count; 2020-W53 belongs to 2020; W12 has not begun.
        #expect(try ReportedProgress.completedInvestment(reports, asOf: d("2021-03-10")) == wan(150))
        #expect(try ReportedProgress.completedInvestment(reports, asOf: d("2021-03-07")) == wan(100))
        // 2 January 2021 falls in 2020-W53, which is counted in 2021's figures only if named 2021: it is not.
        #expect(try ReportedProgress.completedInvestment(reports, asOf: d("2021-01-02")) == nil)
        #expect(try ReportedProgress.completedInvestment(reports, asOf: d("2020-12-31")) == wan(30))
    }

    @Test func aProjectIsStaleWhenAWholeCycleHasPassedWithoutAReport() {
        // At Wednesday 10 March 2021 (W10) the report due is W09's (1–7 March).
        let asOf = d("2021-03-10")
        #expect(!ReportedProgress.isStale(lastReported: p("2021-W09"), asOf: asOf, cycle: .weekly))
        #expect(!ReportedProgress.isStale(lastReported: p("2021-W10"), asOf: asOf, cycle: .weekly))
        #expect(ReportedProgress.isStale(lastReported: p("2021-W08"), asOf: asOf, cycle: .weekly))
        #expect(ReportedProgress.isStale(lastReported: nil, asOf: asOf, cycle: .weekly))
        // Monthly: at 10 March the February report is due.
        #expect(!ReportedProgress.isStale(lastReported: p("2021-02"), asOf: asOf, cycle: .monthly))
        #expect(ReportedProgress.isStale(lastReported: p("2021-01"), asOf: asOf, cycle: .monthly))
        #expect(ReportedProgress.lastReported([p("2021-W09"), p("2021-W11"), p("2021-W10")], asOf: asOf) == p("2021-W10"))
    }

    @Test func aReportIsCheckedAgainstItsPeriodAndProject() throws {
        let w10 = p("2021-W10")
        var r = ProgressReport(period: "2021-W10", investmentInPeriod: wan(50),
                               milestoneActuals: [MilestoneActual(milestone: "开工", actualStart: d("2021-03-09"), actualFinish: d("2021-03-09"))],
                               narrative: "桩基施工", reportedBy: "经发局", reportedOn: d("2021-03-12"))
        try r.validate(period: w10, milestones: ["开工", "投产"], currency: .cny)
        r.milestoneActuals[0].actualFinish = d("2021-03-15")
        #expect(throws: ProgressReportError.actualAfterPeriod("开工", field: "actualFinish", d("2021-03-15"), w10)) {
            try r.validate(period: w10, milestones: ["开工"], currency: .cny)
        }
        r.milestoneActuals = [MilestoneActual(milestone: "竣工", actualFinish: d("2021-03-10"))]
        #expect(throws: ProgressReportError.unknownMilestone("竣工")) { try r.validate(period: w10, milestones: ["开工"], currency: .cny) }
        r.milestoneActuals = []
        r.investmentInPeriod = Money(minorUnits: 100, currency: .usd)
        #expect(throws: ProgressReportError.currency(.usd, expected: .cny)) { try r.validate(period: w10, milestones: [], currency: .cny) }
        r.investmentInPeriod = nil
        r.reportedOn = d("2021-03-07")
        #expect(throws: ProgressReportError.reportedBeforePeriod(d("2021-03-07"), w10)) { try r.validate(period: w10, milestones: [], currency: .cny) }
    }
}
