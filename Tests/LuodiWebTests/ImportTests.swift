import Crypto
import Foundation
import LuodiCore
import LuodiStore
import Testing
import VaporTesting
@testable import LuodiWeb

@Suite struct ImportTests {
    @Test func reimportingTheSameFileDoesNotDuplicate() async throws {
        try await withLuodiApp { app in
            let first = try await app.importCSV(templateCSV)
            #expect(first.outcome?.projectsCreated == 2)
            let second = try await app.importCSV(templateCSV)
            #expect(second.outcome?.projectsCreated == 0 && second.outcome?.projectsUnchanged == 2)
            let changed = try await app.importCSV(templateCSV.replacingOccurrences(of: ",12000,3000,", with: ",12000,4000,"))
            #expect(changed.outcome?.projectsUpdated == 1 && changed.outcome?.projectsUnchanged == 1)
            let zone = try #require(try await app.portfolioRepository.zone(named: "测试开发区"))
            let projects = try await app.portfolioRepository.projects(zoneID: zone.id)
            #expect(projects.count == 2)
            let jm01 = try #require(projects.first { $0.plan.project.key == "JM-01" })
            #expect(jm01.version == 2 && jm01.plan.project.completedInvestment == Money(minorUnits: 4_000_000_000, currency: .cny))
            #expect(jm01.plan.milestones.count == 2)
        }
    }

