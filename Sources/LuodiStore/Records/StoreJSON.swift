import Foundation

/// How the store keeps values as JSON text: one encoder with sorted keys (so equal values are
/// equal text), and decoding that names the record when stored text cannot be read.
enum StoreJSON {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// - Throws: `StoreError.corrupt` naming `what`.
    static func decode<T: Decodable>(_ type: T.Type, _ text: String, what: @autoclosure () -> String) throws -> T {
        do { return try JSONDecoder().decode(type, from: Data(text.utf8)) } catch {
            throw StoreError.corrupt("\(what()): \(error)")
        }
    }
}
