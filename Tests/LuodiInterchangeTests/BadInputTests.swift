import Foundation
import Testing
@testable import LuodiInterchange

/// Each bad input gives located errors, and the importer returns no plan at all.
@Suite struct BadInputTests {
    let header = "项目名称,总投资(万元),计划开工,计划竣工"

    @Test func missingRequiredColumn() throws {
        let e = try errors("总投资(万元),计划开工\n100,2021-01-01\n")
        #expect(e.count == 1)
        #expect(e[0].description.hasPrefix("list.csv:1: missing required column"))
        #expect(e[0].message.contains("项目名称"))
    }

    @Test func impossibleDates() throws {
        let e = try errors("\(header)\n甲,100,2021-02-30,2021-12-31\n乙,100,2021-01-01,2021-13-01\n")
        #expect(e.map(\.description) == [
            "list.csv:2:计划开工: '2021-02-30' is not a calendar date: month 2 of 2021 has 28 days",
            "list.csv:3:计划竣工: '2021-13-01' is not a calendar date: there is no month 13",
        ])
    }

    @Test func usDatesWithAnImpossibleMonth() throws {
        // The nyc-sca profile reads M/d/yyyy.
        let text = """
        Project Geographic District,Project Building Identifier,Project School Name,Project Type,Project Description,Project Phase Name,Project Status Name,Project Phase Actual Start Date,Project Phase Planned End Date,Project Phase Actual End Date,Project Budget Amount,Final Estimate of Actual Costs Through End of Phase Amount,Total Phase Actual Spending Amount,DSF Number(s)
        1,M019,P.S. 19,SCA CIP,BOILER,Scope,Complete,13/45/2021,9/13/2021,7/1/2021,68660,79351.00,79351.00,DSF1
        """
        let e = try errors(text, profile: "nyc-sca", file: "sca.csv")
        #expect(e.map(\.description) == ["sca.csv:2:Project Phase Actual Start Date: '13/45/2021' is not a calendar date: there is no month 13"])
    }

    @Test func negativeAndNonNumericMoney() throws {
        let e = try errors("\(header)\n甲,-100,,\n乙,一百,,\n丙,100,,\n")
        #expect(e.map(\.row) == [2, 3])
        #expect(e.allSatisfy { $0.column == "总投资(万元)" })
        #expect(e[0].message.contains("negative") && e[1].message.contains("not an amount"))
    }

    @Test func plannedFinishBeforeStart() throws {
        let e = try errors("\(header)\n甲,100,2021-06-01,2021-05-31\n")
        #expect(e.map(\.description) == ["list.csv:2:计划竣工: planned finish 2021-05-31 is before planned start 2021-06-01"])
    }

    @Test func duplicateIdentity() throws {
        let e = try errors("\(header)\n甲,100,,\n乙,200,,\n甲,100,,\n")
        #expect(e.count == 1)
        #expect(e[0].row == 4 && e[0].message.contains("duplicate identity: row 2"))
    }

    @Test func emptyFileAndHeaderOnly() throws {
        #expect(try errors("").map(\.message) == ["the file is empty: expected a header row and at least one project row"])
        #expect(try errors("\(header)\n").map(\.message) == ["the file has a header but no rows"])
    }

    @Test func everyBadRowIsReported() throws {
        let rows = (1...40).map { "项目\($0),-\($0),," }.joined(separator: "\n")
        let e = try errors("\(header)\n\(rows)\n")
        #expect(e.count == 40 && e.map(\.row) == Array(2...41))
    }

    @Test func garbageOf50MegabytesIsRefusedBySize() throws {
        var rng = SystemRandomNumberGenerator()
        var words = [UInt64](repeating: 0, count: 50 * 1024 * 1024 / 8)
        for i in words.indices { words[i] = rng.next() }
        let garbage = words.withUnsafeBytes { Data($0) }
        let issues = try importIssues(garbage, file: "garbage.csv")
        #expect(issues.map(\.description) == ["garbage.csv: the file has 52428800 bytes, over the import limit of 33554432 bytes; split it or raise --max-bytes"])
    }

    @Test func binaryGarbageUnderTheLimitIsNotText() throws {
        var rng = SystemRandomNumberGenerator()
        var garbage = Data((0..<(1024 * 1024)).map { _ in UInt8.random(in: 1...255, using: &rng) })
        garbage[100] = 0
        let issues = try importIssues(garbage, file: "garbage.csv")
        #expect(issues.map(\.description) == ["garbage.csv: byte 101 is a NUL byte: this is not a text (CSV) file; save the sheet as CSV (UTF-8) and try again"])
    }

    @Test func unknownColumnInAMapping() throws {
        let mapping = #"{"name": "m", "identity": {"columns": ["项目"]}, "project": {"name": {"column": "项目"}, "department": {"column": "部门"}}}"#
        let m = try Mapping.load(Data(mapping.utf8), file: "m.json")
        let issues = try importIssues(Data("项目,单位\n甲,乙\n".utf8), file: "x.csv", mapping: m)
        #expect(issues.map(\.description) == ["x.csv:1:部门: column '部门' named by the mapping (project.department) is not in the header; columns are: 项目, 单位"])
    }

    @Test func unknownFieldInAMapping() throws {
        let mapping = #"{"name": "m", "identity": {"columns": ["项目"]}, "project": {"name": {"column": "项目"}, "budget": {"column": "x"}}}"#
        #expect(throws: ImportIssue.self) { try Mapping.load(Data(mapping.utf8), file: "m.json") }
    }

    @Test func unknownCodedValueListsTheAllowedOnes() throws {
        let e = try errors("项目名称,项目类别\n甲,高科技\n")
        #expect(e.count == 1)
        #expect(e[0].message.hasPrefix("unknown category '高科技'; use one of: industrial (产业"))
    }

    @Test func conflictingValuesForOneProject() throws {
        let e = try errors("编号,项目名称,总投资(万元),节点名称\nA,甲,100,开工\nA,甲,200,竣工\n")
        #expect(e.count == 1 && e[0].row == 3 && e[0].message.contains("differs from '100' in row 2"))
    }
}

