/// The four work lines (四抓四提) of the 2021 Jimo Economic Development Zone "Project Landing
/// Year" (项目落地年) campaign; every target metric belongs to one, so a bulletin can group them.
public enum WorkLine: String, CaseIterable, Codable, Sendable {
    /// 抓项目、促落地 — push projects to land.
    case projects
    /// 抓招商、提服务 — investment and talent attraction (双招双引).
    case attraction
    /// 抓党建、强机制 — mechanisms: targets, dispatch, supervision.
    case mechanisms
    /// 抓配套、提品质 — urban supporting infrastructure and public services.
    case urbanSupporting
}

/// Which way a metric is good.
public enum MetricDirection: String, CaseIterable, Codable, Sendable {
    /// A figure to reach, such as new signed projects (正向指标): more is better.
    case higherIsBetter
    /// A ceiling not to exceed, such as overdue problems or safety incidents (逆向指标 / 上限类).
    case lowerIsBetter
}

/// Where a metric's actuals come from.
public enum MetricSource: String, CaseIterable, Codable, Sendable {
    /// Reported by the department per period (e.g. talents introduced, foreign capital used).
    case reported
    /// Counted from the department's projects: those whose construction started (实际开工) in the
    /// as-of year by the as-of date.
    case projectsStarted
    /// Summed from the department's projects: completed investment this year (累计完成投资,
    /// itself summed from progress reports where there are any), in 万 of the zone's currency.
    case investmentCompleted
    /// Counted from the attraction leads the department owns that reached `signed` (新签约) in the
    /// as-of year by the as-of date.
    case leadsSigned
    /// Summed from the intended investment of those leads signed in that span (签约金额), in 万 of
    /// the zone's currency; amounts in other currencies are not converted here.
    case leadsSignedAmount
    /// Summed from those leads' capital in place (到位资金) in US dollars dated in that span, in
    /// 万美元 (实际使用外资 as the statistics count it); other currencies are not converted here.
    case capitalInPlaceUSD
    /// Summed from the department's counted talent introductions (招才引智) in that span.
    case talentsIntroduced

    /// Whether the actuals come from the attraction records (leads, capital, talents).
    public var isAttraction: Bool {
        switch self {
        case .leadsSigned, .leadsSignedAmount, .capitalInPlaceUSD, .talentsIntroduced: return true
        case .reported, .projectsStarted, .investmentCompleted: return false
        }
    }
}

/// A metric on which departments pledge annual targets (目标责任), such as 新签约项目 in 个.
///
/// Built only through the validating initializer (also when decoded), so a formula never holds
/// a blank key or a negative weight.
public struct TargetMetric: Hashable, Sendable, Codable {
    /// Stable id in ASCII letters, digits and `_`, e.g. `newSignedProjects`; used in files, URLs
    /// and as the key of reported actuals.
    public let key: String
    /// Display name, e.g. 新签约项目.
    public let name: String
    /// Free-text display unit of targets and actuals, e.g. 个, 亿元, 万美元, 人; may be empty for
    /// a unitless index.
    public let unit: String
    public let direction: MetricDirection
    public let workLine: WorkLine
    /// Points (分值) in the ranking formula, ≥ 0. A department's score divides by the sum of the
    /// weights of its own metrics, so only the proportions between weights matter; weights that
    /// add up to 100 read as the points each metric is worth at exactly the time-elapsed pace.
    /// A weight of 0 shows the metric in the bulletin without scoring it.
    public let weight: Double
    /// Where actuals come from: reported per period, or derived from the projects so they are
    /// never typed twice.
    public let source: MetricSource

    /// - Throws: `TargetError.blank` for a blank key or name, `.keyNotASCII` for a key with
    ///   other characters, `.invalidWeight` for a negative, infinite or NaN weight.
    public init(key: String, name: String, unit: String, direction: MetricDirection, workLine: WorkLine, weight: Double,
                source: MetricSource = .reported) throws {
        guard !key.trimmingWhitespace().isEmpty else { throw TargetError.blank(field: "key") }
        guard key.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" })
        else { throw TargetError.keyNotASCII(key) }
        guard !name.trimmingWhitespace().isEmpty else { throw TargetError.blank(field: "name") }
        guard weight.isFinite, weight >= 0 else { throw TargetError.invalidWeight(metric: key, weight: weight) }
        self.key = key
        self.name = name
        self.unit = unit
        self.direction = direction
        self.workLine = workLine
        self.weight = weight
        self.source = source
    }

    private enum CodingKeys: String, CodingKey { case key, name, unit, direction, workLine, weight, source }

    /// Decodes and validates like `init(key:name:unit:direction:workLine:weight:)`.
    /// - Throws: `DecodingError` for a missing or mistyped field, `TargetError` for a bad value.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            key: c.decode(String.self, forKey: .key), name: c.decode(String.self, forKey: .name),
            unit: c.decode(String.self, forKey: .unit), direction: c.decode(MetricDirection.self, forKey: .direction),
            workLine: c.decode(WorkLine.self, forKey: .workLine), weight: c.decode(Double.self, forKey: .weight),
            source: c.decodeIfPresent(MetricSource.self, forKey: .source) ?? .reported)
    }
}

/// A department's pledged annual figure on one metric (目标责任书 line), in the metric's unit.
public struct DepartmentTarget: Hashable, Sendable, Codable {
    /// The responsible unit (责任单位), matched exactly against the keys of reported actuals.
    public let department: String
    /// The `TargetMetric.key` the target is set on.
    public let metricKey: String
    /// The pledged figure for the year in the metric's unit, finite and > 0; for a
    /// `lowerIsBetter` metric, the ceiling for the year.
    public let annualTarget: Double