    @Test func aBadRowWritesNothing() async throws {
        try await withLuodiApp { app in
            let bad = templateCSV + "JM-03,坏数据项目,,,-100,,,,2021-02-30,,,,,\n"
            let report = try await app.importCSV(bad)
            #expect(!report.ok && !report.committed)
            #expect(report.errors.map(\.description) == [
                "list.csv:5:总投资(万元): '-100' is negative; investment amounts cannot be below zero",
                "list.csv:5:计划开工: '2021-02-30' is not a calendar date: month 2 of 2021 has 28 days",
            ])
            #expect(try await app.portfolioRepository.isEmpty())
            #expect(try await app.portfolioRepository.zones().isEmpty)
        }
    }

    @Test func aZoneKeepsItsCurrency() async throws {
        try await withLuodiApp { app in
            _ = try await app.importCSV(templateCSV)
            let report = try await ImportService(repository: app.portfolioRepository).run(.init(
                data: Data("name,total_investment\nSchool,10\n".utf8), fileName: "us.csv",
                mapping: (Data(#"{"name": "us", "zone": {"name": "x", "currency": "USD"}, "identity": {"columns": ["name"]}, "project": {"name": {"column": "name"}, "totalInvestment": {"column": "total_investment"}}}"#.utf8), "us.json"),
                zoneName: "测试开发区"))
            #expect(report.errors.map(\.message) == ["zone '测试开发区' keeps its money in CNY; this file is in USD, and amounts in different currencies are never mixed"])
            #expect(try await app.portfolioRepository.projects(zoneID: try #require(try await app.portfolioRepository.zone(named: "测试开发区")).id).count == 2)
        }
    }

    @Test func aFailedImportLeavesTheDatabaseFileByteForByteUnchanged() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("luodi-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("luodi.sqlite").path
        let app = try await buildApp(AppConfiguration(database: .sqliteFile(path), logLevel: .warning), environment: .testing)
        _ = try await app.importCSV(templateCSV)
        try await app.asyncShutdown()
        let before = SHA256.hash(data: try Data(contentsOf: URL(fileURLWithPath: path)))

        let again = try await buildApp(AppConfiguration(database: .sqliteFile(path), logLevel: .warning), environment: .testing)
        for bad in ["", "项目名称\n", templateCSV + "JM-09,x,,,abc,,,,,,,,,\n", templateCSV + "JM-01,新能源汽车零部件产业园,,,,,,,,,开工,开工,2021-02-26,\n"] {
            let report = try await again.importCSV(bad)
            #expect(!report.ok)
        }
        try await again.asyncShutdown()
        #expect(SHA256.hash(data: try Data(contentsOf: URL(fileURLWithPath: path))) == before)
    }

    @Test func importAPIDryRunThenCommit() async throws {
        try await withLuodiApp { app in
            let zone = "测试开发区".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!
            try await app.testing().test(.POST, "/api/v1/imports?profile=luodi&zone=\(zone)&fileName=list.csv",
                                         beforeRequest: { $0.body = .init(string: templateCSV) }) { res in
                #expect(res.status == .ok)
                let report = try JSONDecoder().decode(ImportService.Report.self, from: Data(buffer: res.body))
                #expect(report.dryRun && !report.committed && report.outcome?.projectsCreated == 2)
            }
            #expect(try await app.portfolioRepository.isEmpty())
            try await app.testing().test(.POST, "/api/v1/imports?profile=luodi&zone=\(zone)&dryRun=false&fileName=list.csv",
                                         beforeRequest: { $0.body = .init(string: templateCSV) }) { res in
                #expect(res.status == .ok)
            }
            #expect(try await !app.portfolioRepository.isEmpty())
            try await app.testing().test(.POST, "/api/v1/imports?dryRun=false&fileName=bad.csv",
                                         beforeRequest: { $0.body = .init(string: "项目名称,计划开工\n甲,13/45/2021\n") }) { res in
                #expect(res.status == .unprocessableEntity)
                let report = try JSONDecoder().decode(ImportService.Report.self, from: Data(buffer: res.body))
                #expect(report.errors.map(\.description) == ["bad.csv:2:计划开工: '13/45/2021' is not a date in the format yyyy-MM-dd"])
            }
        }
    }
}

extension ImportTests {
    @Test func aFileWithoutSomeColumnsKeepsTheStoredValues() async throws {
        try await withLuodiApp { app in
            _ = try await app.importCSV(templateCSV)
            // A monthly update: only the completed figure, one row per project, no milestone columns.
            let update = "编号,项目名称,累计完成投资(万元)\nJM-01,新能源汽车零部件产业园,4500\nJM-02,城市道路提升工程,\n"
            let report = try await app.importCSV(update)
            #expect(report.outcome?.projectsUpdated == 1 && report.outcome?.projectsUnchanged == 1, "\(report)")
            let zone = try #require(try await app.portfolioRepository.zone(named: "测试开发区"))
            let jm01 = try #require(try await app.portfolioRepository.projects(zoneID: zone.id).first { $0.plan.project.key == "JM-01" })
            #expect(jm01.plan.project.completedInvestment == Money(minorUnits: 4_500_000_000, currency: .cny))
            // Untouched: the department, plan, dates and both milestones.
            #expect(jm01.plan.project.department == "招商一局")
            #expect(jm01.plan.project.annualPlannedInvestment == Money(minorUnits: 12_000_000_000, currency: .cny))
            #expect(jm01.plan.project.actualStart == (try CalendarDate(iso: "2021-02-26")))
            #expect(jm01.plan.milestones.map(\.name) == ["开工", "主体封顶"])
        }
    }

    @Test func predecessorsBecomeTheMilestoneNetwork() async throws {
        try await withLuodiApp { app in
            let csv = """
            编号,项目名称,节点名称,节点计划完成,节点实际完成,前置节点
            P-1,示例项目,供地,2021-09-27,,
            P-1,示例项目,施工许可,2021-10-15,,供地 FS+10
            P-1,示例项目,开工,2021-10-20,,施工许可
            """
            let report = try await app.importCSV(csv)
            #expect(report.ok, "\(report.errors)")
            let zone = try #require(try await app.portfolioRepository.zone(named: "测试开发区"))
            let p = try #require(try await app.portfolioRepository.projects(zoneID: zone.id).first)
            #expect(p.plan.links == [MilestoneLink(predecessor: "供地", successor: "施工许可", lagDays: 10),
                                     MilestoneLink(predecessor: "施工许可", successor: "开工")])
            // By 25 October nothing is done: 12 working days behind the target (MilestoneNetworkTests).
            let status = try await app.portfolioService.status(zoneName: "测试开发区", asOf: try CalendarDate(iso: "2021-10-25"))
            #expect(status.lagging.first?.reasons.contains { $0.reason == .criticalMilestoneLate(milestone: "供地", daysBehind: 12) } == true)
            try await app.testing().test(.GET, "/projects/\(p.id)?asOf=2021-10-25") { res in
                #expect(res.body.string.contains("供地 FS+10") && res.body.string.contains(">-12<"))
                #expect(res.body.string.contains("关键节点「供地」按前置关系推算比计划目标晚 12 个工作日"))
            }
            let bad = try await app.importCSV(csv.replacingOccurrences(of: "2021-10-20,,施工许可", with: "2021-10-20,,竣工"))
            #expect(bad.errors.map(\.description) == ["list.csv:4:前置节点: predecessor '竣工' is not a milestone of this project (milestones: 供地, 施工许可, 开工)"])
            let cycle = try await app.importCSV(csv.replacingOccurrences(of: "2021-09-27,,", with: "2021-09-27,,开工"))
            #expect(cycle.errors.first?.message.contains("cannot be scheduled: the relationships form a cycle") == true)
        }
    }

    @Test func capitalProgramZonesHaveNoBehindFigure() async throws {
        try await withLuodiApp { app in
            _ = try await SamplePortfolio.load(into: ImportService(repository: app.portfolioRepository))
            let nyc = try await app.portfolioService.status(zoneName: "NYC School Construction Authority", asOf: try CalendarDate(iso: "2025-06-30"))
            #expect(nyc.completionPercent == 32.41 && nyc.behindPoints == nil && nyc.byDepartment.allSatisfy { $0.behindPoints == nil })
        }
    }
}

