import Foundation
import LuodiCore
import LuodiStore
import Vapor

/// `/bulletin?period=…`: the print-ready bulletin; `/bulletin.md` and `/bulletin.csv` download it.
enum BulletinPage {
    static func handle(_ req: Request) async throws -> Response {
        guard let (zones, zone) = try await req.selectedZone() else {
            return EmptyState.view(lang: req.language, path: req.pathAndQuery).response()
        }
        let b = try await load(req, zone)
        return BulletinView.page(b, lang: req.language, path: req.pathAndQuery, zones: zones.map(\.zone.name)).response()
    }

    static func markdown(_ req: Request) async throws -> Response {
        guard let (_, zone) = try await req.selectedZone() else { throw Abort(.notFound, reason: ServiceError.noZones.description) }
        let b = try await load(req, zone)
        return Response.download(Data(BulletinText.markdown(b, lang: req.language).utf8), type: HTTPMediaType(type: "text", subType: "markdown", parameters: ["charset": "utf-8"]),
                        name: "bulletin-\(b.period).md")
    }

    static func csv(_ req: Request) async throws -> Response {
        guard let (_, zone) = try await req.selectedZone() else { throw Abort(.notFound, reason: ServiceError.noZones.description) }
        let b = try await load(req, zone)
        return Response.download(try BulletinText.csv(b, lang: req.language), type: HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"]),
                        name: "bulletin-\(b.period).csv")
    }

    static func xlsx(_ req: Request) async throws -> Response {
        guard let (_, zone) = try await req.selectedZone() else { throw Abort(.notFound, reason: ServiceError.noZones.description) }
        let b = try await load(req, zone)
        return Response.download(try BulletinText.workbook(b, lang: req.language), name: "bulletin-\(b.period).xlsx")
    }

    /// The period asked for, or by default the last period that has ended (the zone's cycle, else months).
    static func load(_ req: Request, _ zone: StoredZone) async throws -> Bulletin {
        let today = CalendarDate.today(timeZoneIdentifier: zone.zone.timeZone)
        let name = req.query[String.self, at: "period"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ReportingPeriod(containing: today, cycle: zone.zone.reportingCycle ?? .monthly).previous.name
        return try await Bulletin.load(req.db, zone: zone, period: name)
    }
}
