import Foundation
import LuodiCore
import Testing
@testable import LuodiInterchange

@Suite struct MSPDIReaderTests {
    @Test func readsTasksLinksAndLags() throws {
        let file = try MSPDIReader.read(try fixture("task-links-project2019-mspdi.xml"), file: "task-links.xml")
        // 16 tasks (the project summary, UID 0, is not scheduled), 8 links.
        #expect(file.network.activities.count == 16 && file.network.relationships.count == 8)
        #expect(file.network.projectStart == (try ScheduleTime(isoMinute: "2018-10-18T08:00")))
        let week = try #require(file.network.relationships.first { $0.successor == "8" })
        #expect(week.type == .finishToStart && week.lag == Lag(minutes: 2400))     // 24000 tenths of a minute = 1 week
        #expect(file.network.relationships.first { $0.successor == "12" }?.type == .startToFinish)
        #expect(file.network.relationships.first { $0.successor == "14" }?.type == .startToStart)
        #expect(file.network.relationships.first { $0.successor == "16" }?.type == .finishToFinish)
        #expect(file.stored["1"]?.totalFloatMinutes == 4800)
    }

    @Test func theEngineReproducesMSProjectsDates() throws {
        let file = try MSPDIReader.read(try fixture("task-links-project2019-mspdi.xml"), file: "task-links.xml")
        let comparison = ScheduleComparison(file: file, schedule: try CPMScheduler.schedule(file.network))
        let byName = Dictionary(uniqueKeysWithValues: comparison.fields.map { ($0.name, $0) })
        #expect(byName["earlyStart"]?.matched == 16 && byName["earlyFinish"]?.matched == 16)
        #expect(byName["freeFloat"]?.matched == 16)
        // Tasks 11 (SF predecessor) and 13 (SS predecessor): MS Project 2019 left their late dates
        // at the project finish; the standard backward pass constrains them (FIDELITY.md).
        #expect(byName["lateStart"]?.matched == 14 && byName["totalFloat"]?.matched == 14)
        #expect(byName["lateStart"]?.mismatches.map { $0.prefix(3) } == ["11 ", "13 "])

        let relations = try MSPDIReader.read(try fixture("mspdirelations.xml"), file: "mspdirelations.xml")
        let all = ScheduleComparison(file: relations, schedule: try CPMScheduler.schedule(relations.network))
        #expect(all.fields.allSatisfy { $0.matched == $0.compared && $0.compared == 5 })
    }

    @Test func readsAChineseStyleSwappedWorkday() throws {
        let file = try MSPDIReader.read(try fixture("issue1520-cn-holiday-calendar-mspdi.xml"), file: "issue1520.xml")
        let calendar = try #require(file.network.calendars["1"])
        #expect(calendar.intervals(on: try CalendarDate(iso: "2018-04-28")) == [480..<720, 780..<1020])   // Saturday, working
        #expect(calendar.intervals(on: try CalendarDate(iso: "2018-04-30")).isEmpty)                     // Monday, holiday
        // Two days from Friday 27 April 08:00: Friday and the working Saturday.
        #expect(calendar.adding(workingMinutes: 960, to: try ScheduleTime(isoMinute: "2018-04-27T08:00")) == (try ScheduleTime(isoMinute: "2018-04-28T17:00")))
        // The next working time after Saturday is Tuesday 1 May (Monday 30 April is off).
        #expect(calendar.nextWorkStart(try ScheduleTime(isoMinute: "2018-04-28T17:00")) == (try ScheduleTime(isoMinute: "2018-05-01T08:00")))
    }

    @Test func badFilesAreNamed() {
        #expect(throws: ImportIssue.self) { try MSPDIReader.read(Data("<Project><Tasks>".utf8), file: "broken.xml") }
        #expect(throws: ImportIssue.self) { try MSPDIReader.read(Data("<Other/>".utf8), file: "other.xml") }
    }
}

@Suite struct MSPDIWriterTests {
    @Test func aWrittenScheduleReadsBackTheSame() throws {
        // P6 in, MSPDI out, MSPDI in: the same network and the same dates.
        let p6 = try XERReader.read(try fixture("exupery-MDL4D.xer"), file: "MDL4D.xer")
        let schedule = try CPMScheduler.schedule(p6.network)
        let xml = MSPDIWriter.write(p6.network, schedule: schedule, title: "MDL4D & <test>")
        #expect(xml.contains("<Name>MDL4D &amp; &lt;test&gt;</Name>"))
        let back = try MSPDIReader.read(Data(xml.utf8), file: "written.xml")
        #expect(back.network.activities.count == 62 && back.network.relationships.count == 87)
        #expect(back.network.activities.map(\.durationMinutes) == p6.network.activities.map(\.durationMinutes))
        #expect(back.network.calendars["1"]?.week == p6.network.calendars["6599"]?.week)
        #expect(back.network.calendars["1"]?.exceptions == p6.network.calendars["6599"]?.exceptions)
        let comparison = ScheduleComparison(file: back, schedule: try CPMScheduler.schedule(back.network))
        #expect(comparison.fields.allSatisfy { $0.compared == 62 && $0.matched == 62 })
    }
}

extension MSPDIReaderTests {
    @Test func aLinkFromASummaryTaskAppliesToEveryTaskUnderIt() throws {
        let file = try MSPDIReader.read(try fixture("summary-link.xml"), file: "summary-link.xml")
        #expect(file.network.activities.map(\.id) == ["2", "3", "4"])
        #expect(Set(file.network.relationships.map(\.predecessor)) == ["2", "3"] && file.network.relationships.allSatisfy { $0.successor == "4" })
        let s = try CPMScheduler.schedule(file.network)
        // A2 runs Thursday and Friday, so B waits for Monday 22 October.
        let monday = try ScheduleTime(isoMinute: "2018-10-22T08:00"), friday = try ScheduleTime(isoMinute: "2018-10-19T17:00")
        #expect(s.activities.first { $0.id == "4" }?.earlyStart == monday)
        // The summary rolls up A1 and A2: Thursday 08:00 to Friday 17:00.
        let phase = try #require(WBSRollup.summaries(file.network, s).first)
        #expect(phase.name == "Phase A" && phase.activityCount == 2 && phase.earlyFinish == friday)
    }
}
