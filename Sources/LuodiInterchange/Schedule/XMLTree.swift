import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A minimal element tree built with Foundation's XML parser: enough to read MSPDI (plain nested
/// elements with text content) and the parts of an .xlsx workbook (elements with attributes).
final class XMLNode {
    let name: String
    var text = ""
    var children: [XMLNode] = []
    /// Attributes by local name (`r:id` is `id`).
    var attributes: [String: String] = [:]

    init(name: String) { self.name = name }

    /// The first child named `name`.
    func child(_ name: String) -> XMLNode? { children.first { $0.name == name } }
    /// Every child named `name`.
    func all(_ name: String) -> [XMLNode] { children.filter { $0.name == name } }
    /// The trimmed text of the first child named `name`, nil when absent or empty.
    func value(_ name: String) -> String? {
        guard let t = child(name)?.text.trimmingWhitespace(), !t.isEmpty else { return nil }
        return t
    }

    /// Parses a document.
    /// - Throws: `ImportIssue` naming the file, line and column of the first XML error.
    static func parse(_ data: Data, file: String) throws -> XMLNode {
        // Streamed, so libxml2 reads it in chunks: one 10 MB chunk passes its look-ahead limit
        // (XML_MAX_LOOKUP_LIMIT without XML_PARSE_HUGE), and a large sheet would not parse.
        let parser = XMLParser(stream: InputStream(data: data))
        let builder = Builder()
        parser.delegate = builder
        let parsed = parser.parse()
        if builder.tooDeep {
            throw ImportIssue(file: file, row: parser.lineNumber, column: "column \(parser.columnNumber)",
                              message: "the XML nests deeper than \(Builder.depthLimit) elements; no spreadsheet or schedule program writes that")
        }
        guard parsed, let root = builder.root else {
            throw ImportIssue(file: file, row: parser.lineNumber, column: "column \(parser.columnNumber)",
                              message: "not well-formed XML (\(parser.parserError.map { "\($0.localizedDescription)" } ?? "no root element"))")
        }
        return root
    }

    private final class Builder: NSObject, XMLParserDelegate {
        /// Deeper trees are refused (a crafted file could exhaust the stack).
        static let depthLimit = 256
        var root: XMLNode?
        var stack: [XMLNode] = []
        var tooDeep = false

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            let local = elementName.split(separator: ":").last.map(String.init) ?? elementName
            let node = XMLNode(name: local)
            for (k, v) in attributeDict { node.attributes[k.split(separator: ":").last.map(String.init) ?? k] = v }
            guard stack.count < Self.depthLimit else {
                tooDeep = true
                parser.abortParsing()
                return
            }
            stack.last?.children.append(node)
            if root == nil { root = node }
            stack.append(node)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            if !stack.isEmpty { stack.removeLast() }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
}
