/// Project category (项目类别), from DESIGN.md's glossary.
public enum ProjectCategory: String, CaseIterable, Sendable, Codable {
    /// 产业项目
    case industrial
    /// 基础设施
    case infrastructure
    /// 社会事业
    case publicService
    /// 城市配套
    case urbanSupport
}

/// Project class (项目性质) in the annual plan.
public enum ProjectClass: String, CaseIterable, Sendable, Codable {
    /// 新开工
    case newStart
    /// 续建
    case continuing
    /// 竣工投产
    case completing
    /// 预备
    case preparatory
}

/// Lifecycle stage (项目阶段), in order from first contact to production.
public enum Stage: String, CaseIterable, Sendable, Codable, Comparable {
    case lead, negotiating, signed, registered, preparing, underConstruction, completed, operating

    public static func < (a: Stage, b: Stage) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// The stage that a project's milestones prove it has reached, or nil when they prove none.
    ///
    /// Production finished → operating; completion finished, or a construction phase finished →
    /// completed; start or construction started → underConstruction; any other milestone
    /// started or finished → preparing.
    public static func evidenced(by milestones: [Milestone]) -> Stage? {
        func has(_ kinds: Set<MilestoneKind>, _ done: (Milestone) -> Bool) -> Bool {
            milestones.contains { kinds.contains($0.kind) && done($0) }
        }
        if has([.production], { $0.actualFinish != nil }) { return .operating }
        if has([.completion, .construction], { $0.actualFinish != nil }) { return .completed }
        if has([.start, .construction], { $0.actualStart != nil || $0.actualFinish != nil }) { return .underConstruction }
        if milestones.contains(where: { $0.actualStart != nil || $0.actualFinish != nil }) { return .preparing }
        return nil
    }
}

/// What a milestone marks. Point events (供地, 开工, 投产…) and, for sources that plan in phases
/// (scope, design, construction, fit-out), the phases themselves.
public enum MilestoneKind: String, CaseIterable, Sendable, Codable {
    case signing, landSecured, planningPermit, constructionPermit, start, toppingOut, completion, production
    case scope, design, construction, fitOut, other
}
