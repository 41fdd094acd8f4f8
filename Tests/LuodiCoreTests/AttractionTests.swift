import Foundation
import Testing
@testable import LuodiCore

func day(_ s: String) -> CalendarDate { try! CalendarDate(iso: s) }

/// The lead stage machine, the funnel on a hand-built cohort, and the currency rule.
@Suite struct LeadStageMachineTests {
    func move(_ h: [LeadTransition], _ to: LeadStage, _ on: String, reason: String? = nil) throws(LeadTransitionError) -> [LeadTransition] {
        h + [try LeadStageMachine.check(history: h, to: to, on: day(on), reason: reason, by: "x")]
    }

    @Test func forwardSkippingIsFreeBackwardsNeedsAReason() throws {
        var h = try move([], .lead, "2021-01-10")
        h = try move(h, .signed, "2021-02-01")               // a signing ceremony: negotiation skipped
        #expect(throws: LeadTransitionError.needsReason(from: .signed, to: .negotiating, why: "goes backwards")) { try move(h, .negotiating, "2021-02-02") }
        h = try move(h, .negotiating, "2021-02-02", reason: "合同条款重新谈判")
        #expect(h.last?.from == .signed && h.last?.reason == "合同条款重新谈判")
        #expect(throws: LeadTransitionError.alreadyAt(.negotiating)) { try move(h, .negotiating, "2021-02-03") }
        #expect(throws: LeadTransitionError.beforeLastMove(day("2021-01-31"), last: day("2021-02-02"))) { try move(h, .signed, "2021-01-31") }
    }

    @Test func losingHoldingAndReopening() throws {
        var h = try move([], .negotiating, "2021-03-01")
        #expect(throws: LeadTransitionError.firstMustBePipeline(.lost)) { try move([], .lost, "2021-03-01") }
        #expect(throws: LeadTransitionError.needsReason(from: .negotiating, to: .lost, why: "loses the lead")) { try move(h, .lost, "2021-04-01", reason: "  ") }
        h = try move(h, .onHold, "2021-04-01")
        // resuming at the paused stage or later is free, earlier needs a reason
        #expect(throws: LeadTransitionError.self) { try move(h, .lead, "2021-05-01") }
        #expect(throws: Never.self) { try move(h, .signed, "2021-05-01") }
        h = try move(h, .lost, "2021-05-01", reason: "投资方转投他市")
        #expect(throws: LeadTransitionError.notFromLost(.onHold)) { try move(h, .onHold, "2021-05-02") }
        #expect(throws: LeadTransitionError.needsReason(from: .lost, to: .negotiating, why: "reopens a lost lead")) { try move(h, .negotiating, "2021-06-01") }
        h = try move(h, .negotiating, "2021-06-01", reason: "投资方重新接洽")
        #expect(h.map(\.to) == [.negotiating, .onHold, .lost, .negotiating])
    }
}

@Suite struct FunnelTests {
    func lead(_ name: String, _ amount: Money?, _ moves: [(LeadStage, String)], note: String? = nil) -> FunnelLead {
        var from: LeadStage?
        let ts = moves.map { (to, on) -> LeadTransition in
            defer { from = to }
            return LeadTransition(from: from, to: to, on: day(on), reason: to == .lost ? "r" : nil, by: "x")
        }
        return FunnelLead(id: UUID(), name: name, intendedInvestment: amount, transitions: ts, noteDays: [note, "2022-03-01"].compactMap { $0 }.map(day))
    }

    /// Six leads worked by hand (day counts checked with Python's datetime): A–D and F were first
    /// met in 2021 (the cohort); E in 2020.
    var leads: [FunnelLead] {
        let cny = { (wan: Int64) in Money(minorUnits: wan * 10_000 * 100, currency: .cny) }
        let usd = { (dollars: Int64) in Money(minorUnits: dollars * 100, currency: .usd) }
        return [
            lead("A", cny(10_000), [(.lead, "2021-01-10"), (.negotiating, "2021-02-09"), (.signed, "2021-03-11"), (.registered, "2021-04-10"), (.landed, "2021-05-10")]),
            lead("B", usd(5_000_000), [(.lead, "2021-02-01"), (.negotiating, "2021-02-11"), (.signed, "2021-07-01")]),
            lead("C", cny(2_000), [(.lead, "2021-03-01"), (.negotiating, "2021-04-30"), (.lost, "2021-06-01")]),
            lead("D", nil, [(.lead, "2021-05-01")]),
            lead("E", cny(1_000), [(.lead, "2020-12-01"), (.signed, "2021-08-15"), (.landed, "2021-10-01")]),
            lead("F", usd(3_000_000), [(.signed, "2021-09-01")], note: "2021-12-20"),
        ]
    }

