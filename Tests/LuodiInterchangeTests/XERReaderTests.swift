import Foundation
import LuodiCore
import Testing
@testable import LuodiInterchange

@Suite struct XERReaderTests {
    @Test func readsTheP6Tables() throws {
        let file = try XERReader.read(try fixture("exupery-MDL4D.xer"), file: "MDL4D.xer")
        #expect(file.network.activities.count == 62 && file.network.relationships.count == 87)
        #expect(file.network.defaultCalendar == "6599" && file.network.lagCalendar == .predecessor)
        #expect(file.network.projectStart == (try ScheduleTime(isoMinute: "2023-07-23T08:00")))
        // "CPLEX Model 14 - 7 day workweek": every day 08:00–16:00; exception 40179 = 2010-01-01 is off.
        let calendar = try #require(file.network.calendars["6599"])
        #expect(calendar.week.allSatisfy { $0 == [480..<960] })
        #expect(calendar.intervals(on: try CalendarDate(iso: "2010-01-01")).isEmpty)
        let masonry = try #require(file.network.activities.first { $0.id == "C2010" })
        #expect(masonry.name == "Masonry" && masonry.durationMinutes == 280 * 60 && masonry.constraint == .mustStartOn)
        let finish = try #require(file.network.activities.first { $0.id == "C1100" })
        #expect(finish.isMilestone && finish.milestoneAtFinish)
        #expect(file.stored["C0900"]?.totalFloatMinutes == 1872 * 60)
    }

    @Test func theEngineReproducesP6sDates() throws {
        let file = try XERReader.read(try fixture("exupery-MDL4D.xer"), file: "MDL4D.xer")
        let comparison = ScheduleComparison(file: file, schedule: try CPMScheduler.schedule(file.network))
        for field in comparison.fields {
            #expect(field.compared == 62 && field.matched == 62, "\(field.name): \(field.mismatches.prefix(3))")
        }
    }

    @Test func notAnXERFile() {
        #expect(throws: ImportIssue.self) { try XERReader.read(Data("hello\nworld".utf8), file: "x.xer") }
    }
}

extension XERReaderTests {
    @Test func wbsSummariesRollUpP6sDates() throws {
        // Expected values computed with Python straight from the XER's TASK and PROJWBS rows:
        // per WBS node, the earliest early start, the latest early finish and the least float.
        let file = try XERReader.read(try fixture("exupery-MDL4D.xer"), file: "MDL4D.xer")
        let summaries = WBSRollup.summaries(file.network, try CPMScheduler.schedule(file.network))
        #expect(summaries.map(\.path) == ["1", "H1", "H2", "H3", "H4", "H5"])
        #expect(summaries.map(\.activityCount) == [12, 10, 10, 10, 10, 10])
        let h1 = try #require(summaries.first { $0.path == "H1" })
        #expect(h1.name == "House 1")
        #expect(h1.earlyStart.isoMinute == "2023-08-23T08:00" && h1.earlyFinish.isoMinute == "2024-04-12T16:00")
        let h4 = try #require(summaries.first { $0.path == "H4" })
        #expect(h4.earlyStart.isoMinute == "2023-11-20T08:00" && h4.earlyFinish.isoMinute == "2024-04-03T16:00" && h4.totalFloatMinutes == 0)
    }
}
