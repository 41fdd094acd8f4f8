import Foundation
import Testing
@testable import LuodiCore

@Suite struct RankingTests {
    // 2021-06-30 by days: 181/365 = 0.495890410958904… (49.589041 %).
    let june30 = TimeElapsedShare(asOf: try! CalendarDate(iso: "2021-06-30"))
    let newSigned = try! TargetMetric(key: "newSignedProjects", name: "新签约项目", unit: "个", direction: .higherIsBetter, workLine: .attraction, weight: 40)
    let talent = try! TargetMetric(key: "talentIntroduced", name: "引进人才", unit: "人", direction: .higherIsBetter, workLine: .attraction, weight: 20)
    let overdue = try! TargetMetric(key: "overdueProblems", name: "超期未销号问题", unit: "件", direction: .lowerIsBetter, workLine: .mechanisms, weight: 10)
    var formula: RankingFormula { try! RankingFormula(metrics: [newSigned, talent, overdue]) }

    func target(_ department: String, _ metric: String, _ annual: Double) -> DepartmentTarget {
        try! DepartmentTarget(department: department, metricKey: metric, annualTarget: annual)
    }

    /// 招商局 overshoots 新签约项目; 建设局 did not report 引进人才; 经发局 reported 0 for it and
    /// ties with 建设局 through different figures with the same ratios.
    var targets: [DepartmentTarget] {
        [
            target("招商局", "newSignedProjects", 20), target("招商局", "talentIntroduced", 50), target("招商局", "overdueProblems", 4),
            target("建设局", "newSignedProjects", 6), target("建设局", "talentIntroduced", 40), target("建设局", "overdueProblems", 4),
            target("经发局", "newSignedProjects", 10), target("经发局", "talentIntroduced", 30), target("经发局", "overdueProblems", 2),
        ]
    }
    let actuals: [String: [String: Double]] = [
        "招商局": ["newSignedProjects": 15, "talentIntroduced": 20, "overdueProblems": 2],
        "建设局": ["newSignedProjects": 3, "overdueProblems": 6],
        "经发局": ["newSignedProjects": 5, "talentIntroduced": 0, "overdueProblems": 3],
    ]

    @Test func threeDepartmentsAtTheEndOfJune() throws {
        // when
        let ranking = try Ranking.rank(targets: targets, actuals: actuals, formula: formula, share: june30)

        // then: Σweight = 40 + 20 + 10 = 70 for every department.
        // 招商局: 新签约 15/20 = 0.75, ratio 0.75 ÷ (181/365) = 273.75/181 = 1.512431 → capped 1.2,
        //   points 40 × 1.2 / 70 × 100 = 68.571429;
        //   引进人才 20/50 = 0.4, ratio 0.4 × 365/181 = 146/181 = 0.806630, points 20 × 146/181 / 70 × 100 = 23.046567;
        //   超期问题 2 ≤ 4 → 1, points 10 × 1 / 70 × 100 = 14.285714;
        //   score 68.571429 + 23.046567 + 14.285714 = 134180/1267 = 105.903710.
        // 建设局: 新签约 3/6 = 0.5, ratio 182.5/181 = 1.008287 (under the cap), points 40 × 1.008287 / 70 × 100 = 57.616417;
        //   引进人才 not reported → 0, ratio 0, points 0;
        //   超期问题 6 > 4 → 4/6 = 0.666667, points 10 × 2/3 / 70 × 100 = 9.523810;
        //   score 57.616417 + 0 + 9.523810 = 255200/3801 = 67.140226.
        // 经发局: 5/10 = 0.5, reported 0/30, 3 > 2 → 2/3: the same ratios, so 67.140226 too.
        #expect(ranking.map(\.department) == ["招商局", "建设局", "经发局"])  // tie: 建 U+5EFA before 经 U+7ECF
        #expect(ranking.map(\.rank) == [1, 2, 2])
        #expect(abs(ranking[0].score - 105.903710) < 1e-6)
        #expect(abs(ranking[1].score - 67.140226) < 1e-6)
        #expect(abs(ranking[2].score - 67.140226) < 1e-6)

        let zhaoshang = ranking[0].contributions
        #expect(zhaoshang.map(\.metricKey) == ["newSignedProjects", "talentIntroduced", "overdueProblems"])
        #expect(abs(zhaoshang[0].ratio - 1.512431) < 1e-6 && zhaoshang[0].cappedRatio == 1.2)
        #expect(abs(zhaoshang[0].points - 68.571429) < 1e-6)
        #expect(abs(zhaoshang[1].completion - 0.4) < 1e-12 && abs(zhaoshang[1].points - 23.046567) < 1e-6)
        #expect(zhaoshang[2].ratio == 1 && abs(zhaoshang[2].points - 14.285714) < 1e-6)

        let jianshe = ranking[1].contributions
        #expect(abs(jianshe[0].ratio - 1.008287) < 1e-6 && jianshe[0].cappedRatio == jianshe[0].ratio)
        #expect(!jianshe[1].reported && jianshe[1].actualToDate == 0 && jianshe[1].points == 0)
        #expect(abs(jianshe[2].ratio - 2.0 / 3.0) < 1e-12 && abs(jianshe[2].points - 9.523810) < 1e-6)
        #expect(ranking[2].contributions[1].reported)  // 经发局 reported its 0
    }

