/// How a zone scores departments against their targets for the ranking bulletin (排名通报).
///
/// score = Σ(weight × min(ratio, cap)) ÷ Σweight × 100 over the department's own metrics, where
/// ratio is `TargetProgress.ratio(cap:)`: completion ÷ time-elapsed share for a figure to reach,
/// and 1 within / ceiling ÷ actual above a ceiling. 100 means exactly on the time-elapsed pace;
/// `cap` × 100 is the most a department can score.
public struct RankingFormula: Hashable, Sendable, Codable {
    /// The metrics that can be targeted, with their weights, in bulletin order.
    public let metrics: [TargetMetric]
    /// The most a ratio counts for (1.2: running ahead of the time-elapsed pace counts up to
    /// 120 %), so overshooting one metric cannot hide falling behind on another. ≥ 1.
    public let cap: Double

    /// - Throws: `TargetError.duplicateMetric` when two metrics share a key, `.invalidCap` when
    ///   `cap` is below 1 (being exactly on pace would count as behind) or not finite.
    public init(metrics: [TargetMetric], cap: Double = 1.2) throws {
        var seen = Set<String>()
        for m in metrics where !seen.insert(m.key).inserted { throw TargetError.duplicateMetric(key: m.key) }
        guard cap.isFinite, cap >= 1 else { throw TargetError.invalidCap(cap) }
        self.metrics = metrics
        self.cap = cap
    }

    /// The metrics the issue of a landing campaign names (新签约项目, 新开工项目, 完成投资,
    /// 实际使用外资, 引进人才), weighted 20/20/30/15/15 so the weights add up to 100 points, with
    /// the default cap. Started projects and completed investment are derived from the projects.
    public static let standard = try! RankingFormula(metrics: [
        TargetMetric(key: "newSignedProjects", name: "新签约项目", unit: "个", direction: .higherIsBetter, workLine: .attraction, weight: 20,
                     source: .leadsSigned),
        TargetMetric(key: "projectsStarted", name: "新开工项目", unit: "个", direction: .higherIsBetter, workLine: .projects, weight: 20,
                     source: .projectsStarted),
        TargetMetric(key: "investmentCompleted", name: "完成投资", unit: "万元", direction: .higherIsBetter, workLine: .projects, weight: 30,
                     source: .investmentCompleted),
        TargetMetric(key: "foreignCapitalUsed", name: "实际使用外资", unit: "万美元", direction: .higherIsBetter, workLine: .attraction, weight: 15,
                     source: .capitalInPlaceUSD),
        TargetMetric(key: "talentsIntroduced", name: "引进人才", unit: "人", direction: .higherIsBetter, workLine: .attraction, weight: 15,
                     source: .talentsIntroduced),
    ])

    private enum CodingKeys: String, CodingKey { case metrics, cap }

    /// Decodes and validates like `init(metrics:cap:)`.
    /// - Throws: `DecodingError` for a missing or mistyped field, `TargetError` for a bad value.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(metrics: c.decode([TargetMetric].self, forKey: .metrics), cap: c.decode(Double.self, forKey: .cap))
    }

    /// The formula in words, with this formula's cap, for the foot of a bulletin.
    /// - Parameter chinese: zh-Hans when true, English otherwise.
    public func formulaText(chinese: Bool) -> String {
        let rounded = (cap * 10_000).rounded() / 10_000
        let c = "\(rounded)".hasSuffix(".0") ? String("\(rounded)".dropLast(2)) : "\(rounded)"
        return chinese
            ? "得分 = Σ(权重 × min(完成率 ÷ 序时进度, \(c))) ÷ Σ权重 × 100，按本部门承担的指标计算，按序时进度完成记 100 分；"
                + "逆向指标：未超上限记 1，超出记 上限 ÷ 实际；未报送按 0 计"
            : "Score = Σ(weight × min(completion ÷ time-elapsed share, \(c))) ÷ Σweight × 100 over the department's own metrics, "
                + "100 = exactly on the time-elapsed pace; ceiling metrics: 1 within the ceiling, ceiling ÷ actual above it; "
                + "a figure not reported counts as 0"
    }
}

/// A department's place in the ranking, with the contribution of each metric to its score.
public struct DepartmentScore: Hashable, Sendable, Codable {
    public let department: String
    /// Points: 100 = exactly on the time-elapsed pace on every metric, at most cap × 100.
    /// Exactly the sum of `contributions`' points.
    public let score: Double
    /// 1-based; departments whose scores are equal when rounded to 2 decimals (as printed)
    /// share a rank, and the next rank skips ("1, 2, 2, 4").
    public let rank: Int
    /// One per targeted metric, in the formula's metric order.
    public let contributions: [Contribution]

