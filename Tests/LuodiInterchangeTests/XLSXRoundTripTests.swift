import Foundation
import LuodiCore
import Testing
import ZIPFoundation
@testable import LuodiInterchange

/// A workbook saved by LibreOffice, the project list written in the template's shape, and the
/// import templates.
@Suite struct XLSXRoundTripTests {
    @Test func aLibreOfficeSheetWithATwoRowHeaderAndFormulas() throws {
        let sheet = try XLSXSheet(data: try fixture("libreoffice-merged-header.xlsx"), file: "lo.xlsx", sheet: "2022年重点项目")
        // The header is rows 2–3 read as one: names from row 3, else row 2 (项目名称); 编号 and 责任单位
        // merged down; 投资情况 (merged over D2:F2) is only the group's label.
        #expect(sheet.headerRow == 3)
        #expect(sheet.header == ["编号", "项目名称", "责任单位", "总投资（万元）", "年度计划投资（万元）", "累计完成投资（万元）", "计划开工", "计划竣工"])
        // Formulas read as the values LibreOffice stored: ROUND(20000 × 0.35, 2) = 7000; 4.5 × 10000 = 45000; 15000 ÷ 4 = 3750
        #expect(sheet.rows == [["LO-1", "智能装备产业园", "招商一局", "80000", "20000", "7000", "2022-03-15", "2023-12-31"],
                               ["LO-2", "滨海大道改造工程", "建设局", "45000", "15000", "3750", "2022-05-01", "2022-11-30"]])
        let plan = try ProjectListImporter.plan(table: CSVTable(sheet: sheet), mapping: try BundledProfiles.named("luodi"), zoneName: "测试开发区")
        let p = try #require(plan.projects.first { $0.project.key == "LO-2" }?.project)
        // 45000 万元 = 450,000,000 yuan; 3750 万元 = 37,500,000 yuan
        #expect(p.totalInvestment == cny(yuan: 450_000_000) && p.completedInvestment == cny(yuan: 37_500_000) && p.department == "建设局")
    }

    @Test func aCurrencyInTheHeaderIsTheZones() throws {
        // (USD) in the header: the zone is in dollars, whatever the profile's default (CNY)
        let plan = try ProjectListImporter.plan(data: Data("编号,项目名称,总投资 (USD)\nA,School,\"1,234.50\"\n".utf8), file: "usd.csv",
                                                mapping: try BundledProfiles.named("luodi"), zoneName: "NYC")
        #expect(plan.zone.currency == .usd && plan.projects[0].project.totalInvestment == Money(minorUnits: 123_450, currency: .usd))
        // two currencies in one list are refused, naming the column
        let issues = try errors("编号,项目名称,总投资（万元）,年度计划投资 (USD)\nA,B,1,2\n")
        #expect(issues.map(\.description) == ["list.csv:1:年度计划投资 (USD): this column is in USD but '总投资（万元）' is in CNY; amounts in different currencies are never mixed in one list"])
    }

    @Test func predecessorsWriteAsTheyParse() throws {
        let links = [MilestoneLink(predecessor: "供地", successor: "开工"),
                     MilestoneLink(predecessor: "规划许可", successor: "开工", type: .startToStart, lagDays: -2),
                     MilestoneLink(predecessor: "开工", successor: "竣工", type: .finishToFinish, lagDays: 120)]
        #expect(PredecessorSyntax.format(links, successor: "开工") == "供地; 规划许可 SS-2")
        #expect(PredecessorSyntax.format(links, successor: "竣工") == "开工 FF+120")
        let back = try PredecessorSyntax.parse("供地; 规划许可 SS-2")
        #expect(back.map(\.0) == ["供地", "规划许可"] && back.map(\.1) == [.finishToStart, .startToStart] && back.map(\.2) == [0, -2])
    }

    @Test func theProjectListSheetIsTheTemplatesShape() throws {
        var p = Project(key: "JM-01", name: "新能源汽车零部件产业园")
        p.category = .industrial
        p.stage = .preparing
        p.totalInvestment = cny(yuan: 500_000_000)
        p.completedInvestment = Money(minorUnits: 1_234_567_891, currency: .cny)   // 12,345,678.91 yuan = 1234.567891 万元
        var start = Milestone(name: "开工", kind: .start)
        start.plannedFinish = date("2021-03-01")
        var finish = Milestone(name: "竣工", kind: .completion)
        finish.plannedFinish = date("2022-12-31")
        let plan = ProjectPlan(project: p, milestones: [start, finish], links: [MilestoneLink(predecessor: "开工", successor: "竣工", lagDays: 300)])
        let sheets = try ProjectListSheets(currency: .cny, chinese: true)
        let sheet = sheets.milestones([plan], sheetName: "清单")
        #expect(sheet.header.prefix(4) == ["编号", "项目名称", "项目代码", "项目类别"] && sheet.header.contains("总投资（万元）") && sheet.header.contains("前置节点"))
        let total = try #require(sheet.header.firstIndex(of: "总投资（万元）")), done = try #require(sheet.header.firstIndex(of: "累计完成投资（万元）"))
        let predecessors = try #require(sheet.header.firstIndex(of: "前置节点"))
        // two milestone rows; the project's fields on the first only, the identity on both
        #expect(sheet.rows.count == 2 && sheet.rows[0][3] == .text("产业项目") && sheet.rows[1][3] == .empty && sheet.rows[1][0] == .text("JM-01"))
        #expect(sheet.rows[0][total] == .decimal(50000) && sheet.rows[0][done] == .decimal(Decimal(string: "1234.567891")!))
        #expect(sheet.rows[1][predecessors] == .text("开工 FS+300"))
        // written and read back through the profile: the same plan
        let data = try XLSXWriter.workbook([sheet])
        let back = try ProjectListImporter.plan(table: CSVTable(sheet: try XLSXSheet(data: data, file: "x.xlsx")), mapping: try BundledProfiles.named("luodi"))
        #expect(back.projects.map(\.project) == [p] && back.projects[0].milestones == [start, finish] && back.projects[0].links == plan.links)
    }

    @Test func templatesListTheProfilesColumnsWithTheirValues() throws {
        let columns = ImportTemplate.columns(try BundledProfiles.named("luodi"), chinese: true)
        #expect(columns.map(\.header) == ["编号", "项目名称", "项目代码", "项目类别", "项目性质", "项目阶段", "产业链", "责任单位", "包保领导", "建设单位", "建设地点",
                                          "总投资（万元）", "年度计划投资（万元）", "累计完成投资（万元）", "入库日期", "计划开工", "计划竣工", "实际开工", "进展情况", "来源",
                                          "节点名称", "节点类型", "节点计划开始", "节点计划完成", "节点实际开始", "节点实际完成", "节点原始状态", "节点预算（万元）",
                                          "节点已支出（万元）", "前置节点"])
        #expect(columns[1].required && columns[3].values == ["产业项目", "基础设施", "社会事业", "城市配套"])
        #expect(columns[5].values == ["线索", "洽谈", "签约", "注册", "前期手续", "在建", "竣工", "投产"])
        // the lead template offers the profile's own words, or its codes in English
        let leads = ImportTemplate.columns(try BundledProfiles.named("leads"), chinese: true)
        #expect(leads.first { $0.header == "币种" }?.values == ["人民币", "日元", "欧元", "港元", "美元"])
        #expect(ImportTemplate.columns(try BundledProfiles.named("leads"), chinese: false).first { $0.header == "currency" }?.values == ["CNY", "EUR", "HKD", "JPY", "USD"])
        // The workbook: the list sheet's drop-downs as Excel stores them, and its header imports.
        let data = try ImportTemplate.workbook(try BundledProfiles.named("luodi"), chinese: true)
        let archive = try Archive(data: data, accessMode: .read)
        var xml = Data()
        _ = try archive.extract(try #require(archive["xl/worksheets/sheet1.xml"])) { xml.append($0) }
        let text = String(decoding: xml, as: UTF8.self)
        #expect(text.contains(#"<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="D2:D1000"><formula1>&quot;产业项目,基础设施,社会事业,城市配套&quot;</formula1></dataValidation>"#))
        let header = columns.map(\.header)
        var row = Array(repeating: "", count: header.count)
        row[1] = "模板项目"; row[3] = "基础设施"; row[11] = "1.5亿元"
        let csv = header.joined(separator: ",") + "\n" + row.joined(separator: ",") + "\n"
        let plan = try ProjectListImporter.plan(data: Data(csv.utf8), file: "t.csv", mapping: try BundledProfiles.named("luodi"))
        #expect(plan.projects.map(\.project.category) == [.infrastructure] && plan.projects[0].project.totalInvestment == cny(yuan: 150_000_000))
    }

    @Test func listFormulasStayWithinExcelsLimit() {
        #expect(XLSXWriter.listFormula(["a,b", #"say "hi""#]) == #""ab,say ""hi""""#)
        let long = (1...100).map { "选项\($0)" }
        #expect(XLSXWriter.listFormula(long).count <= 255)
    }
}

