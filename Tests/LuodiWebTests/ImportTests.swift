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