/// Quoting, headers and zone names: mistakes that a lenient reader would turn into wrong data.
@Suite struct StructureTests {
    @Test func anUnclosedQuoteIsAnErrorNotASwallowedFile() throws {
        let e = try errors("编号,项目名称,总投资(万元)\nQ-1,甲,100\nQ-2,\"未闭合引号,100\nQ-3,丙,300\n")
        #expect(e.map(\.description) == ["list.csv:3:项目名称: the quote that opens this cell is never closed, so the rest of the file would be read into it"])
    }

    @Test func aStrayQuoteInsideACellIsAnError() throws {
        let e = try errors("编号,项目名称,建设单位\nF-1,=HYPERLINK(\"http://evil\",\"x\"),+cmd|calc\n")
        #expect(e.map(\.description) == ["list.csv:2:项目名称: a double quote inside an unquoted cell; quote the whole cell and double its inner quotes (\"\")"])
        let after = try errors("编号,项目名称\nF-1,\"甲\"乙\n")
        #expect(after.map(\.row) == [2] && after.first?.message.hasPrefix("text after the closing quote") == true)
    }

    @Test func properlyQuotedCellsKeepQuotesCommasAndNewlines() throws {
        let text = "编号,项目名称,建设单位\nF-1,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",\"甲,\n乙\"\n"
        let plan = try ProjectListImporter.plan(data: Data(text.utf8), file: "q.csv", mapping: try BundledProfiles.named("luodi"))
        #expect(plan.projects.first?.project.name == "=HYPERLINK(\"http://x\",\"y\")")
        #expect(plan.projects.first?.project.enterprise == "甲,\n乙")
    }

    @Test func aRepeatedOrAmbiguousHeaderIsAnError() throws {
        let twice = try errors("编号,项目名称,项目名称\n1,甲,乙\n")
        #expect(twice.map(\.description) == ["list.csv:1:项目名称: columns 2 (项目名称) and 3 (项目名称) could both be 'name' or '项目名称' (project.name); rename or remove one"])
        let unit = try errors("项目名称,总投资(万元),总投资\n甲,1,2\n")
        #expect(unit.count == 1 && unit[0].message.hasPrefix("columns 2 (总投资(万元)) and 3 (总投资) could both be"))
    }

    @Test func columnsWithoutAFieldAreNamedInANote() throws {
        let plan = try ProjectListImporter.plan(data: Data("编号,项目名称,备注\n1,甲,x\n".utf8), file: "n.csv", mapping: try BundledProfiles.named("luodi"))
        #expect(plan.notes.map(\.description) == ["n.csv:1: columns not imported (the mapping gives them no field): 备注"])
    }

    @Test func aBlankZoneNameIsRefused() throws {
        let issues = try importIssues(Data("项目名称\n甲\n".utf8), file: "z.csv")
        #expect(issues.isEmpty)
        let blank = try importIssues(Data("项目名称\n甲\n".utf8), file: "z.csv", zoneName: "  ")
        #expect(blank.map(\.description) == ["luodi:--zone: the zone name is empty"])
    }

    @Test func utf16IsNamed() throws {
        let e = try importIssues(Data([0xFF, 0xFE, 0x41, 0x00]), file: "u.csv")
        #expect(e.map(\.message) == ["UTF-16 text (Excel's \"Unicode text\"); save the sheet as CSV UTF-8 instead"])
    }
}