    @Test func countsConversionsAndAmountsOfTheCohort() {
        let f = Funnel.compute(leads, from: day("2021-01-01"), to: day("2021-12-31"))
        // reached: lead A B C D F; negotiating A B C F (F skipped to signed); signed A B F; registered A; landed A
        #expect(f.stages.map(\.count) == [5, 4, 3, 1, 1, 0, 0])
        #expect(f.stages.map(\.conversionToNext) == [0.8, 0.75, 1.0 / 3, 1, 0, nil, nil])
        // 10,000万 + 2,000万 yuan = 12,000,000,000 fen; 5,000,000 + 3,000,000 dollars = 800,000,000 cents
        #expect(f.stages[0].amount == [Money(minorUnits: 12_000_000_000, currency: .cny), Money(minorUnits: 800_000_000, currency: .usd)])
        #expect(f.stages[2].amount == [Money(minorUnits: 10_000_000_000, currency: .cny), Money(minorUnits: 800_000_000, currency: .usd)])
    }

    @Test func dwellMedianAndNinetiethPercentile() {
        let f = Funnel.compute(leads, from: day("2021-01-01"), to: day("2021-12-31"))
        // lead: A 30, B 10, C 60 (D still there) → median 30, P90 = 3rd of 3 = 60
        #expect(f.stages[0].dwellDaysMedian == 30 && f.stages[0].dwellDaysP90 == 60 && f.stages[0].dwellCount == 3)
        // negotiating: A 30, B 140, C 32 (to lost) → median 32, P90 140
        #expect(f.stages[1].dwellDaysMedian == 32 && f.stages[1].dwellDaysP90 == 140)
        // signed: A 30 only (B and F still signed); registered: A 30; landed: none left it
        #expect(f.stages[2].dwellDaysMedian == 30 && f.stages[3].dwellDaysMedian == 30 && f.stages[4].dwellDaysMedian == nil)
        #expect(Funnel.median([1, 2, 3, 10]) == 2.5 && Funnel.percentile90(Array(1...10)) == 9 && Funnel.percentile90(Array(1...11)) == 10)
    }

    @Test func landingRateBySigningQuarterAndStalledLeads() {
        let f = Funnel.compute(leads, from: day("2021-01-01"), to: day("2021-12-31"))
        // Q1: A signed and landed; Q3: B (07-01), E (08-15, landed 10-01), F (09-01)
        #expect(f.cohorts.map(\.quarter) == ["2021-Q1", "2021-Q3"])
        #expect(f.cohorts.map(\.signed) == [1, 3] && f.cohorts.map(\.landed) == [1, 1] && f.cohorts[1].landingRate == 1.0 / 3)
        // No move or note for more than 30 days: D 244, A 235, B 183, E 91; F had a note on 12-20 (and every
        // lead one on 2022-03-01, after the period, which does not count); C is lost
        #expect(f.stalled.map(\.name) == ["D", "A", "B", "E"] && f.stalled.map(\.days) == [244, 235, 183, 91])
        #expect(f.stalled[0].reason == "no move or note since 2021-05-01 (244 days, more than 30)")
    }
}

@Suite struct ExchangeRateTests {
    @Test func mixedCurrenciesNeedARateAndTheRateInForceIsUsed() throws {
        let table = ExchangeRateTable([
            ExchangeRate(from: .usd, to: .cny, on: day("2021-01-04"), rate: Decimal(string: "6.5408")!),
            ExchangeRate(from: .usd, to: .cny, on: day("2021-07-01"), rate: Decimal(string: "6.4601")!),
        ])
        // 1,000,000 USD on 2021-03-15 at 6.5408 (the rate of 01-04) = 6,540,800.00 CNY;
        // 250,000.50 USD on 2021-09-30 at 6.4601 = 1,615,028.23 CNY (1,615,028.230... rounded); plus 100.00 CNY
        let amounts: [(Money, CalendarDate)] = [
            (Money(minorUnits: 100_000_000, currency: .usd), day("2021-03-15")),
            (Money(minorUnits: 25_000_050, currency: .usd), day("2021-09-30")),
            (Money(minorUnits: 10_000, currency: .cny), day("2021-09-30")),
        ]
        let (sum, used) = try table.total(amounts, in: .cny)
        #expect(sum == Money(minorUnits: 654_080_000 + 161_502_823 + 10_000, currency: .cny))
        #expect(used.map(\.on) == [day("2021-01-04"), day("2021-07-01")])
        // Before the first rate there is none: refused, naming the pair and the day
        #expect(throws: CurrencyConversionError.noRate(from: .usd, to: .cny, on: day("2020-12-31"))) {
            try table.total([(Money(minorUnits: 1, currency: .usd), day("2020-12-31"))], in: .cny)
        }
    }
}
