import ArgumentParser
import Foundation
import LuodiCore
import LuodiWeb
import Vapor

/// `luodi status`: the dashboard's figures at an as-of date.
struct Status: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the portfolio's status at an as-of date (the same figures as /api/v1/dashboard).")

    @ArgumentParser.Option(name: .customLong("as-of"), help: "As-of date, yyyy-MM-dd (default: today in the zone's time zone).") var asOf: String?
    @ArgumentParser.Option(help: "Zone name (default: all zones).") var zone: String?
    @ArgumentParser.Flag(help: "Print one JSON object.") var json = false
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let date = try DatabaseOptions.date(asOf)
        let report = try await db.withApp { app in try await app.portfolioService.status(zoneName: zone, asOf: date) }
        print(json ? String(decoding: try JSONCoding.encoder.encode(report), as: UTF8.self) : StatusTable.render(report))
    }
}
