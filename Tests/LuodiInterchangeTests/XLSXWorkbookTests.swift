import Foundation
import LuodiCore
import Testing
@testable import LuodiInterchange

/// Workbooks made with openpyxl (`Fixtures/make_xlsx_fixtures.py`): a government list with a
/// merged title row and units in the header, the 1904 date system, and bad files.
@Suite struct XLSXWorkbookTests {
    @Test func aGovernmentListReadsBelowItsTitleWithRealDates() throws {
        // when: the sheet is chosen by name (the first sheet is a notes sheet)
        let sheet = try XLSXSheet(data: try fixture("government-list.xlsx"), file: "list.xlsx", sheet: "2021年重点项目")
        // then: the merged title row 1 is skipped; row 2 is the header
        #expect(sheet.headerRow == 2)
        #expect(sheet.header == ["编号", "项目名称", "项目类别", "责任单位", "总投资（亿元）", "年度计划投资（万元）", "计划开工", "计划竣工"])
        // serial dates (44253 = 2021-02-26 in the 1900 system) come out as dates, numbers as their digits
        #expect(sheet.rows[0] == ["X-1", "新能源汽车零部件产业园", "产业项目", "招商一局", "5", "12000", "2021-02-26", "2022-12-31"])
        #expect(sheet.rows[1][4...5] == ["8.5", "20000.5"] && sheet.rows[2][7] == "")
        // by position too
        #expect(try XLSXSheet(data: try fixture("government-list.xlsx"), file: "list.xlsx", sheet: "2").headerRow == 2)
    }

    @Test func theSameDayInThe1904System() throws {
        let sheet = try XLSXSheet(data: try fixture("date1904.xlsx"), file: "mac.xlsx")
        #expect(sheet.rows == [["M-1", "老Mac表格项目", "2021-02-26"]])
    }

    @Test func serialDaysAsExcelCountsThem() {
        // 1 = 1900-01-01; 59 = 1900-02-28; 60 is Excel's 1900-02-29 (no such day); 61 = 1900-03-01;
        // 44253 = 2021-02-26 (1900 system) and 42791 = 2021-02-26 (1904 system: 1,462 days fewer)
        #expect(XLSXSheet.date(serial: 1, date1904: false)?.iso == "1900-01-01")
        #expect(XLSXSheet.date(serial: 59, date1904: false)?.iso == "1900-02-28")
        #expect(XLSXSheet.date(serial: 60, date1904: false) == nil)
        #expect(XLSXSheet.date(serial: 61, date1904: false)?.iso == "1900-03-01")
        #expect(XLSXSheet.date(serial: 44253, date1904: false)?.iso == "2021-02-26")
        #expect(XLSXSheet.date(serial: 42791, date1904: true)?.iso == "2021-02-26")
        #expect(XLSXSheet.columnName(0) == "A" && XLSXSheet.columnName(25) == "Z" && XLSXSheet.columnName(26) == "AA" && XLSXSheet.columnName(701) == "ZZ")
    }

    @Test func badWorkbooksAreRefusedWithWhatToDo() throws {
        func refusal(_ data: Data, sheet: String? = nil) -> String {
            do { _ = try XLSXSheet(data: data, file: "f.xlsx", sheet: sheet); return "" } catch { return "\(error)" }
        }
        // an old .xls (or a password-protected workbook): an OLE2 compound file
        #expect(refusal(Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + Data(count: 512)).contains("Excel 97–2003 (.xls)"))
        #expect(refusal(Data("编号,项目名称\n".utf8)).contains("not a zip archive"))
        #expect(refusal(Data([0x50, 0x4B, 0x03, 0x04]) + Data(count: 64)).contains("damaged"))
        #expect(refusal(try fixture("government-list.xlsx"), sheet: "2022") == "f.xlsx:sheet: no sheet '2022'; the workbook has '说明', '2021年重点项目'")
        // a part that inflates to 80 MB is refused before it is inflated
        #expect(refusal(try fixture("bomb.xlsx")).contains("xl/media/zeros.bin inflates to 83886080 bytes"))
    }

    @Test func aWorkbookImportsThroughTheMappingWithErrorsInCellNotation() throws {
        let mapping = try BundledProfiles.named("luodi")
        // The bad row: 总投资 -1 in E5 — located as Excel shows it, nothing planned.
        let list = try XLSXSheet(data: try fixture("government-list.xlsx"), file: "list.xlsx", sheet: "2021年重点项目")
        do {
            _ = try ProjectListImporter.plan(table: CSVTable(sheet: list), mapping: mapping, zoneName: "测试开发区")
            Issue.record("the bad row was accepted")
        } catch {
            #expect(error.issues.map { list.locate($0).description } == ["list.xlsx:2021年重点项目!E5: 总投资（亿元）: '-1' is negative; investment amounts cannot be below zero"])
        }
        // A good sheet: the 1904 serial date reads as 2021-02-26.
        let mac = try XLSXSheet(data: try fixture("date1904.xlsx"), file: "mac.xlsx")
        let plan = try ProjectListImporter.plan(table: CSVTable(sheet: mac), mapping: mapping, zoneName: "测试开发区")
        #expect(plan.projects.map(\.project.name) == ["老Mac表格项目"] && plan.projects.first?.project.plannedStart == date("2021-02-26"))
    }
}

/// Workbooks written by Luodi read back (with Luodi's reader here; with openpyxl and LibreOffice
/// by hand, see the README) with their types.
@Suite struct XLSXWriterTests {
    @Test func aWrittenWorkbookReadsBackTypedAndSafe() throws {
        let data = try XLSXWriter.workbook([
            XLSXSheetData(name: "项目清单", header: ["编号", "项目名称", "总投资（万元）", "计划开工"], rows: [
                [.text("X-1"), .text("新能源汽车零部件产业园"), .number(50000), .date(date("2021-02-26"))],
                [.text("X-2"), .text("=cmd|' /C calc'!A0"), .number(8.5), .empty],
                [.text("X-3"), .text("<b>&\"引号\"</b>"), .empty, .date(date("1900-03-01"))],
            ]),
            XLSXSheetData(name: "问题:清单/一", header: ["问题"], rows: [[.text("用地")]]),
        ])
        let sheet = try XLSXSheet(data: data, file: "out.xlsx")
        #expect(sheet.sheetName == "项目清单" && sheet.headerRow == 1)
        #expect(sheet.header == ["编号", "项目名称", "总投资（万元）", "计划开工"])
        // numbers as numbers, dates as real dates (serial 44253 with a date format), text as text
        #expect(sheet.rows == [
            ["X-1", "新能源汽车零部件产业园", "50000", "2021-02-26"],
            ["X-2", "=cmd|' /C calc'!A0", "8.5", ""],
            ["X-3", "<b>&\"引号\"</b>", "", "1900-03-01"],
        ])
        #expect(XLSXWriter.serial(date("2021-02-26")) == 44253 && XLSXWriter.serial(date("1900-03-01")) == 61)
        // a sheet name Excel refuses is cleaned (no : / ; at most 31 characters)
        #expect(try XLSXSheet(data: data, file: "out.xlsx", sheet: "2").sheetName == "问题清单一")
    }
}