    @Test func contributionsAddUpToTheScore() throws {
        let ranking = try Ranking.rank(targets: targets, actuals: actuals, formula: formula, share: june30)
        for department in ranking {
            #expect(department.contributions.reduce(0) { $0 + $1.points } == department.score)
        }
    }

    @Test func equalScoresAsPrintedShareARankAndTheNextRankSkips() throws {
        // given: by months, the end of June is 6/12 = 0.5, so ratio = completion × 2; one metric.
        let share = TimeElapsedShare(asOf: try CalendarDate(iso: "2021-06-30"), convention: .months)
        let formula = try RankingFormula(metrics: [newSigned])
        let targets = [target("D", "newSignedProjects", 100), target("C", "newSignedProjects", 100_000),
                       target("B", "newSignedProjects", 100), target("A", "newSignedProjects", 100)]
        let actuals: [String: [String: Double]] = [
            "A": ["newSignedProjects": 55],       // 0.55 × 2 = 1.1 → 110
            "B": ["newSignedProjects": 45],       // 0.45 × 2 = 0.9 → 90
            "C": ["newSignedProjects": 45_001],   // 0.45001 × 2 = 0.90002 → 90.002, printed 90.00
            "D": ["newSignedProjects": 20],       // 0.2 × 2 = 0.4 → 40
        ]

        // when
        let ranking = try Ranking.rank(targets: targets, actuals: actuals, formula: formula, share: share)

        // then: B and C print the same 90.00, so they share rank 2 in name order although C is 0.002 ahead.
        #expect(ranking.map(\.department) == ["A", "B", "C", "D"])
        #expect(ranking.map(\.rank) == [1, 2, 2, 4])
        #expect(abs(ranking[2].score - 90.002) < 1e-6)
    }

    @Test func aDepartmentWhoseMetricsWeighNothingScoresZero() throws {
        let info = try TargetMetric(key: "landSupplied", name: "供地面积", unit: "亩", direction: .higherIsBetter, workLine: .projects, weight: 0)
        let formula = try RankingFormula(metrics: [info])
        let ranking = try Ranking.rank(targets: [target("自然资源局", "landSupplied", 300)],
                                       actuals: ["自然资源局": ["landSupplied": 200]], formula: formula, share: june30)
        // 200/300 = 0.666667 ÷ 0.495890 = 1.344383 → capped 1.2, but weight 0 of Σweight 0 → 0 points.
        #expect(ranking.map(\.score) == [0] && ranking[0].contributions[0].cappedRatio == 1.2)
    }

    @Test func progressAgainstTheTimeElapsedShare() throws {
        // 招商局 引进人才: 20/50 = 40 %, 40 − 181/365 × 100 = 40 − 49.589041 = −9.589041 points (behind).
        let behind = try TargetProgress(target: target("招商局", "talentIntroduced", 50), direction: .higherIsBetter, actualToDate: 20, share: june30)
        #expect(abs(behind.pointsAgainstShare - -9.589041) < 1e-6)
        // 招商局 新签约: 15/20 = 75 %, 75 − 49.589041 = 25.410959 points (ahead).
        let ahead = try TargetProgress(target: target("招商局", "newSignedProjects", 20), direction: .higherIsBetter, actualToDate: 15, share: june30)
        #expect(abs(ahead.pointsAgainstShare - 25.410959) < 1e-6)
    }

    @Test func beforeTheEndOfJanuaryByMonthsNothingIsDueYet() throws {
        // given: 2021-01-15 by months = 0/12.
        let january = TimeElapsedShare(asOf: try CalendarDate(iso: "2021-01-15"), convention: .months)
        let t = target("招商局", "newSignedProjects", 20)
        // then: anything signed counts as ahead (the cap), nothing as on pace.
        #expect(try TargetProgress(target: t, direction: .higherIsBetter, actualToDate: 1, share: january).ratio(cap: 1.2) == 1.2)
        #expect(try TargetProgress(target: t, direction: .higherIsBetter, actualToDate: 0, share: january).ratio(cap: 1.2) == 1)
    }

