import Foundation

/// The text encodings an import accepts: UTF-8 (with or without BOM) and GB18030, the superset
/// of GBK and GB2312 that Excel and WPS in China save "CSV" as.
public enum TextEncoding: String, CaseIterable, Sendable, Codable {
    /// Detect: a UTF-8 BOM or valid UTF-8 is UTF-8; otherwise try GB18030.
    case auto
    case utf8 = "utf-8"
    case gb18030

    /// Also accepts `gbk`, `gb2312`, `utf8` and `cp936`.
    public init?(name: String) {
        switch name.lowercased() {
        case "auto": self = .auto
        case "utf-8", "utf8": self = .utf8
        case "gb18030", "gbk", "gb2312", "cp936": self = .gb18030
        default: return nil
        }
    }

    /// GB 18030-2000 in CoreFoundation's encoding numbering, which Foundation on Linux decodes.
    static let foundationGB18030 = String.Encoding(rawValue: 0x8000_0632)

    /// Decodes `data` as text.
    /// - Returns: the text (BOM removed) and the encoding that was used.
    /// - Throws: `ImportIssue` naming the file and the byte offset of the first problem.
    public func decode(_ data: Data, file: String) throws -> (text: String, encoding: TextEncoding) {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            throw ImportIssue(file: file, row: nil, column: nil,
                              message: "UTF-16 text (Excel's \"Unicode text\"); save the sheet as CSV UTF-8 instead")
        }
        if let nul = data.firstIndex(of: 0) {
            throw ImportIssue(file: file, row: nil, column: nil,
                              message: "byte \(nul - data.startIndex + 1) is a NUL byte: this is not a text (CSV) file; save the sheet as CSV (UTF-8) and try again")
        }
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let hasBOM = data.starts(with: bom)
        switch self {
        case .utf8, .auto:
            let body = hasBOM ? data.dropFirst(3) : data[...]
            if let text = String(validating: body, as: UTF8.self) { return (text, .utf8) }
            if self == .utf8 || hasBOM {
                throw ImportIssue(file: file, row: nil, column: nil,
                                  message: "not valid UTF-8 (first bad byte at offset \(Self.firstInvalidUTF8(body) + (hasBOM ? 3 : 0))); if Excel saved it as GBK/GB18030, pass --encoding gb18030")
            }
            if let text = String(data: data, encoding: Self.foundationGB18030), !text.contains("\u{FFFD}") {
                return (text, .gb18030)
            }
            throw ImportIssue(file: file, row: nil, column: nil,
                              message: "neither UTF-8 (first bad byte at offset \(Self.firstInvalidUTF8(body))) nor GB18030 text; save the sheet as CSV (UTF-8)")
        case .gb18030:
            guard let text = String(data: data, encoding: Self.foundationGB18030), !text.contains("\u{FFFD}") else {
                throw ImportIssue(file: file, row: nil, column: nil, message: "not valid GB18030/GBK text; try --encoding utf-8")
            }
            return (text, .gb18030)
        }
    }

    /// 0-based offset of the first byte that breaks UTF-8.
    static func firstInvalidUTF8<C: Collection>(_ bytes: C) -> Int where C.Element == UInt8 {
        var offset = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(s): offset += String(s).utf8.count
            case .emptyInput: return offset
            case .error: return offset
            }
        }
    }
}
