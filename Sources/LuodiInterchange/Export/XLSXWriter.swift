import Foundation
import LuodiCore
import ZIPFoundation

/// A typed cell of an exported workbook.
public enum XLSXCell: Sendable, Hashable {
    case text(String)
    /// A number as a number (sums and sorts in Excel).
    case number(Double)
    /// An exact decimal (money), written digit for digit as a number: `12345.67`.
    case decimal(Decimal)
    /// A real date (a serial number with the `yyyy-mm-dd` format).
    case date(CalendarDate)
    case empty
}

/// One sheet to write: a header row (frozen, bold) and typed rows.
public struct XLSXSheetData: Sendable {
    public var name: String
    public var header: [String]
    public var rows: [[XLSXCell]]
    /// Drop-down lists of allowed values, by 0-based column: Excel and WPS offer the values and
    /// refuse others in the rows below the header (rows 2 to 1,000 or the last row, if more).
    public var allowedValues: [Int: [String]]

    public init(name: String, header: [String], rows: [[XLSXCell]], allowedValues: [Int: [String]] = [:]) {
        self.name = name
        self.header = header
        self.rows = rows
        self.allowedValues = allowedValues
    }
}

/// Writes Office Open XML workbooks (ECMA-376) with ZIPFoundation: inline strings, numbers,
/// dates with a date format, a frozen bold header, column widths that fit Chinese text (a CJK
/// character counts two), drop-down lists, printing on A4 landscape one page wide. Text is only ever a string cell, so a cell that starts with `=`, `+`,
/// `-` or `@` stays text in Excel and WPS (no formula is written at all).
public enum XLSXWriter {
    /// The workbook's bytes.
    /// - Throws: ZIPFoundation's error if the archive cannot be built.
    public static func workbook(_ sheets: [XLSXSheetData]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        let names = uniqueNames(sheets.map(\.name))
        try add("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\(sheets.indices.map { #"<Override PartName="/xl/worksheets/sheet\#($0 + 1).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"# }.joined())</Types>
            """)
        try add("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """)
        try add("xl/workbook.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\(names.enumerated().map { #"<sheet name="\#(escape($0.element))" sheetId="\#($0.offset + 1)" r:id="rId\#($0.offset + 1)"/>"# }.joined())</sheets><definedNames>\(names.enumerated().map { #"<definedName name="_xlnm.Print_Titles" localSheetId="\#($0.offset)">'\#(escape($0.element.replacingOccurrences(of: "'", with: "''")))'!$1:$1</definedName>"# }.joined())</definedNames></workbook>
            """)
        try add("xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(sheets.indices.map { #"<Relationship Id="rId\#($0 + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#($0 + 1).xml"/>"# }.joined())<Relationship Id="rId\(sheets.count + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
            """)
        // Styles: 0 plain, 1 date (custom format 164), 2 bold header.
        try add("xl/styles.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
            """)
        for (i, sheet) in sheets.enumerated() { try add("xl/worksheets/sheet\(i + 1).xml", worksheet(sheet)) }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    static func worksheet(_ sheet: XLSXSheetData) -> String {
        let width = max(sheet.header.count, sheet.rows.map(\.count).max() ?? 0)
        func shown(_ c: XLSXCell) -> String {
            switch c {
            case let .text(t): return t
            case let .number(n): return n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
            case let .decimal(d): return "\(d)"
            case let .date(d): return d.iso
            case .empty: return ""
            }
        }
        func displayWidth(_ s: String) -> Int { s.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) } }
        let widths = (0..<width).map { col -> Int in
            let texts = [col < sheet.header.count ? sheet.header[col] : ""] + sheet.rows.prefix(1000).map { col < $0.count ? shown($0[col]) : "" }
            return min(60, max(8, (texts.map(displayWidth).max() ?? 8) + 2))
        }
        var out = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        // Printed on A4 landscape, the header row repeated on each page (the workbook's
        // Print_Titles); a sheet up to 180 characters wide fits one page wide, a wider one keeps
        // its size and continues on the next pages (text shrunk to fit would be unreadable).
        let fits = widths.reduce(0, +) <= 180
        if fits { out += #"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"# }
        out += #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#
        if width > 0 { out += "<cols>" + widths.enumerated().map { #"<col min="\#($0.offset + 1)" max="\#($0.offset + 1)" width="\#($0.element)" customWidth="1"/>"# }.joined() + "</cols>" }
        out += "<sheetData>"
        out += #"<row r="1">"# + sheet.header.enumerated().map { #"<c r="\#(XLSXSheet.columnName($0.offset))1" t="inlineStr" s="2"><is><t>\#(escape($0.element))</t></is></c>"# }.joined() + "</row>"
        for (r, row) in sheet.rows.enumerated() {
            let n = r + 2
            out += #"<row r="\#(n)">"#
            for (c, cell) in row.enumerated() {
                let ref = "\(XLSXSheet.columnName(c))\(n)"
                switch cell {
                case let .text(t) where !t.isEmpty: out += #"<c r="\#(ref)" t="inlineStr"><is><t xml:space="preserve">\#(escape(t))</t></is></c>"#
                case let .number(v) where v.isFinite: out += #"<c r="\#(ref)"><v>\#(shown(.number(v)))</v></c>"#
                case let .decimal(v) where v.isFinite: out += #"<c r="\#(ref)"><v>\#(shown(.decimal(v)))</v></c>"#
                case let .date(d): out += #"<c r="\#(ref)" s="1"><v>\#(serial(d))</v></c>"#
                default: break
                }
            }
            out += "</row>"
        }
        out += "</sheetData>"
        let lists = sheet.allowedValues.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }
        if !lists.isEmpty {
            let last = max(1000, sheet.rows.count + 1)
            out += #"<dataValidations count="\#(lists.count)">"#
            for (column, values) in lists {
                let name = XLSXSheet.columnName(column)
                out += #"<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="\#(name)2:\#(name)\#(last)"><formula1>\#(escape(listFormula(values)))</formula1></dataValidation>"#
            }
            out += "</dataValidations>"
        }
        out += #"<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>"#
        out += fits ? #"<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>"# : #"<pageSetup paperSize="9" orientation="landscape"/>"#
        return out + "</worksheet>"
    }

    /// An in-cell list formula, `"产业项目,基础设施"` (quotes doubled, commas dropped from values,
    /// since the comma separates them). Excel limits it to 255 characters; longer lists are cut at
    /// a whole value.
    static func listFormula(_ values: [String]) -> String {
        var kept: [String] = []
        for v in values.map({ $0.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "\"", with: "\"\"") }) where !v.isEmpty {
            if (kept + [v]).joined(separator: ",").count > 253 { break }
            kept.append(v)
        }
        return "\"" + kept.joined(separator: ",") + "\""
    }

    /// Days since 1899-12-30: Excel's 1900 date system for dates from 1900-03-01 on.
    static func serial(_ d: CalendarDate) -> Int { (try! CalendarDate(year: 1899, month: 12, day: 30)).days(until: d) }

    /// XML text: the five entities escaped, characters XML 1.0 forbids dropped.
    static func escape(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(u)
            default: if u.value >= 0x20 && u.value != 0xFFFE && u.value != 0xFFFF { out.unicodeScalars.append(u) }
            }
        }
        return out
    }

    /// Sheet names as Excel allows them: at most 31 characters, none of : \ / ? * [ ], no
    /// apostrophe at either end, not History, unique.
    static func uniqueNames(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.map { raw in
            // No apostrophe at either end, and not History (Excel keeps that name for itself).
            var base = String(raw.filter { !":\\/?*[]".contains($0) }.trimmingCharacters(in: CharacterSet(charactersIn: "'")).prefix(31))
            if base.isEmpty { base = "Sheet" }
            if base.lowercased() == "history" { base += " 1" }
            var name = base, n = 2
            while seen.contains(name) { name = String(base.prefix(28)) + " \(n)"; n += 1 }
            seen.insert(name)
            return name
        }
    }
}