    /// - Throws: `TargetError.blank` for a blank department or metric key,
    ///   `.invalidAnnualTarget` when `annualTarget` is not a finite number above 0.
    public init(department: String, metricKey: String, annualTarget: Double) throws {
        guard !department.trimmingWhitespace().isEmpty else { throw TargetError.blank(field: "department") }
        guard !metricKey.trimmingWhitespace().isEmpty else { throw TargetError.blank(field: "metricKey") }
        guard annualTarget.isFinite, annualTarget > 0 else {
            throw TargetError.invalidAnnualTarget(department: department, metric: metricKey, value: annualTarget)
        }
        self.department = department
        self.metricKey = metricKey
        self.annualTarget = annualTarget
    }

    private enum CodingKeys: String, CodingKey { case department, metricKey, annualTarget }

    /// Decodes and validates like `init(department:metricKey:annualTarget:)`.
    /// - Throws: `DecodingError` for a missing or mistyped field, `TargetError` for a bad value.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            department: c.decode(String.self, forKey: .department), metricKey: c.decode(String.self, forKey: .metricKey),
            annualTarget: c.decode(Double.self, forKey: .annualTarget))
    }
}

/// One department's progress on one metric at an as-of date's time-elapsed share (序时进度).
public struct TargetProgress: Hashable, Sendable {
    public let direction: MetricDirection
    /// In the metric's unit, > 0.
    public let annualTarget: Double
    /// Cumulative figure since 1 January in the metric's unit, ≥ 0.
    public let actualToDate: Double
    /// Share of the year elapsed at the as-of date, with its convention.
    public let share: TimeElapsedShare

    /// - Throws: `TargetError.invalidActual` naming the department and metric when
    ///   `actualToDate` is negative, infinite or NaN.
    public init(target: DepartmentTarget, direction: MetricDirection, actualToDate: Double, share: TimeElapsedShare) throws {
        guard actualToDate.isFinite, actualToDate >= 0 else {
            throw TargetError.invalidActual(department: target.department, metric: target.metricKey, value: actualToDate)
        }
        self.direction = direction
        self.annualTarget = target.annualTarget
        self.actualToDate = actualToDate
        self.share = share
    }

    /// Completion rate (完成率): actual ÷ annual target, as a fraction (0.75 = 75 %).
    public var completion: Double { actualToDate / annualTarget }

    /// Completion in percent minus the time-elapsed share in percent, in percentage points
    /// ("落后序时进度 N 个百分点" when negative). For a `lowerIsBetter` ceiling a positive value
    /// means the allowance is being used up faster than the year passes; scores ignore it.
    public var pointsAgainstShare: Double { completion * 100 - share.percent }

    /// The uncapped scoring ratio; 1 = exactly on pace.
    ///
    /// - `higherIsBetter`: completion ÷ share fraction. The share is 0 only under the months
    ///   convention before the end of January (no month completed yet); then nothing is due, so
    ///   any figure above 0 counts as ahead (`cap`) and 0 as on pace (1).
    /// - `lowerIsBetter` (a ceiling for the whole year, not pro-rated): 1 while the actual is
    ///   within the ceiling, otherwise ceiling ÷ actual (one over a ceiling of 2 → 2/3).
    /// - Parameter cap: the formula's cap, used only for the zero-share case.
    public func ratio(cap: Double) -> Double {
        switch direction {
        case .higherIsBetter:
            guard share.fraction > 0 else { return actualToDate > 0 ? cap : 1 }
            return completion / share.fraction
        case .lowerIsBetter:
            return actualToDate <= annualTarget ? 1 : annualTarget / actualToDate
        }
    }
}

/// Why targets, a formula or actuals cannot be used.
public enum TargetError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A required text field (`key`, `name`, `department`, `metricKey`) is blank.
    case blank(field: String)
    case keyNotASCII(String)
    case invalidWeight(metric: String, weight: Double)
    case invalidAnnualTarget(department: String, metric: String, value: Double)
    case invalidActual(department: String, metric: String, value: Double)
    /// A target on a metric that the ranking formula does not have.
    case unknownMetric(key: String, department: String)
    /// Two targets for the same department and metric.
    case duplicateTarget(department: String, metric: String)
    /// Two metrics with the same key in one formula.
    case duplicateMetric(key: String)
    case invalidCap(Double)

    public var description: String {
        switch self {
        case let .blank(field): return "\(field) is blank"
        case let .keyNotASCII(k):
            return "metric key '\(k)' may hold only ASCII letters, digits and '_' (e.g. newSignedProjects); put the Chinese name in name"
        case let .invalidWeight(m, w): return "weight of metric '\(m)' must be a finite number ≥ 0, got \(w)"
        case let .invalidAnnualTarget(d, m, v):
            return "annualTarget of \(d) on metric '\(m)' must be a finite number above 0, got \(v)"
        case let .invalidActual(d, m, v):
            return "actual to date of \(d) on metric '\(m)' must be a finite number ≥ 0, got \(v)"
        case let .unknownMetric(k, d): return "\(d) has a target on metric '\(k)', which is not in the ranking formula"
        case let .duplicateTarget(d, m): return "\(d) has more than one target on metric '\(m)'; keep one"
        case let .duplicateMetric(k): return "the ranking formula lists metric '\(k)' more than once"
        case let .invalidCap(c):
            return "cap must be a finite number ≥ 1 (1.2 = at most 120 % of the time-elapsed pace counts), got \(c)"
        }
    }
}
