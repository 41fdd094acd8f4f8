import Foundation

/// A lead as the funnel reads it: its moves, its intended investment and its last note.
public struct FunnelLead: Sendable, Hashable {
    public var id: UUID
    public var name: String
    public var intendedInvestment: Money?
    public var transitions: [LeadTransition]
    /// The days of its notes (activity without a move).
    public var noteDays: [CalendarDate]

    public init(id: UUID, name: String, intendedInvestment: Money?, transitions: [LeadTransition], noteDays: [CalendarDate] = []) {
        self.id = id
        self.name = name
        self.intendedInvestment = intendedInvestment
        self.transitions = transitions
        self.noteDays = noteDays
    }

    /// The first day, by `asOf`, the lead stood at `stage` or further along the pipeline (a skipped
    /// stage counts as reached); nil if it never did.
    public func reached(_ stage: LeadStage, by asOf: CalendarDate) -> CalendarDate? {
        guard let rank = stage.rank else { return nil }
        return transitions.first { $0.on <= asOf && ($0.to.rank ?? -1) >= rank }?.on
    }

    /// Its stage at the end of `asOf`.
    public func stage(asOf: CalendarDate) -> LeadStage? { transitions.last { $0.on <= asOf }?.to }

    /// Days at `stage` from first entering it to the move that left it, if it left by `asOf`.
    public func dwell(at stage: LeadStage, by asOf: CalendarDate) -> Int? {
        guard let i = transitions.firstIndex(where: { $0.to == stage && $0.on <= asOf }), i + 1 < transitions.count,
              transitions[i + 1].on <= asOf else { return nil }
        return transitions[i].on.days(until: transitions[i + 1].on)
    }
}

/// The attraction funnel of a period: how far the leads first met in it have come, how long they
/// stay at each stage, how many of each quarter's signings have landed, and which leads stall.
///
/// Definitions (README, "Investment attraction"):
/// - **Cohort**: the leads whose first move falls within `from...to`. A stage's `count` is how
///   many of them reached it (or a later stage) by `to`; `amount` sums their intended
///   investment per currency (never converted); `conversionToNext` = next count ÷ count.
/// - **Dwell**: days from first entering a stage to the move that left it, for cohort leads that
///   left it by `to` (a lead still there is not counted: its dwell is not known yet); the median
///   is the middle value (the mean of the two middle ones for an even count), the 90th percentile
///   the nearest-rank value (the ⌈0.9·n⌉-th smallest; NIST/Hyndman–Fan definition 1).
/// - **Signing cohorts**: every lead that reached `signed` within `from...to`, by calendar
///   quarter of signing; landing rate = those that reached `landed` by `to` ÷ signed.
/// - **Stalled**: a lead on the pipeline short of `operating` at `to` with no move and no note for
///   more than `stallDays` days.
public struct Funnel: Sendable, Codable, Hashable {
    public struct Stage: Sendable, Codable, Hashable {
        public let stage: LeadStage
        public let count: Int
        /// Intended investment of the leads counted, one sum per currency, by currency code.
        public let amount: [Money]
        public let conversionToNext: Double?
        public let dwellDaysMedian: Double?
        public let dwellDaysP90: Int?
        /// How many dwells the two figures above are taken over.
        public let dwellCount: Int
    }

    public struct Cohort: Sendable, Codable, Hashable {
        /// Quarter of signing, `2021-Q3`.
        public let quarter: String
        public let signed: Int
        public let landed: Int
        public let landingRate: Double?
    }

    public struct Stalled: Sendable, Codable, Hashable {
        public let id: UUID
        public let name: String
        public let stage: LeadStage
        public let lastActivity: CalendarDate
        public let days: Int
        public let reason: String
    }

    public let from: CalendarDate
    public let to: CalendarDate
    public let stallDays: Int
    public let stages: [Stage]
    public let cohorts: [Cohort]
    public let stalled: [Stalled]

    /// Computes the funnel of `leads` for `from...to`.
    public static func compute(_ leads: [FunnelLead], from: CalendarDate, to: CalendarDate, stallDays: Int = 30) -> Funnel {
        let cohort = leads.filter { l in l.transitions.first.map { $0.on >= from && $0.on <= to } ?? false }
        var stages: [Stage] = []
        let counts = LeadStage.pipeline.map { s in cohort.filter { $0.reached(s, by: to) != nil } }
        for (i, s) in LeadStage.pipeline.enumerated() {
            let reached = counts[i]
            var sums: [CurrencyCode: Int64] = [:]
            for l in reached { if let m = l.intendedInvestment { sums[m.currency, default: 0] += m.minorUnits } }
            let dwells = cohort.compactMap { $0.dwell(at: s, by: to) }.sorted()
            let next = i + 1 < counts.count ? counts[i + 1].count : nil
            stages.append(Stage(stage: s, count: reached.count,
                                amount: sums.keys.sorted().map { Money(minorUnits: sums[$0]!, currency: $0) },
                                conversionToNext: next.flatMap { reached.isEmpty ? nil : Double($0) / Double(reached.count) },
                                dwellDaysMedian: median(dwells), dwellDaysP90: percentile90(dwells), dwellCount: dwells.count))
        }
        var byQuarter: [String: (signed: Int, landed: Int)] = [:]
        for l in leads {
            guard let signed = l.reached(.signed, by: to), signed >= from else { continue }
            let q = "\(signed.year)-Q\((signed.month - 1) / 3 + 1)"
            byQuarter[q, default: (0, 0)].signed += 1
            if l.reached(.landed, by: to) != nil { byQuarter[q, default: (0, 0)].landed += 1 }
        }
        let cohorts = byQuarter.keys.sorted().map { q in
            Cohort(quarter: q, signed: byQuarter[q]!.signed, landed: byQuarter[q]!.landed,
                   landingRate: Double(byQuarter[q]!.landed) / Double(byQuarter[q]!.signed))
        }
        var stalled: [Stalled] = []
        for l in leads {
            guard let stage = l.stage(asOf: to), let rank = stage.rank, stage != .operating, rank >= 0 else { continue }
            let moved = l.transitions.last { $0.on <= to }?.on
            let noted = l.noteDays.filter { $0 <= to }.max()
            guard let last = [moved, noted].compactMap({ $0 }).max() else { continue }
            let days = last.days(until: to)
            guard days > stallDays else { continue }
            stalled.append(Stalled(id: l.id, name: l.name, stage: stage, lastActivity: last, days: days,
                                   reason: "no move or note since \(last) (\(days) days, more than \(stallDays))"))
        }
        stalled.sort { ($0.days, $0.name) > ($1.days, $1.name) }
        return Funnel(from: from, to: to, stallDays: stallDays, stages: stages, cohorts: cohorts, stalled: stalled)
    }

    /// The middle value; the mean of the two middle ones for an even count. `sorted` ascending.
    static func median(_ sorted: [Int]) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let n = sorted.count
        return n % 2 == 1 ? Double(sorted[n / 2]) : Double(sorted[n / 2 - 1] + sorted[n / 2]) / 2
    }

    /// Nearest rank: the ⌈0.9·n⌉-th smallest value. `sorted` ascending.
    static func percentile90(_ sorted: [Int]) -> Int? {
        guard !sorted.isEmpty else { return nil }
        let rank = (9 * sorted.count + 9) / 10 // ⌈0.9·n⌉ in integers
        return sorted[rank - 1]
    }
}
