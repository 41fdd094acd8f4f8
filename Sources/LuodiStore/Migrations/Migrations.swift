import Fluent

/// Every schema change, in order. Each runs once per database; each has a `revert`.
public enum LuodiMigrations {
    public static let all: [any Migration] = [
        M001_CreateZones(),
        M002_CreateProjects(),
        M003_CreateMilestones(),
        M004_CreateImports(),
        M005_CreateMilestoneLinks(),
        M006_AddZoneCalendarExceptions(),
        M007_CreateProblems(),
        M008_CreateReports(),
        M009_CreateTargets(),
        M010_CreateMeetings(),
        M011_CreateReportAttachments(),
        M012_CreateAuditLog(),
        M013_CreateAccounts(),
        M014_AddProjectDeletion(),
        M015_CreateLeads(),
        M016_AddUploadSheet(),
    ]
}
