import LuodiCore

/// Words people type for coded fields, in Chinese and English, mapped to their codes.
/// Matching ignores case, spaces, hyphens and underscores.
enum Vocabulary {
    static func normalize(_ s: String) -> String {
        s.lowercased().filter { !" -_　".contains($0) }
    }

    static func lookup<T: RawRepresentable & CaseIterable>(_ text: String, _ type: T.Type, words: [String: T]) -> T?
    where T.RawValue == String {
        let key = normalize(text)
        if let exact = T.allCases.first(where: { normalize($0.rawValue) == key }) { return exact }
        return words.first { normalize($0.key) == key }?.value
    }

    /// The glossary's Chinese labels (DESIGN.md), preferred when an error lists the allowed words.
    static let glossary: Set<String> = [
        "产业项目", "基础设施", "社会事业", "城市配套", "新开工", "续建", "竣工投产", "预备",
        "线索", "洽谈", "签约", "注册", "前期手续", "在建", "竣工", "投产",
        "供地", "规划许可", "施工许可", "开工", "封顶", "设计", "施工", "其他",
    ]

    static let category: [String: ProjectCategory] = [
        "产业项目": .industrial, "产业": .industrial, "工业": .industrial, "工业项目": .industrial,
        "基础设施": .infrastructure, "基础设施项目": .infrastructure, "基建": .infrastructure,
        "社会事业": .publicService, "社会事业项目": .publicService, "公共服务": .publicService, "public service": .publicService,
        "城市配套": .urbanSupport, "城建配套": .urbanSupport, "urban support": .urbanSupport,
    ]
    static let projectClass: [String: ProjectClass] = [
        "新开工": .newStart, "新建": .newStart, "new start": .newStart,
        "续建": .continuing, "竣工投产": .completing, "竣工": .completing, "预备": .preparatory, "前期": .preparatory,
    ]
    static let stage: [String: Stage] = [
        "线索": .lead, "洽谈": .negotiating, "在谈": .negotiating, "签约": .signed, "注册": .registered,
        "前期手续": .preparing, "前期": .preparing, "在建": .underConstruction, "开工": .underConstruction,
        "竣工": .completed, "投产": .operating, "运营": .operating, "under construction": .underConstruction,
    ]
    static let milestoneKind: [String: MilestoneKind] = [
        "签约": .signing, "供地": .landSecured, "土地": .landSecured, "规划许可": .planningPermit,
        "施工许可": .constructionPermit, "开工": .start, "封顶": .toppingOut, "主体封顶": .toppingOut,
        "竣工": .completion, "投产": .production, "设计": .design, "施工": .construction, "其他": .other,
        "land secured": .landSecured, "planning permit": .planningPermit, "construction permit": .constructionPermit,
        "topping out": .toppingOut, "fit out": .fitOut,
    ]
}

/// The word an export or a template writes for a coded field: the glossary's Chinese label
/// (DESIGN.md) in a Chinese sheet, the code in an English one. Both read back through
/// `Vocabulary`, so an exported list re-imports to the same codes.
public enum CodedWords {
    public static func category(_ v: ProjectCategory, chinese: Bool) -> String {
        guard chinese else { return v.rawValue }
        switch v {
        case .industrial: return "产业项目"
        case .infrastructure: return "基础设施"
        case .publicService: return "社会事业"
        case .urbanSupport: return "城市配套"
        }
    }

    public static func projectClass(_ v: ProjectClass, chinese: Bool) -> String {
        guard chinese else { return v.rawValue }
        switch v {
        case .newStart: return "新开工"
        case .continuing: return "续建"
        case .completing: return "竣工投产"
        case .preparatory: return "预备"
        }
    }

    public static func stage(_ v: Stage, chinese: Bool) -> String {
        guard chinese else { return v.rawValue }
        switch v {
        case .lead: return "线索"
        case .negotiating: return "洽谈"
        case .signed: return "签约"
        case .registered: return "注册"
        case .preparing: return "前期手续"
        case .underConstruction: return "在建"
        case .completed: return "竣工"
        case .operating: return "投产"
        }
    }

    /// Scope and fit-out phases (capital programmes) have no glossary word and keep their codes.
    public static func milestoneKind(_ v: MilestoneKind, chinese: Bool) -> String {
        guard chinese else { return v.rawValue }
        switch v {
        case .signing: return "签约"
        case .landSecured: return "供地"
        case .planningPermit: return "规划许可"
        case .constructionPermit: return "施工许可"
        case .start: return "开工"
        case .toppingOut: return "封顶"
        case .completion: return "竣工"
        case .production: return "投产"
        case .design: return "设计"
        case .construction: return "施工"
        case .other: return "其他"
        case .scope, .fitOut: return v.rawValue
        }
    }
}