/// Workbooks no spreadsheet program writes, or writes rarely: refused with the cell named, or
/// read within the table's own extent.
@Suite struct XLSXStrangeSheetTests {
    /// A workbook whose first sheet is `sheetData` (and what follows it) as given.
    func workbook(_ sheetData: String) throws -> Data {
        let base = try XLSXWriter.workbook([XLSXSheetData(name: "清单", header: ["x"], rows: [])])
        let source = try Archive(data: base, accessMode: .read)
        let out = try Archive(data: Data(), accessMode: .create)
        for entry in source {
            var bytes = Data()
            _ = try source.extract(entry) { bytes.append($0) }
            if entry.path == "xl/worksheets/sheet1.xml" {
                bytes = Data(#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\#(sheetData)</worksheet>"#.utf8)
            }
            try out.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(bytes.count)) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return try #require(out.data)
    }

    func refusal(_ data: Data) -> String {
        do { _ = try XLSXSheet(data: data, file: "f.xlsx"); return "" } catch { return "\(error)" }
    }

    func cell(_ ref: String, _ text: String) -> String { #"<c r="\#(ref)" t="inlineStr"><is><t>\#(text)</t></is></c>"# }

    var table: String {
        #"<row r="2">\#(cell("A2", "编号"))\#(cell("B2", "项目名称"))\#(cell("C2", "责任单位"))\#(cell("D2", "备注"))</row>"#
            + #"<row r="3">\#(cell("A3", "X-1"))\#(cell("B3", "甲项目"))\#(cell("C3", "招商局"))\#(cell("D3", "见附件"))</row>"#
            + #"<row r="4">\#(cell("A4", "X-2"))\#(cell("B4", "乙项目"))\#(cell("C4", "建设局"))</row>"#
    }

    @Test func farCellsAreRefusedNamed() throws {
        // a legal cell at the sheet's last corner: 1,048,576 × 16,384 cells would be read
        let corner = try workbook("<sheetData>\(table)<row r=\"1048576\">\(cell("XFD1048576", "x"))</row></sheetData>")
        #expect(refusal(corner).hasPrefix("f.xlsx:清单!XFD1048576: the sheet's filled range runs to XFD1048576 (1048576 rows × 16384 columns)"))
        // past Excel's last column or row
        #expect(refusal(try workbook("<sheetData>\(table)<row r=\"5\">\(cell("XFE5", "1"))</row></sheetData>")).hasPrefix("f.xlsx:清单!XFE5: a cell beyond Excel's last column"))
        #expect(refusal(try workbook("<sheetData>\(table)<row r=\"99999999\">\(cell("A99999999", "1"))</row></sheetData>")).hasPrefix("f.xlsx:清单!99999999:99999999: a cell beyond"))
    }

    /// Files crafted to crash a reader: each refused (or read) without crashing.
    @Test func craftedCellsAreRefusedNotCrashed() throws {
        // a reference of 14 letters (once an arithmetic overflow)
        #expect(refusal(try workbook("<sheetData>\(table)<row r=\"5\">\(cell("ZZZZZZZZZZZZZZ5", "1"))</row></sheetData>")).hasPrefix("f.xlsx:清单!ZZZZZZZZZZZZZZ5: a cell beyond"))
        // a shared-text index that is negative or past the end (once an index out of range)
        #expect(refusal(try workbook(#"<sheetData>\#(table)<row r="5"><c r="B5" t="s"><v>-1</v></c></row></sheetData>"#)).hasPrefix("f.xlsx:清单!B5: the cell refers to shared text -1"))
        // NaN, infinity and 1e300 in a date-formatted cell (style 1) read as text, to be refused by the importer (once a fatal conversion)
        let dates = try XLSXSheet(data: try workbook(#"<sheetData>\#(table)<row r="5"><c r="A5" t="inlineStr"><is><t>X-3</t></is></c><c r="B5" s="1"><v>NaN</v></c><c r="C5" s="1"><v>INF</v></c><c r="D5" s="1"><v>1e300</v></c></row></sheetData>"#), file: "f.xlsx")
        #expect(dates.rows.last?[0] == "X-3" && dates.rows.last?[1].lowercased() == "nan")
        // a cell outside its own row (C7 inside row 5)
        #expect(refusal(try workbook("<sheetData>\(table)<row r=\"5\">\(cell("C7", "1"))</row></sheetData>")).hasPrefix("f.xlsx:清单!C7: a cell beyond"))
        // sheet names Excel would repair: an apostrophe at the start, the reserved History
        #expect(XLSXWriter.uniqueNames(["'引号区", "History", "项目"]) == ["引号区", "History 1", "项目"])
        // elements nested 100,000 deep (once a stack overflow)
        let deep = String(repeating: "<r>", count: 100_000) + String(repeating: "</r>", count: 100_000)
        #expect(refusal(try workbook("<sheetData>\(table)<row r=\"5\"><c r=\"A5\" t=\"inlineStr\"><is>\(deep)</is></c></row></sheetData>")).contains("nests deeper than 256 elements"))
    }

    @Test func aTitleAboveABlankRowAndAnEmptyFormulaResult() throws {
        // the title merged over A1:E1, row 2 blank, the header in row 3; E4 a formula whose result is ""
        let rows = #"<row r="1">\#(cell("A1", "2024年重点项目表"))</row><row r="3">\#(cell("A3", "编号"))\#(cell("B3", "项目名称"))\#(cell("C3", "责任单位"))\#(cell("D3", "总投资"))\#(cell("E3", "备注"))</row>"#
            + #"<row r="4">\#(cell("A4", "X-1"))\#(cell("B4", "甲项目"))\#(cell("C4", "招商局"))<c r="D4"><v>5000</v></c><c r="E4" t="str"><f>IF(D4&gt;6000,"大","")</f><v></v></c></row>"#
        let sheet = try XLSXSheet(data: try workbook("<sheetData>\(rows)</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A1:E1\"/></mergeCells>"), file: "f.xlsx")
        #expect(sheet.headerRow == 3 && sheet.header == ["编号", "项目名称", "责任单位", "总投资", "备注"] && sheet.rows == [["X-1", "甲项目", "招商局", "5000", ""]])
    }

    @Test func formulasWithoutAValueAreRefusedNamed() throws {
        let data = try workbook(#"<sheetData>\#(table)<row r="5"><c r="A5"><v>3</v></c><c r="C5"><f>A5*2</f><v></v></c></row></sheetData>"#)
        #expect(refusal(data) == "f.xlsx:清单!C5: 1 formula cell(s) (C5) have no computed value; open the workbook in Excel, WPS or LibreOffice and save it, so the values are stored")
    }

    @Test func mergesReachNoFurtherThanTheTable() throws {
        // a title merged over A1:F1 above a table in A–D, and the notes cell D3 merged down to D10
        let data = try workbook("<sheetData><row r=\"1\">\(cell("A1", "2023年重点项目表"))</row>\(table)</sheetData><mergeCells count=\"2\"><mergeCell ref=\"A1:F1\"/><mergeCell ref=\"D3:D10\"/></mergeCells>")
        let sheet = try XLSXSheet(data: data, file: "f.xlsx")
        #expect(sheet.headerRow == 2 && sheet.header == ["编号", "项目名称", "责任单位", "备注"])
        #expect(sheet.rows == [["X-1", "甲项目", "招商局", "见附件"], ["X-2", "乙项目", "建设局", "见附件"]])
    }

    @Test func numbersNeverInExponentNotation() throws {
        #expect(XLSXSheet.number(0.000001, raw: "0.000001") == "0.000001" && XLSXSheet.number(1e-06, raw: "1E-6") == "0.000001")
        #expect(XLSXSheet.number(12000, raw: "12000.0") == "12000" && XLSXSheet.number(8.5, raw: "8.5") == "8.5")
    }

    @Test func aSheetPartOver10MBReads() throws {
        // 10 MB is libxml2's limit on one look-ahead without XML_PARSE_HUGE; a real list of 12,000
        // phases with long names passes it.
        let rows = (1...24_000).map { i -> [XLSXCell] in [.text("P-\(i)"), .text(String(repeating: "学校锅炉改造工程", count: 8)), .number(Double(i)), .date(date("2023-09-22"))] }
        let data = try XLSXWriter.workbook([XLSXSheetData(name: "大表", header: ["编号", "项目名称", "总投资", "计划竣工"], rows: rows)])
        let sheet = try XLSXSheet(data: data, file: "big.xlsx")
        #expect(sheet.rows.count == 24_000 && sheet.rows.last == ["P-24000", String(repeating: "学校锅炉改造工程", count: 8), "24000", "2023-09-22"])
    }
}

@Suite struct TemplateCoverageTests {
    @Test func everyProfilesTemplateHoldsTheColumnsItNeeds() throws {
        // nyc-sca builds the name and location from columns: they are in its template, required for the name
        let nyc = ImportTemplate.columns(try BundledProfiles.named("nyc-sca"), chinese: false)
        #expect(Set(["Project School Name", "Project Description", "Project Building Identifier", "DSF Number(s)"]).isSubset(of: Set(nyc.map(\.header))))
        #expect(nyc.first { $0.header == "Project School Name" }?.required == true)
        let cn = ImportTemplate.columns(try BundledProfiles.named("cn-news"), chinese: true)
        #expect(Set(["city", "district", "content_or_capacity", "milestones_status", "source_date", "source_url"]).isSubset(of: Set(cn.map(\.header))))
        #expect(cn.first { $0.header == "project_name" }?.required == true)
        // units in the header in both languages, so 800 means the same in each
        #expect(ImportTemplate.columns(try BundledProfiles.named("leads"), chinese: false).contains { $0.header == "intended_investment (万)" })
        #expect(ImportTemplate.columns(try BundledProfiles.named("luodi"), chinese: false).contains { $0.header == "total_investment (万元)" })
        // Filled in (one row, the columns each profile reads; the date as a workbook's date cell reads,
        // yyyy-MM-dd, beside the profile's M/d/yyyy) and imported: nyc-sca makes its project from them.
        let header = nyc.map(\.header)
        var row = Array(repeating: "", count: header.count)
        for (column, value) in [("Project Geographic District", "1"), ("Project Building Identifier", "M019"), ("Project School Name", "P.S. 19"),
                                ("Project Type", "SCA CIP"), ("Project Description", "BOILER"), ("DSF Number(s)", "DSF1"), ("Project Phase Name", "Scope"),
                                ("Project Phase Planned End Date", "2021-09-13"), ("Project Budget Amount", "68660")] {
            row[try #require(header.firstIndex(of: column))] = value
        }
        let plan = try ProjectListImporter.plan(data: Data((header.joined(separator: ",") + "\n" + row.joined(separator: ",") + "\n").utf8), file: "t.csv",
                                                mapping: try BundledProfiles.named("nyc-sca"))
        #expect(plan.projects.map(\.project.name) == ["P.S. 19: BOILER"] && plan.projects[0].project.totalInvestment == usd(68660))
    }

    @Test func aTotalRowIsNotAProject() throws {
        let plan = try ProjectListImporter.plan(data: Data("编号,项目名称,总投资(万元)\nA,甲项目,100\nB,乙项目,50\n,合 计,150\n".utf8), file: "t.csv",
                                                mapping: try BundledProfiles.named("luodi"))
        #expect(plan.projects.map(\.project.name) == ["甲项目", "乙项目"])
        #expect(plan.notes.map(\.description) == ["t.csv:4: '合 计' is a total row: skipped (it is not a project; totals are computed from the projects)"])
        // 合计： in the 序号 column, the name blank
        let numbered = try ProjectListImporter.plan(data: Data("序号,编号,项目名称,总投资(万元)\n1,A,甲项目,100\n合计：,,,100\n".utf8), file: "t.csv",
                                                    mapping: try BundledProfiles.named("luodi"))
        #expect(numbered.projects.map(\.project.name) == ["甲项目"] && numbered.notes.contains { $0.description.contains("'合计：' is a total row") })
    }
}

@Suite struct SerialDayHintTests {
    @Test func aSerialDayWithoutADateFormatIsExplained() throws {
        let issues = try errors("编号,项目名称,计划开工\nA,甲,45000\n")
        #expect(issues.map(\.description) == ["list.csv:2:计划开工: '45000' is not a date in the format yyyy-MM-dd (if it is an Excel date, the cell has no date format: format the column as a date and save again)"])
    }
}