    @Test func aCeilingIsNotProRated() throws {
        let ceiling = target("建设局", "overdueProblems", 2)
        // 2 of a yearly ceiling of 2 by June is still within it → 1; 5 over 2 → 2/5 = 0.4.
        #expect(try TargetProgress(target: ceiling, direction: .lowerIsBetter, actualToDate: 2, share: june30).ratio(cap: 1.2) == 1)
        #expect(try TargetProgress(target: ceiling, direction: .lowerIsBetter, actualToDate: 5, share: june30).ratio(cap: 1.2) == 0.4)
    }

    @Test func theFormulaTextStatesTheCap() throws {
        #expect(formula.formulaText(chinese: true).contains("min(完成率 ÷ 序时进度, 1.2)"))
        #expect(formula.formulaText(chinese: false).contains("min(completion ÷ time-elapsed share, 1.2)"))
        let loose = try RankingFormula(metrics: [newSigned], cap: 1.5)
        #expect(loose.formulaText(chinese: true).contains("1.5") && !loose.formulaText(chinese: true).contains("1.2"))
        #expect(try RankingFormula(metrics: [newSigned], cap: 1).formulaText(chinese: false).contains("share, 1))"))
    }

    @Test func badTargetsAndFormulasAreRefused() throws {
        #expect(throws: TargetError.unknownMetric(key: "landSupplied", department: "招商局")) {
            try Ranking.rank(targets: targets + [target("招商局", "landSupplied", 100)], actuals: actuals, formula: formula, share: june30)
        }
        #expect(throws: TargetError.duplicateTarget(department: "经发局", metric: "talentIntroduced")) {
            try Ranking.rank(targets: targets + [target("经发局", "talentIntroduced", 35)], actuals: actuals, formula: formula, share: june30)
        }
        #expect(throws: TargetError.invalidActual(department: "建设局", metric: "overdueProblems", value: -1)) {
            try Ranking.rank(targets: targets, actuals: ["建设局": ["overdueProblems": -1]], formula: formula, share: june30)
        }
        #expect(throws: TargetError.invalidAnnualTarget(department: "招商局", metric: "newSignedProjects", value: 0)) {
            try DepartmentTarget(department: "招商局", metricKey: "newSignedProjects", annualTarget: 0)
        }
        #expect(throws: TargetError.blank(field: "department")) {
            try DepartmentTarget(department: " ", metricKey: "newSignedProjects", annualTarget: 20)
        }
        #expect(throws: TargetError.invalidWeight(metric: "newSignedProjects", weight: -5)) {
            try TargetMetric(key: "newSignedProjects", name: "新签约项目", unit: "个", direction: .higherIsBetter, workLine: .attraction, weight: -5)
        }
        #expect(throws: TargetError.blank(field: "name")) {
            try TargetMetric(key: "newSignedProjects", name: "", unit: "个", direction: .higherIsBetter, workLine: .attraction, weight: 40)
        }
        #expect(throws: TargetError.keyNotASCII("新签约")) {
            try TargetMetric(key: "新签约", name: "新签约项目", unit: "个", direction: .higherIsBetter, workLine: .attraction, weight: 40)
        }
        #expect(throws: TargetError.duplicateMetric(key: "newSignedProjects")) { try RankingFormula(metrics: [newSigned, newSigned]) }
        #expect(throws: TargetError.invalidCap(0.9)) { try RankingFormula(metrics: [newSigned], cap: 0.9) }
    }

    @Test func errorMessagesNameTheFieldDepartmentAndMetric() {
        let message = TargetError.invalidAnnualTarget(department: "招商局", metric: "newSignedProjects", value: 0).description
        #expect(message.contains("annualTarget") && message.contains("招商局") && message.contains("newSignedProjects"))
        let unknown = TargetError.unknownMetric(key: "landSupplied", department: "招商局").description
        #expect(unknown.contains("landSupplied") && unknown.contains("招商局"))
    }

    @Test func decodingValidatesLikeTheInitializer() throws {
        let json = #"{"key":"newSignedProjects","name":"新签约项目","unit":"个","direction":"higherIsBetter","workLine":"attraction","weight":-1}"#
        #expect(throws: TargetError.invalidWeight(metric: "newSignedProjects", weight: -1)) {
            try JSONDecoder().decode(TargetMetric.self, from: Data(json.utf8))
        }
        let round = try JSONDecoder().decode(RankingFormula.self, from: JSONEncoder().encode(formula))
        #expect(round == formula)
    }
}
