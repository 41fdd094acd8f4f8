import Foundation
import LuodiCore
import Testing
@testable import LuodiInterchange

@Suite struct NYCProfileTests {
    @Test func phasesBecomeMilestonesAndRepeatsBecomeNewProjects() throws {
        // given: P.S. 19's 4 phases and K680's 12 rows (a NEW SCHOOL project and two DEMOLITION
        // projects that share every identifying column).
        let plan = try ProjectListImporter.plan(data: try fixture("nyc-sca-excerpt.csv"), file: "sca.csv",
                                                mapping: try BundledProfiles.named("nyc-sca"))
        // then
        #expect(plan.zone.currency == .usd && plan.zone.ruleSet.name == "capital-program")
        #expect(plan.projects.count == 4 && plan.milestoneCount == 16)
        let keys = plan.projects.map(\.project.key)
        #expect(keys[3] == keys[2] + "#2")
        #expect(plan.notes.contains { $0.row == 14 && $0.message.contains("read as a separate project") })
        #expect(plan.notes.contains { $0.message == "'PNS' read as a blank value in 12 cells (the profile lists it under blankValues)" })

        // P.S. 19: budgets 68,660 + 343,300 + 7,724,250 + 480,620 = 8,616,830;
        // spending 79,351 + 345,117 + 6,118,325 + 216,736 = 6,759,529.
        let ps19 = plan.projects[0]
        #expect(ps19.project.name == "P.S. 19 - MANHATTAN: PLANYC BOILER CONVERSION / PLANYC CLIMATE CONTROL")
        #expect(ps19.project.department == "District 1")
        #expect(ps19.project.annualPlannedInvestment == usd(8_616_830) && ps19.project.completedInvestment == usd(6_759_529))
        #expect(ps19.project.plannedFinish == date("2024-07-16"))
        #expect(ps19.project.stage == .underConstruction && ps19.project.actualStart == date("2022-07-18"))
        #expect(ps19.milestones.map(\.kind) == [.scope, .design, .construction, .fitOut])
        #expect(ps19.milestones[0].actualStart == date("2021-04-13") && ps19.milestones[0].actualFinish == date("2021-07-01"))

        // K680 DEMOLITION, first: construction not started ('PNS' is blank, not a date).
        let first = plan.projects[2]
        #expect(first.project.stage == .preparing)
        #expect(first.project.plannedFinish == date("2023-04-18"))
        #expect(first.milestones[2].actualStart == nil && first.milestones[2].sourceStatus == "PNS")
        // #2: 105,550 + 527,750 + 11,874,375 + 738,850 = 13,246,525.
        let second = plan.projects[3]
        #expect(second.project.annualPlannedInvestment == usd(13_246_525))
        #expect(second.project.stage == .underConstruction && second.project.actualStart == date("2024-09-23"))
    }
}