extension ImportTests {
    /// Two tasks on the Standard calendar: Dig (2 days) then Pour (1 day), from Thursday 18 October 2018.
    static let smallMSPDI = """
    <?xml version="1.0"?><Project xmlns="http://schemas.microsoft.com/project"><StartDate>2018-10-18T08:00:00</StartDate><CalendarUID>1</CalendarUID>
    <Calendars><Calendar><UID>1</UID><Name>Standard</Name><WeekDays>
    <WeekDay><DayType>1</DayType><DayWorking>0</DayWorking></WeekDay><WeekDay><DayType>7</DayType><DayWorking>0</DayWorking></WeekDay>
    \((2...6).map { "<WeekDay><DayType>\($0)</DayType><DayWorking>1</DayWorking><WorkingTimes><WorkingTime><FromTime>08:00:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime><WorkingTime><FromTime>13:00:00</FromTime><ToTime>17:00:00</ToTime></WorkingTime></WorkingTimes></WeekDay>" }.joined())
    </WeekDays></Calendar></Calendars><Tasks>
    <Task><UID>1</UID><Name>Dig</Name><Duration>PT16H0M0S</Duration></Task>
    <Task><UID>2</UID><Name>Pour</Name><Duration>PT8H0M0S</Duration><PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type><LinkLag>4800</LinkLag><LagFormat>7</LagFormat></PredecessorLink></Task>
    </Tasks></Project>
    """

    @Test func aScheduleFileBecomesAProjectWithItsNetwork() async throws {
        try await withLuodiApp { app in
            let report = try await ImportService(repository: app.portfolioRepository).run(.init(
                data: Data(Self.smallMSPDI.utf8), fileName: "foundation.xml", zoneName: "测试开发区"))
            #expect(report.ok && report.projects == 1 && report.milestones == 2, "\(report.errors)")
            let zone = try #require(try await app.portfolioRepository.zone(named: "测试开发区"))
            let p = try #require(try await app.portfolioRepository.projects(zoneID: zone.id).first)
            #expect(p.plan.project.name == "foundation")
            // Dig: Thu 18 – Fri 19 October; Pour: one day of lag (Mon 22nd), so Tuesday 23 October.
            #expect(p.plan.milestones.map(\.plannedStart) == [try CalendarDate(iso: "2018-10-18"), try CalendarDate(iso: "2018-10-23")])
            #expect(p.plan.milestones.map(\.plannedFinish) == [try CalendarDate(iso: "2018-10-19"), try CalendarDate(iso: "2018-10-23")])
            #expect(p.plan.links == [MilestoneLink(predecessor: "Dig", successor: "Pour", lagDays: 1)])
            try await app.testing().test(.POST, "/api/v1/imports?dryRun=false&fileName=cycle.xml",
                                         beforeRequest: { $0.body = .init(string: Self.smallMSPDI.replacingOccurrences(
                                            of: "<Task><UID>1</UID><Name>Dig</Name><Duration>PT16H0M0S</Duration></Task>",
                                            with: "<Task><UID>1</UID><Name>Dig</Name><Duration>PT16H0M0S</Duration><PredecessorLink><PredecessorUID>2</PredecessorUID></PredecessorLink></Task>")) }) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("the relationships form a cycle: 1 → 2 → 1"))
            }
        }
    }
}
