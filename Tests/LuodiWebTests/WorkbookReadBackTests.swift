import Foundation
import LuodiCore
import Testing
import VaporTesting
@testable import LuodiWeb

/// Luodi's workbooks read back by openpyxl, an independent reader (`Scripts/read_xlsx.py`):
/// the cell types and formats a spreadsheet user meets. Runs when `LUODI_PYTHON_CHECKS=1`
/// (`.ci/run` installs Debian's python3-openpyxl and sets it).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["LUODI_PYTHON_CHECKS"] == "1"))
struct WorkbookReadBackTests {
    struct Sheet: Decodable {
        let name: String
        let frozen: String?
        let validations: [[String]]
        let orientation: String?
        let rows: [[Cell]]
    }

    /// [value, type, number format]: type `s` text, `n` number, `d` date, `f` formula.
    struct Cell: Decodable, Equatable {
        let value: String?
        let type: String
        let format: String
        init(from decoder: Decoder) throws {
            var c = try decoder.unkeyedContainer()
            if let s = try? c.decode(String.self) { value = s } else if let n = try? c.decode(Double.self) {
                value = n == n.rounded() ? String(Int64(n)) : String(n)
            } else { _ = try? c.decodeNil(); value = nil }
            type = try c.decode(String.self)
            format = try c.decode(String.self)
        }
    }

    func openpyxl(_ data: Data, rows: Int = 5) throws -> [Sheet] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("luodi-\(UUID().uuidString).xlsx")
        try data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scripts/read_xlsx.py").path, file.path, String(rows)]
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let json = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "\(String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))")
        return try JSONDecoder().decode([Sheet].self, from: json)
    }

    @Test func openpyxlReadsTypedCellsFrozenHeadersAndDropDowns() async throws {
        try await withLuodiApp { app in
            _ = try await app.importCSV(templateCSV)
            let zone = try #require(try await app.portfolioRepository.zone(named: "测试开发区"))
            let jm01 = try #require(try await app.portfolioRepository.projects(zoneID: zone.id).first { $0.plan.project.key == "JM-01" }).id
            try await app.sendJSON(.POST, "/api/v1/problems", #"{"projectID": "\#(jm01)", "title": "=1+1", "raisedBy": "企业", "raisedOn": "2021-03-01", "ownerDepartment": "供电公司", "deadline": "2021-03-31"}"#, expect: .created)

            let projects = try openpyxl(try await app.download("/projects.xlsx?asOf=2021-06-30&lang=zh-Hans"))[0]
            #expect(projects.frozen == "A2" && projects.orientation == "landscape")
            let row = try #require(projects.rows.first { $0[0].value == "JM-01" })
            // 总投资 50,000 万元 as a number; 计划开工 2021-02-26 as a date with its format; the name as text
            #expect(row[11].value == "50000" && row[11].type == "n")
            #expect(row[15].value == "2021-02-26" && row[15].type == "d" && row[15].format == "yyyy-mm-dd")
            #expect(row[1].type == "s" && projects.rows[0][11].value == "总投资（万元）")

            // a title that looks like a formula is text, not a formula
            let problems = try openpyxl(try await app.download("/problems.xlsx?asOf=2021-04-10&lang=zh-Hans"))[0]
            #expect(problems.rows[1][0] == (try JSONDecoder().decode(Cell.self, from: Data(#"["=1+1", "s", "General"]"#.utf8))))

            // the template: the category column's drop-down list, the notes sheet second
            let template = try openpyxl(try await app.download("/import/template.xlsx?profile=luodi&lang=zh-Hans"))
            #expect(template.map(\.name) == ["填写", "填写说明"])
            #expect(template[0].validations.contains(["D2:D1000", "list", "\"产业项目,基础设施,社会事业,城市配套\""]))

            // the bulletin: one sheet per section
            let bulletin = try openpyxl(try await app.download("/bulletin.xlsx?period=2021-06&lang=zh-Hans"))
            #expect(bulletin.count == 8 && bulletin[0].name == "一、总体情况")
        }
    }
}
