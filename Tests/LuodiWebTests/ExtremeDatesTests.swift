import Foundation
import LuodiCore
@testable import LuodiStore
import Testing
import VaporTesting
@testable import LuodiWeb

/// Dates at the ends of the calendar are refused with the field named, never crash the server
/// (a period before year 1 did) nor leave a record that cannot be read back.
@Suite struct ExtremeDatesTests {
    @Test func farDatesAreRefusedOrServed() async throws {
        try await withLuodiApp { app in
            _ = try await app.importCSV(templateCSV)
            try await app.sendJSON(.PUT, "/api/v1/reporting-cycle", #"{"cycle": "weekly"}"#)
            try await app.sendJSON(.GET, "/api/v1/projects?asOf=0001-01-01", "", expect: .badRequest, mentions: "year 1 is outside 1000–8999")
            try await app.testing().test(.GET, "/?asOf=0001-01-01") { res in #expect(res.status == .badRequest) }
            try await app.sendJSON(.GET, "/api/v1/projects?asOf=1000-01-01", "")
            try await app.sendJSON(.GET, "/api/v1/ranking?asOf=1000-01-01", "")
            try await app.sendJSON(.POST, "/api/v1/meetings", #"{"heldOn": "0001-01-01"}"#, expect: .badRequest, mentions: "heldOn")
            try await app.sendJSON(.POST, "/api/v1/meetings", #"{"heldOn": "9999-12-31"}"#, expect: .badRequest, mentions: "heldOn")
            try await app.sendJSON(.POST, "/api/v1/meetings", #"{"heldOn": "8999-12-30"}"#, expect: .unprocessableEntity, mentions: "nextMeeting: 9000-01-06")
            // Nothing was written by the refused meetings.
            let zone = try #require(try await app.portfolioRepository.zone(named: "测试开发区"))
            #expect(try await MeetingRepository(db: app.db).meetings(zoneID: zone.id).isEmpty)
        }
    }
}
