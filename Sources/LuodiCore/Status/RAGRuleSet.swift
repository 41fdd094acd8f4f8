/// A named, tunable set of traffic-light rules that a zone chooses (DESIGN.md, "Traffic lights").
///
/// Each rule is optional: a zone that does not report to the Chinese investment statistics, for
/// instance, switches the enrollment rule off. Thresholds follow the presets published in
/// Chinese key-project dispatch practice (milestones late by 3 months are red; investment more
/// than 30 points behind the time-elapsed share is red; started and not enrolled after 2 months
/// is red).
public struct RAGRuleSet: Hashable, Sendable, Codable {
    /// The preset or custom name shown beside every light.
    public var name: String
    public var milestoneOverdue: MilestoneOverdueRule?
    public var investmentLag: InvestmentLagRule?
    public var statisticalEnrollment: EnrollmentRule?
    /// Luodi's own rule for projects with a milestone network: amber when a critical milestone
    /// is behind the plan's target, red from `redAfterDays` working days behind.
    public var criticalPath: CriticalPathRule?
    /// A project that was red returns to green only through amber (it must catch up first).
    public var redReturnsThroughAmber: Bool

    public init(
        name: String, milestoneOverdue: MilestoneOverdueRule?, investmentLag: InvestmentLagRule?,
        statisticalEnrollment: EnrollmentRule?, criticalPath: CriticalPathRule? = CriticalPathRule(redAfterDays: 20),
        redReturnsThroughAmber: Bool = false
    ) {
        self.name = name
        self.criticalPath = criticalPath
        self.milestoneOverdue = milestoneOverdue
        self.investmentLag = investmentLag
        self.statisticalEnrollment = statisticalEnrollment
        self.redReturnsThroughAmber = redReturnsThroughAmber
    }

    /// All three published rules at their published thresholds.
    public static let standard = RAGRuleSet(
        name: "standard",
        milestoneOverdue: MilestoneOverdueRule(redAfterMonths: 3),
        investmentLag: InvestmentLagRule(amberFromPoints: 10, redBeyondPoints: 30),
        statisticalEnrollment: EnrollmentRule(amberAfterMonths: 1, redAfterMonths: 2))

    /// For capital programmes outside the Chinese statistics and without annual plans (e.g. a
    /// school-construction authority budgeting by phase): milestone dates only.
    public static let capitalProgram = RAGRuleSet(
        name: "capital-program",
        milestoneOverdue: MilestoneOverdueRule(redAfterMonths: 3),
        investmentLag: nil, statisticalEnrollment: nil)

    /// The shipped presets by name.
    public static let presets: [String: RAGRuleSet] = [standard.name: standard, capitalProgram.name: capitalProgram]
}

/// Amber when a planned start or milestone finish has passed; red once `redAfterMonths` whole
/// months have passed.
public struct MilestoneOverdueRule: Hashable, Sendable, Codable {
    public var redAfterMonths: Int
    public init(redAfterMonths: Int) { self.redAfterMonths = redAfterMonths }
}

/// Amber when the completion rate is `amberFromPoints`…`redBeyondPoints` percentage points
/// behind the time-elapsed share; red beyond `redBeyondPoints`.
public struct InvestmentLagRule: Hashable, Sendable, Codable {
    public var amberFromPoints: Double
    public var redBeyondPoints: Double
    public init(amberFromPoints: Double, redBeyondPoints: Double) {
        self.amberFromPoints = amberFromPoints
        self.redBeyondPoints = redBeyondPoints
    }
}

/// Amber when a critical milestone is behind the target finish; red from `redAfterDays`
/// working days (20, about a month, by default).
public struct CriticalPathRule: Hashable, Sendable, Codable {
    public var redAfterDays: Int
    public init(redAfterDays: Int) { self.redAfterDays = redAfterDays }
}

/// Amber when a started project is not enrolled (入库) `amberAfterMonths` after its start; red
/// after `redAfterMonths`.
public struct EnrollmentRule: Hashable, Sendable, Codable {
    public var amberAfterMonths: Int
    public var redAfterMonths: Int
    public init(amberAfterMonths: Int, redAfterMonths: Int) {
        self.amberAfterMonths = amberAfterMonths
        self.redAfterMonths = redAfterMonths
    }
}
