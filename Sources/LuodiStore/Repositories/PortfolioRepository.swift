import Foundation
import LuodiCore

/// A zone with its database id.
public struct StoredZone: Sendable, Hashable {
    public let id: UUID
    public let zone: Zone
}

/// A project with its database id and version.
public struct StoredProject: Sendable, Hashable {
    public let id: UUID
    public let version: Int
    public let plan: ProjectPlan
}

/// What applying (or previewing) an import changes.
public struct ImportOutcome: Sendable, Codable, Hashable {
    public var zone: String
    /// True when the zone did not exist before.
    public var zoneCreated: Bool
    public var projectsCreated = 0
    public var projectsUpdated = 0
    public var projectsUnchanged = 0
    public var milestones = 0
}

/// The projects to write for one import, already parsed and checked.
public struct PortfolioBatch: Sendable {
    public var file: String
    public var profile: String
    public var rows: Int
    public var zone: Zone
    public var projects: [ProjectPlan]
    /// Project fields the file gives; nil: all of them. Others keep their stored values.
    public var fields: Set<String>?
    /// Whether the batch's milestones and links replace the stored ones.
    public var replacesMilestones: Bool
    public init(file: String, profile: String, rows: Int, zone: Zone, projects: [ProjectPlan],
                fields: Set<String>? = nil, replacesMilestones: Bool = true) {
        self.file = file
        self.profile = profile
        self.rows = rows
        self.zone = zone
        self.projects = projects
        self.fields = fields
        self.replacesMilestones = replacesMilestones
    }
}

/// Reads and writes the portfolio. The engine and the web layer see only this protocol.
public protocol PortfolioRepository: Sendable {
    /// Every zone, in the order they were created.
    func zones() async throws -> [StoredZone]
    func zone(named name: String) async throws -> StoredZone?
    func zone(id: UUID) async throws -> StoredZone?
    /// Every project of a zone with its milestones, ordered by name.
    func projects(zoneID: UUID) async throws -> [StoredProject]
    /// One project with its zone.
    func project(id: UUID) async throws -> (zone: StoredZone, project: StoredProject)?
    /// What `apply` would do, without writing.
    /// - Throws: `StoreError.configuration` when the zone exists with another currency.
    func preview(_ batch: PortfolioBatch) async throws -> ImportOutcome
    /// Writes the batch in one transaction: projects are matched by (zone, key); a matched
    /// project takes the fields the batch gives and keeps the others, and is written only when
    /// something differs; its milestones and links are replaced when the batch gives milestones.
    /// Projects absent from the batch are left alone.
    /// - Throws: `StoreError.configuration` when the zone exists with another currency; any
    ///   database error rolls the whole batch back.
    func apply(_ batch: PortfolioBatch) async throws -> ImportOutcome
    /// Replaces a project's milestone dependencies, if the project is still at `expectedVersion`;
    /// its version goes up by one.
    /// - Returns: the new version.
    /// - Throws: `StoreError.notFound`, or `StoreError.conflict` when someone changed the project since.
    func replaceLinks(projectID: UUID, expectedVersion: Int, links: [MilestoneLink]) async throws -> Int
    /// Sets (true: working, false: closed) or, with nil, removes a zone's own calendar exceptions.
    /// - Returns: the zone as stored afterwards.
    func updateCalendarExceptions(zoneID: UUID, changes: [CalendarDate: Bool?]) async throws -> StoredZone
    /// Replaces the zone's rule set (audited).
    /// - Returns: the zone as stored afterwards.
    func updateRuleSet(zoneID: UUID, _ rules: RAGRuleSet) async throws -> StoredZone
    /// Whether no project exists in any zone.
    func isEmpty() async throws -> Bool
}
