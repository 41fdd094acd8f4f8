import Foundation
import LuodiCore
import SQLKit

/// Reads a zone's projects and milestones with plain SQL rows: the list and dashboard read
/// every project of a zone on each request, and hydrating Fluent models for the 2,031 projects
/// and 8,124 milestones of the NYC sample took 0.70 s in a debug build against 0.27 s for
/// decoding the columns directly (see BENCHMARKS.md).
enum PortfolioRows {
    /// The zone's projects with their milestones, or only the project `id` when given; deleted
    /// projects only with `includingDeleted`.
    /// - Throws: `StoreError.corrupt` naming the project and column of a value that cannot be read.
    static func projects(_ sql: any SQLDatabase, zoneID: UUID, currency: CurrencyCode, id: UUID? = nil, includingDeleted: Bool = false) async throws -> [StoredProject] {
        let column = id == nil ? "zone_id" : "id"
        let value = id ?? zoneID
        var query = sql.select().column(SQLLiteral.all).from(ProjectRecord.schema).where(SQLIdentifier(column), .equal, SQLBind(value))
        if !includingDeleted { query = query.where(SQLIdentifier("deleted_at"), .is, SQLLiteral.null) }
        let projectRows = try await query.all()
        let milestoneRows = try await sql.select().column(SQLColumn(SQLLiteral.all, table: SQLIdentifier(MilestoneRecord.schema)))
            .from(MilestoneRecord.schema)
            .join(ProjectRecord.schema, on: SQLColumn("project_id", table: MilestoneRecord.schema), .equal, SQLColumn("id", table: ProjectRecord.schema))
            .where(SQLColumn(column, table: ProjectRecord.schema), .equal, SQLBind(value))
            .all()
        let linkRows = try await sql.select().column(SQLColumn(SQLLiteral.all, table: SQLIdentifier(MilestoneLinkRecord.schema)))
            .from(MilestoneLinkRecord.schema)
            .join(ProjectRecord.schema, on: SQLColumn("project_id", table: MilestoneLinkRecord.schema), .equal, SQLColumn("id", table: ProjectRecord.schema))
            .where(SQLColumn(column, table: ProjectRecord.schema), .equal, SQLBind(value))
            .all()
        var links: [UUID: [MilestoneLink]] = [:]
        for row in linkRows {
            let raw = try row.decode(column: "type", as: String.self)
            guard let type = RelationshipType(rawValue: raw) else { throw StoreError.corrupt("milestone link: type '\(raw)'") }
            links[try row.decode(column: "project_id", as: UUID.self), default: []].append(MilestoneLink(
                predecessor: try row.decode(column: "predecessor", as: String.self), successor: try row.decode(column: "successor", as: String.self),
                type: type, lagDays: try row.decode(column: "lag_days", as: Int.self)))
        }
        var milestones: [UUID: [(Int, Milestone)]] = [:]
        for row in milestoneRows {
            let projectID = try row.decode(column: "project_id", as: UUID.self)
            milestones[projectID, default: []].append((try row.decode(column: "position", as: Int.self), try milestone(row, currency)))
        }
        return try projectRows.map { row in
            let id = try row.decode(column: "id", as: UUID.self)
            let ms = (milestones[id] ?? []).sorted { $0.0 < $1.0 }.map(\.1)
            return StoredProject(id: id, version: try row.decode(column: "version", as: Int.self),
                                 plan: ProjectPlan(project: try project(row, currency), milestones: ms, links: links[id] ?? []))
        }
    }

    private static func project(_ row: any SQLRow, _ currency: CurrencyCode) throws -> Project {
        let key = try row.decode(column: "key", as: String.self)
        func text(_ c: String) throws -> String? { try row.decode(column: c, as: String?.self) }
        func money(_ c: String) throws -> Money? { try row.decode(column: c, as: Int64?.self).map { Money(minorUnits: $0, currency: currency) } }
        func date(_ c: String) throws -> CalendarDate? {
            do { return try text(c).map(CalendarDate.init(iso:)) } catch { throw StoreError.corrupt("project \(key): \(c): \(error)") }
        }
        func code<T: RawRepresentable>(_ c: String, _ t: T.Type) throws -> T? where T.RawValue == String {
            do { return try text(c).map { try ProjectRecord.code($0, t) } } catch { throw StoreError.corrupt("project \(key): \(c): \(error)") }
        }
        var p = Project(key: key, name: try row.decode(column: "name", as: String.self))
        do { p.projectCode = try text("project_code").map(ProjectCode.init) } catch { throw StoreError.corrupt("project \(key): project_code: \(error)") }
        p.category = try code("category", ProjectCategory.self)
        p.projectClass = try code("project_class", ProjectClass.self)
        p.stage = try code("stage", Stage.self)
        p.industryCluster = try text("industry_cluster")
        p.department = try text("department")
        p.responsibleLeader = try text("responsible_leader")
        p.enterprise = try text("enterprise")
        p.location = try text("location")
        p.totalInvestment = try money("total_investment_minor")
        p.annualPlannedInvestment = try money("annual_planned_investment_minor")
        p.completedInvestment = try money("completed_investment_minor")
        p.statisticalEnrollment = try date("statistical_enrollment")
        p.plannedStart = try date("planned_start")
        p.plannedFinish = try date("planned_finish")
        p.actualStart = try date("actual_start")
        p.progressNote = try text("progress_note")
        p.source = try text("source")
        return p
    }

    private static func milestone(_ row: any SQLRow, _ currency: CurrencyCode) throws -> Milestone {
        let name = try row.decode(column: "name", as: String.self)
        do {
            func text(_ c: String) throws -> String? { try row.decode(column: c, as: String?.self) }
            func money(_ c: String) throws -> Money? { try row.decode(column: c, as: Int64?.self).map { Money(minorUnits: $0, currency: currency) } }
            var m = Milestone(name: name, kind: try ProjectRecord.code(try row.decode(column: "kind", as: String.self), MilestoneKind.self))
            m.plannedStart = try text("planned_start").map(CalendarDate.init(iso:))
            m.plannedFinish = try text("planned_finish").map(CalendarDate.init(iso:))
            m.actualStart = try text("actual_start").map(CalendarDate.init(iso:))
            m.actualFinish = try text("actual_finish").map(CalendarDate.init(iso:))
            m.sourceStatus = try text("source_status")
            m.budget = try money("budget_minor")
            m.spent = try money("spent_minor")
            return m
        } catch let e as StoreError {
            throw e
        } catch {
            throw StoreError.corrupt("milestone \(name): \(error)")
        }
    }
}
