/// Where an investment stands, from first contact to production (双招双引 pipeline), or off it.
/// The pipeline stages are ordered; `lost` and `onHold` are off the pipeline.
public enum LeadStage: String, CaseIterable, Sendable, Codable, Hashable {
    /// 线索: first contact recorded.
    case lead
    /// 洽谈: visits and negotiation.
    case negotiating
    /// 签约: an investment agreement signed (the record becomes a key project).
    case signed
    /// 注册: the investing company registered in the zone.
    case registered
    /// 落地: land or premises secured.
    case landed
    /// 开工: construction started.
    case underConstruction
    /// 投产: in production or operation.
    case operating
    /// 流失: given up, with a reason.
    case lost
    /// 暂缓: paused; resumes at a pipeline stage.
    case onHold

    /// The pipeline, in order.
    public static let pipeline: [LeadStage] = [.lead, .negotiating, .signed, .registered, .landed, .underConstruction, .operating]

    /// Position on the pipeline (0 for `lead`); nil for `lost` and `onHold`.
    public var rank: Int? { Self.pipeline.firstIndex(of: self) }

    /// The next pipeline stage, if any.
    public var next: LeadStage? { rank.flatMap { $0 + 1 < Self.pipeline.count ? Self.pipeline[$0 + 1] : nil } }
}

/// One dated move of a lead, kept for good.
public struct LeadTransition: Sendable, Codable, Hashable {
    public var from: LeadStage?
    public var to: LeadStage
    public var on: CalendarDate
    /// Why (required to move backwards, to lose a lead and to reopen a lost one).
    public var reason: String?
    public var by: String

    public init(from: LeadStage?, to: LeadStage, on: CalendarDate, reason: String? = nil, by: String) {
        self.from = from
        self.to = to
        self.on = on
        self.reason = reason
        self.by = by
    }
}

/// A move the stage machine refuses, in words that say what to do instead.
public enum LeadTransitionError: Error, Equatable, Sendable, CustomStringConvertible {
    case alreadyAt(LeadStage)
    case beforeLastMove(CalendarDate, last: CalendarDate)
    case needsReason(from: LeadStage, to: LeadStage, why: String)
    case notFromLost(LeadStage)
    case firstMustBePipeline(LeadStage)

    public var description: String {
        switch self {
        case let .alreadyAt(s): return "to: the lead is already at stage \(s.rawValue)"
        case let .beforeLastMove(day, last): return "on: \(day) is before the lead's last move (\(last)); moves are kept in date order"
        case let .needsReason(from, to, why): return "reason: moving from \(from.rawValue) to \(to.rawValue) \(why); give a reason"
        case let .notFromLost(to): return "to: a lost lead cannot be put on hold; reopen it at a pipeline stage (with a reason) instead of \(to.rawValue)"
        case let .firstMustBePipeline(to): return "to: a new lead starts at a pipeline stage, not \(to.rawValue)"
        }
    }
}

/// The rules of moving a lead (a pure function of its history and the move).
///
/// Forward along the pipeline is always allowed, skipping stages included (a lead first met at
/// a signing ceremony starts at `signed`). Backwards needs a reason, and so do losing a lead
/// and reopening a lost one. A lead on hold resumes at its last pipeline stage or later freely,
/// earlier with a reason. Moves are dated, in order (the same day as the last one is allowed).
public enum LeadStageMachine {
    /// The transition `history` + move would add.
    /// - Throws: `LeadTransitionError` naming the field (`to`, `on`, `reason`).
    public static func check(history: [LeadTransition], to: LeadStage, on day: CalendarDate, reason: String?, by: String) throws(LeadTransitionError) -> LeadTransition {
        let reason = reason.map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
        guard let last = history.last else {
            guard to.rank != nil else { throw .firstMustBePipeline(to) }
            return LeadTransition(from: nil, to: to, on: day, reason: reason, by: by)
        }
        let current = last.to
        if to == current { throw .alreadyAt(to) }
        if day < last.on { throw .beforeLastMove(day, last: last.on) }
        let lastPipeline = history.last(where: { $0.to.rank != nil })?.to ?? .lead
        switch (current, to) {
        case (_, .lost):
            if reason == nil { throw .needsReason(from: current, to: to, why: "loses the lead") }
        case (.lost, .onHold):
            throw .notFromLost(to)
        case (.lost, _):
            if reason == nil { throw .needsReason(from: current, to: to, why: "reopens a lost lead") }
        case (_, .onHold):
            break
        case (.onHold, _):
            if (to.rank ?? 0) < (lastPipeline.rank ?? 0), reason == nil {
                throw .needsReason(from: current, to: to, why: "resumes before the stage it was paused at (\(lastPipeline.rawValue))")
            }
        default:
            if (to.rank ?? 0) < (current.rank ?? 0), reason == nil { throw .needsReason(from: current, to: to, why: "goes backwards") }
        }
        return LeadTransition(from: current, to: to, on: day, reason: reason, by: by)
    }
}
