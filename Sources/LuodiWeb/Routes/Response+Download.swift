import Foundation
import Vapor

extension Response {
    /// The .xlsx media type (ECMA-376).
    static let workbookType = HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")

    /// A file to save: 200 with `type` and `Content-Disposition: attachment; filename=…`.
    static func download(_ data: Data, type: HTTPMediaType = workbookType, name: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = type
        headers.contentDisposition = .init(.attachment, filename: name)
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
