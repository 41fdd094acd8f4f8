import LuodiCore
import LuodiStore
import Vapor

extension Request {
    /// `zone` query parameter, if given.
    var zoneParameter: String? { query[String.self, at: "zone"].flatMap { $0.isEmpty ? nil : $0 } }

    /// `asOf` query parameter as a calendar date.
    /// - Throws: 400 naming `asOf` and why the text is not a date.
    func asOfParameter() throws -> CalendarDate? {
        guard let text = query[String.self, at: "asOf"], !text.isEmpty else { return nil }
        do { return try CalendarDate(iso: text) } catch {
            throw Abort(.badRequest, reason: "asOf: \(error)")
        }
    }

    /// The list filters from the query string.
    /// - Throws: 400 naming the parameter with an unknown value.
    func projectFilter() throws -> ProjectFilter {
        var f = ProjectFilter()
        func coded<T: RawRepresentable & CaseIterable>(_ name: String, _: T.Type) throws -> T? where T.RawValue == String {
            guard let raw = query[String.self, at: name], !raw.isEmpty else { return nil }
            guard let v = T(rawValue: raw) else {
                throw Abort(.badRequest, reason: "\(name): unknown value '\(raw)'; use one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return v
        }
        f.department = query[String.self, at: "department"].flatMap { $0.isEmpty ? nil : $0 }
        f.category = try coded("category", ProjectCategory.self)
        f.stage = try coded("stage", Stage.self)
        f.rag = try coded("rag", RAGStatus.self)
        f.search = query[String.self, at: "q"]
        if let sort = try coded("sort", ProjectFilter.SortKey.self) { f.sort = sort }
        if let order = query[String.self, at: "order"] {
            guard ["asc", "desc"].contains(order) else { throw Abort(.badRequest, reason: "order: use asc or desc") }
            f.descending = order == "desc"
        }
        if let page = query[String.self, at: "page"] {
            guard let n = Int(page), n >= 1 else { throw Abort(.badRequest, reason: "page: '\(page)' is not a page number (1, 2, …)") }
            f.page = n
        }
        if let per = query[String.self, at: "perPage"] {
            guard let n = Int(per), (1...500).contains(n) else { throw Abort(.badRequest, reason: "perPage: use a number from 1 to 500") }
            f.perPage = n
        }
        return f
    }

    /// Every zone and the one the `zone` parameter names (the first created without one); nil
    /// when there is no zone yet.
    /// - Throws: 404 naming the zones when the parameter names none of them.
    func selectedZone() async throws -> (zones: [StoredZone], zone: StoredZone)? {
        let service = portfolio
        let zones = try await service.zones()
        guard !zones.isEmpty else { return nil }
        do { return (zones, try await service.zone(named: zoneParameter)) } catch let e as ServiceError {
            throw Abort(.notFound, reason: e.description)
        }
    }

    /// The current path and query, for "back" links.
    var pathAndQuery: String { url.query.map { "\(url.path)?\($0)" } ?? url.path }
}
