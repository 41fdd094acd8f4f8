/// How a lead was found (招商渠道).
public enum LeadChannel: String, CaseIterable, Sendable, Codable {
    /// 以商招商: an investor already in the zone refers another.
    case businessReferral
    /// 驻外招商: the zone's resident office in another city or country.
    case residentOffice
    /// 展会: a fair or investment promotion event.
    case fair
    /// 基金招商: through an investment fund.
    case fund
    /// 网上招商: online.
    case online
    case other
}

/// Who invests.
public struct Investor: Sendable, Codable, Hashable {
    /// Enterprise name, as it signs.
    public var name: String
    /// Country or region of origin (e.g. 中国香港, Germany).
    public var origin: String?
    /// Parent group, if any.
    public var parentGroup: String?

    public init(name: String, origin: String? = nil, parentGroup: String? = nil) {
        self.name = name
        self.origin = origin
        self.parentGroup = parentGroup
    }
}

/// An investment lead (招商线索): one record from first contact to production.
public struct Lead: Sendable, Codable, Hashable {
    /// The investment's name (what the project will be called once signed).
    public var title: String
    public var investor: Investor
    public var channel: LeadChannel
    /// Industry cluster tag (产业链).
    public var industryCluster: String?
    /// Intended investment, in its own currency (foreign capital is often in US dollars).
    public var intendedInvestment: Money?
    /// Department that owns the lead (责任单位), as projects name departments.
    public var ownerDepartment: String
    /// The officer following it.
    public var officer: String?
    /// National project code (全国投资项目在线审批监管平台代码), attached once issued.
    public var projectCode: ProjectCode?

    public init(title: String, investor: Investor, channel: LeadChannel, industryCluster: String? = nil, intendedInvestment: Money? = nil,
                ownerDepartment: String, officer: String? = nil, projectCode: ProjectCode? = nil) {
        self.title = title
        self.investor = investor
        self.channel = channel
        self.industryCluster = industryCluster
        self.intendedInvestment = intendedInvestment
        self.ownerDepartment = ownerDepartment
        self.officer = officer
        self.projectCode = projectCode
    }
}

/// Capital of a lead by date: what the contract says, and what has arrived (到位资金 / 实际使用外资).
public struct CapitalRecord: Sendable, Codable, Hashable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case contracted
        case inPlace
    }
    public var kind: Kind
    public var on: CalendarDate
    public var amount: Money

    public init(kind: Kind, on: CalendarDate, amount: Money) {
        self.kind = kind
        self.on = on
        self.amount = amount
    }
}

/// Categories of counted talent introductions (招才引智); no personal details are kept.
public enum TalentCategory: String, CaseIterable, Sendable, Codable {
    /// 高层次人才
    case highLevel
    /// 博士
    case doctorate
    /// 技能人才
    case skilledWorker
    /// 团队
    case team
    case other
}