    /// What one metric adds to a department's score, with the figures that produced it.
    public struct Contribution: Hashable, Sendable, Codable {
        public let metricKey: String
        public let metricName: String
        /// The metric's display unit, for `annualTarget` and `actualToDate`.
        public let unit: String
        public let direction: MetricDirection
        /// The metric's weight (points) in the formula.
        public let weight: Double
        /// In `unit`.
        public let annualTarget: Double
        /// In `unit`; 0 when not reported (see `reported`).
        public let actualToDate: Double
        /// False when the department reported no figure, which counts as 0.
        public let reported: Bool
        /// Actual ÷ target, as a fraction.
        public let completion: Double
        /// `TargetProgress.ratio(cap:)`, before the cap.
        public let ratio: Double
        /// min(ratio, cap).
        public let cappedRatio: Double
        /// weight × cappedRatio ÷ Σweight of the department's metrics × 100 (0 when Σweight is 0).
        public let points: Double
    }
}

/// Ranks departments on their targets (排名通报).
public enum Ranking {
    /// Scores and orders every department that has a target.
    ///
    /// Each department is scored over its own metrics, so departments with different metric sets
    /// are comparable (a weighted mean of capped ratios). A department whose metrics all weigh 0
    /// scores 0. Actuals for a metric the department has no target on are ignored.
    ///
    /// Order: score rounded to 2 decimals descending (as printed, so the order agrees with the
    /// shared ranks), then department name ascending in Unicode scalar order (not pinyin or
    /// stroke order).
    ///
    /// - Parameters:
    ///   - actuals: department → metric key → cumulative figure since 1 January in the metric's
    ///     unit. A missing figure counts as 0: nobody reported, nothing done.
    ///   - share: the time-elapsed share at the as-of date, in the zone's convention.
    /// - Throws: `TargetError.unknownMetric` for a target on a metric not in `formula`,
    ///   `.duplicateTarget` for a second target on one department and metric, `.invalidActual`
    ///   for a negative or non-finite figure.
    public static func rank(
        targets: [DepartmentTarget], actuals: [String: [String: Double]], formula: RankingFormula, share: TimeElapsedShare
    ) throws -> [DepartmentScore] {
        let known = Set(formula.metrics.map(\.key))
        var departments: [String] = []
        var byDepartment: [String: [String: DepartmentTarget]] = [:]
        for t in targets {
            guard known.contains(t.metricKey) else { throw TargetError.unknownMetric(key: t.metricKey, department: t.department) }
            if byDepartment[t.department] == nil { departments.append(t.department) }
            guard byDepartment[t.department, default: [:]].updateValue(t, forKey: t.metricKey) == nil else {
                throw TargetError.duplicateTarget(department: t.department, metric: t.metricKey)
            }
        }
        let scored = try departments.map { d in
            let contributions = try score(byDepartment[d, default: [:]], reports: actuals[d, default: [:]], formula: formula, share: share)
            return (department: d, contributions: contributions, score: contributions.reduce(0) { $0 + $1.points })
        }
        let printed = { (score: Double) in (score * 100).rounded() }
        let ordered = scored.sorted {
            printed($0.score) != printed($1.score) ? printed($0.score) > printed($1.score) : $0.department < $1.department
        }
        var result: [DepartmentScore] = []
        for (i, s) in ordered.enumerated() {
            let rank = i > 0 && printed(ordered[i - 1].score) == printed(s.score) ? result[i - 1].rank : i + 1
            result.append(DepartmentScore(department: s.department, score: s.score, rank: rank, contributions: s.contributions))
        }
        return result
    }

    private static func score(
        _ targets: [String: DepartmentTarget], reports: [String: Double], formula: RankingFormula, share: TimeElapsedShare
    ) throws -> [DepartmentScore.Contribution] {
        let own = formula.metrics.compactMap { m in targets[m.key].map { (metric: m, target: $0) } }
        let totalWeight = own.reduce(0) { $0 + $1.metric.weight }
        return try own.map { m, t in
            let progress = try TargetProgress(target: t, direction: m.direction, actualToDate: reports[m.key] ?? 0, share: share)
            let ratio = progress.ratio(cap: formula.cap)
            let capped = min(ratio, formula.cap)
            return DepartmentScore.Contribution(
                metricKey: m.key, metricName: m.name, unit: m.unit, direction: m.direction, weight: m.weight,
                annualTarget: t.annualTarget, actualToDate: progress.actualToDate, reported: reports[m.key] != nil,
                completion: progress.completion, ratio: ratio, cappedRatio: capped,
                points: totalWeight > 0 ? m.weight * capped / totalWeight * 100 : 0)
        }
    }
}
