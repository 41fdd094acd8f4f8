/// A key project (重点项目) with its plan and progress figures.
///
/// Optional fields are blank because the source did not say; they are never read as zero.
/// All money is in the zone's currency.
public struct Project: Hashable, Sendable, Codable {
    /// Stable identity inside its zone, e.g. the import's identity key (see README, "identity").
    public var key: String
    public var name: String
    public var projectCode: ProjectCode?
    public var category: ProjectCategory?
    public var projectClass: ProjectClass?
    public var stage: Stage?
    /// Industry cluster tag (产业链), free text such as "新能源汽车".
    public var industryCluster: String?
    /// Responsible department (责任单位) name.
    public var department: String?
    /// Leader personally accountable (包保领导).
    public var responsibleLeader: String?
    /// Enterprise or builder (建设单位).
    public var enterprise: String?
    public var location: String?
    public var totalInvestment: Money?
    /// This year's planned investment (年度计划投资), or a budget where the source plans by budget.
    public var annualPlannedInvestment: Money?
    /// Investment completed this year (累计完成投资), or spending to date against a budget.
    public var completedInvestment: Money?
    /// Date the project entered the fixed-asset investment statistics (入库).
    public var statisticalEnrollment: CalendarDate?
    public var plannedStart: CalendarDate?
    public var plannedFinish: CalendarDate?
    /// Actual start of construction (开工), when known.
    public var actualStart: CalendarDate?
    /// Free-text progress narrative from the source (进展情况).
    public var progressNote: String?
    /// Where the record came from (a list name, a URL), shown on the project page.
    public var source: String?

    public init(key: String, name: String) {
        self.key = key
        self.name = name
    }

    /// The field names an import can give (the mapping's project fields).
    public static let fieldNames: [String] = [
        "name", "projectCode", "category", "projectClass", "stage", "industryCluster", "department", "responsibleLeader",
        "enterprise", "location", "totalInvestment", "annualPlannedInvestment", "completedInvestment",
        "statisticalEnrollment", "plannedStart", "plannedFinish", "actualStart", "progressNote", "source",
    ]

    /// This project with the named fields taken from `other` and the rest kept: a file that
    /// does not have a column leaves the stored value alone (a blank cell in a column it has
    /// does clear it).
    public func merging(_ other: Project, fields: Set<String>) -> Project {
        var p = self
        for field in fields {
            switch field {
            case "name": p.name = other.name
            case "projectCode": p.projectCode = other.projectCode
            case "category": p.category = other.category
            case "projectClass": p.projectClass = other.projectClass
            case "stage": p.stage = other.stage
            case "industryCluster": p.industryCluster = other.industryCluster
            case "department": p.department = other.department
            case "responsibleLeader": p.responsibleLeader = other.responsibleLeader
            case "enterprise": p.enterprise = other.enterprise
            case "location": p.location = other.location
            case "totalInvestment": p.totalInvestment = other.totalInvestment
            case "annualPlannedInvestment": p.annualPlannedInvestment = other.annualPlannedInvestment
            case "completedInvestment": p.completedInvestment = other.completedInvestment
            case "statisticalEnrollment": p.statisticalEnrollment = other.statisticalEnrollment
            case "plannedStart": p.plannedStart = other.plannedStart
            case "plannedFinish": p.plannedFinish = other.plannedFinish
            case "actualStart": p.actualStart = other.actualStart
            case "progressNote": p.progressNote = other.progressNote
            case "source": p.source = other.source
            default: break
            }
        }
        return p
    }
}

/// A dated step of a project (节点): a point event or a phase, planned and actual.
public struct Milestone: Hashable, Sendable, Codable {
    public var name: String
    public var kind: MilestoneKind
    public var plannedStart: CalendarDate?
    public var plannedFinish: CalendarDate?
    public var actualStart: CalendarDate?
    public var actualFinish: CalendarDate?
    /// The source's own status word (e.g. "In-Progress", "PNS"), kept for display.
    public var sourceStatus: String?
    /// Budget of this phase, where the source plans money per phase.
    public var budget: Money?
    /// Spending on this phase to date.
    public var spent: Money?

    public init(name: String, kind: MilestoneKind) {
        self.name = name
        self.kind = kind
    }

    /// Planned finish passed (strictly before `asOf`) without an actual finish.
    public func isOverdue(asOf: CalendarDate) -> Bool {
        guard actualFinish == nil, let due = plannedFinish else { return false }
        return due < asOf
    }
}

/// "`successor` follows `predecessor`": a dependency between two milestones of one project,
/// named by milestone name, with a lag in working days of the zone calendar (negative: a lead).
public struct MilestoneLink: Hashable, Sendable, Codable {
    public var predecessor: String
    public var successor: String
    public var type: RelationshipType
    public var lagDays: Int
    public init(predecessor: String, successor: String, type: RelationshipType = .finishToStart, lagDays: Int = 0) {
        self.predecessor = predecessor
        self.successor = successor
        self.type = type
        self.lagDays = lagDays
    }
}

/// A project with its milestones and their dependencies, as the rules and roll-ups read it.
public struct ProjectPlan: Hashable, Sendable, Codable {
    public var project: Project
    public var milestones: [Milestone]
    /// The milestone network's dependencies; empty when the project gives none.
    public var links: [MilestoneLink]
    public init(project: Project, milestones: [Milestone], links: [MilestoneLink] = []) {
        self.project = project
        self.milestones = milestones
        self.links = links
    }
}
