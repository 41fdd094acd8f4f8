import Foundation
import LuodiCore
import Testing
import VaporTesting
@testable import LuodiWeb

/// Site photos on a report: checked by content, stored in the data directory, served back intact.
@Suite struct ReportPhotoTests {
    /// A 1×1 PNG (70 bytes).
    let png = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")!

    private func upload(_ app: Application, _ report: String, _ data: Data, name: String, expect status: HTTPStatus, mentions: String? = nil) async throws -> [String: Any] {
        var out: [String: Any] = [:]
        try await app.testing().test(.POST, "/api/v1/reports/\(report)/attachments?fileName=\(name)&by=%E5%BC%A0%E4%B8%89", beforeRequest: { req in
            req.headers.contentType = .init(type: "application", subType: "octet-stream")
            req.body = ByteBuffer(data: data)
        }) { res in
            #expect(res.status == status, "\(res.body.string)")
            if let mentions { #expect(res.body.string.contains(mentions), "\(res.body.string)") }
            if res.status == .created { out = try JSONSerialization.jsonObject(with: Data(buffer: res.body)) as! [String: Any] }
        }
        return out
    }

    @Test func photosAreCheckedByContentStoredAndServedBack() async throws {
        try await withLuodiApp { app in
            _ = try await app.importCSV(templateCSV)
            let zone = try #require(try await app.portfolioRepository.zone(named: "测试开发区"))
            let jm01 = try #require(try await app.portfolioRepository.projects(zoneID: zone.id).first { $0.plan.project.key == "JM-01" }?.id)
            try await app.sendJSON(.PUT, "/api/v1/reporting-cycle", #"{"cycle": "monthly"}"#)
            let report = try await app.sendJSON(.POST, "/api/v1/reports", #"{"projectID": "\#(jm01)", "period": "2021-02", "narrative": "开工", "reportedBy": "招商一局"}"#, expect: .created)
            let id = try #require(report["id"] as? String)

            let added = try await upload(app, id, png, name: "site.png", expect: .created)
            #expect(added["contentType"] as? String == "image/png" && added["size"] as? Int == 70 && added["fileName"] as? String == "site.png")
            // SHA-256 of the 70 bytes, computed independently (Python's hashlib).
            #expect(added["sha256"] as? String == "497790947d4666760ce38f3c00e852c71fdb66cae849bae8e9ede352719e1581")
            let photoID = try #require(added["id"] as? String)
            try await app.testing().test(.GET, "/photos/\(photoID)") { res in
                #expect(res.status == .ok && res.headers.contentType?.subType == "png" && Data(buffer: res.body) == png)
                #expect(res.headers.first(name: "X-Content-Type-Options") == "nosniff")
            }
            // A text file named .jpg, an empty body and an oversized "photo" are refused, naming the file.
            _ = try await upload(app, id, Data("<script>alert(1)</script>".utf8), name: "x.jpg", expect: .unsupportedMediaType, mentions: "is not a JPEG, PNG or WebP image")
            _ = try await upload(app, id, png + Data(count: ReportPhotos.sizeLimit), name: "big.png", expect: .payloadTooLarge, mentions: "at most 10485760 bytes")
            _ = try await upload(app, UUID().uuidString, png, name: "a.png", expect: .notFound)
            // The report lists its photo.
            try await app.testing().test(.GET, "/api/v1/reports/\(id)") { res in
                let body = try JSONSerialization.jsonObject(with: Data(buffer: res.body)) as! [String: Any]
                #expect((body["attachments"] as? [[String: Any]])?.map { $0["id"] as? String } == [photoID])
            }
            // A closed period takes no more photos, and the refused file is not left behind.
            try await app.sendJSON(.POST, "/api/v1/periods/2021-02/close", #"{"by": "办公室"}"#)
            _ = try await upload(app, id, png, name: "late.png", expect: .unprocessableEntity, mentions: "period 2021-02 is closed; its reports take no more photos")
            let folder = URL(fileURLWithPath: app.storage[DataDirectoryKey.self]!).appendingPathComponent("attachments/\(id.uppercased())")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 1)
            // A file changed on disk is reported, not served.
            try Data("changed".utf8).write(to: folder.appendingPathComponent("\(photoID.uppercased()).png"))
            try await app.testing().test(.GET, "/photos/\(photoID)") { res in
                #expect(res.status == .conflict && res.body.string.contains("site.png") && !res.body.string.contains("/attachments/"))
            }
        }
    }
}
