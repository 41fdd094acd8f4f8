import Fluent
import Foundation
import LuodiCore

/// A closed reporting period of a zone; periods without a row are open.
public final class ReportingPeriodRecord: Model, @unchecked Sendable {
    public static let schema = "reporting_periods"

    @ID(key: .id) public var id: UUID?
    @Field(key: "zone_id") public var zoneID: UUID
    @Field(key: "name") public var name: String
    @Field(key: "closed_on") public var closedOn: String
    @Field(key: "closed_by") public var closedBy: String

    public init() {}
}

/// A project's report for one period, with a version for concurrent edits.
public final class ProgressReportRecord: Model, @unchecked Sendable {
    public static let schema = "progress_reports"

    @ID(key: .id) public var id: UUID?
    @Field(key: "zone_id") public var zoneID: UUID
    @Field(key: "project_id") public var projectID: UUID
    @Field(key: "period") public var period: String
    /// The period's first day (ISO), so reports sort and filter by date in SQL.
    @Field(key: "period_start") public var periodStart: String
    @OptionalField(key: "investment_minor") public var investmentMinor: Int64?
    @OptionalField(key: "statistical_enrollment") public var statisticalEnrollment: String?
    /// `[MilestoneActual]` as JSON.
    @Field(key: "milestone_actuals") public var milestoneActuals: String
    @Field(key: "narrative") public var narrative: String
    @Field(key: "reported_by") public var reportedBy: String
    @Field(key: "reported_on") public var reportedOn: String
    @Field(key: "version") public var version: Int

    public init() {}

    func assign(_ r: ProgressReport, period p: ReportingPeriod) throws {
        period = p.name
        periodStart = p.start.iso
        investmentMinor = r.investmentInPeriod?.minorUnits
        statisticalEnrollment = r.statisticalEnrollment?.iso
        milestoneActuals = try StoreJSON.encode(r.milestoneActuals)
        narrative = r.narrative
        reportedBy = r.reportedBy
        reportedOn = r.reportedOn.iso
    }

    func domain(currency: CurrencyCode) throws -> ProgressReport {
        do {
            return ProgressReport(
                period: period, investmentInPeriod: investmentMinor.map { Money(minorUnits: $0, currency: currency) },
                milestoneActuals: try JSONDecoder().decode([MilestoneActual].self, from: Data(milestoneActuals.utf8)),
                statisticalEnrollment: try statisticalEnrollment.map { try CalendarDate(iso: $0) },
                narrative: narrative, reportedBy: reportedBy, reportedOn: try CalendarDate(iso: reportedOn))
        } catch {
            throw StoreError.corrupt("progress report \(period): \(error)")
        }
    }
}

/// The content a report had before an edit, who changed it and why (corrections of closed periods need a reason).
public final class ReportRevisionRecord: Model, @unchecked Sendable {
    public static let schema = "report_revisions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "report_id") public var reportID: UUID
    @Field(key: "sequence") public var sequence: Int
    @Field(key: "on") public var on: String
    @Field(key: "by") public var by: String
    @OptionalField(key: "reason") public var reason: String?
    /// True when the period was closed: a logged correction (更正).
    @Field(key: "correction") public var correction: Bool
    /// The replaced `ProgressReport` as JSON.
    @Field(key: "previous") public var previous: String

    public init() {}
}

/// A project's status as it stood when its zone closed a period (never changed afterwards).
/// `project_id` has no foreign key, so a snapshot outlives its project.
public final class PeriodSnapshotRecord: Model, @unchecked Sendable {
    public static let schema = "period_snapshots"

    @ID(key: .id) public var id: UUID?
    @Field(key: "zone_id") public var zoneID: UUID
    @Field(key: "period") public var period: String
    @Field(key: "project_id") public var projectID: UUID
    @Field(key: "project_name") public var projectName: String
    /// `RAGAssessment` as JSON.
    @Field(key: "assessment") public var assessment: String
    @OptionalField(key: "completed_investment_minor") public var completedInvestmentMinor: Int64?
    @Field(key: "milestones_finished") public var milestonesFinished: Int

    public init() {}
}

/// A photo attached to a progress report; the bytes are a file named by the record's id in the
/// data directory (`attachments/<report id>/<id>.<extension>`).
public final class ReportAttachmentRecord: Model, @unchecked Sendable {
    public static let schema = "report_attachments"

    @ID(key: .id) public var id: UUID?
    @Field(key: "report_id") public var reportID: UUID
    /// 1 for the report's first photo, then in the order they were added.
    @Field(key: "sequence") public var sequence: Int
    /// The name the file had when uploaded, for display only.
    @Field(key: "file_name") public var fileName: String
    @Field(key: "content_type") public var contentType: String
    @Field(key: "size") public var size: Int64
    /// Hex SHA-256 of the bytes, to notice a file changed or lost on disk.
    @Field(key: "sha256") public var sha256: String
    @Field(key: "added_on") public var addedOn: String
    @Field(key: "added_by") public var addedBy: String

    public init() {}
}
