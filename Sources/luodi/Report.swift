import ArgumentParser
import Foundation
import LuodiCore
import LuodiWeb
import Vapor

/// `luodi report …`: progress reports and reporting periods.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Progress reports and the reports of a period: set the cycle, file or correct a report, list a period, close it, rank departments.",
        subcommands: [ReportCycle.self, ReportFile.self, ReportList.self, ReportClose.self, ReportRanking.self, ReportBulletin.self, ReportFunnel.self])
}

struct ReportCycle: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cycle", abstract: "Set how often a zone reports.")
    @ArgumentParser.Argument(help: "weekly (periods 2021-W10), halfMonthly (2021-03H1) or monthly (2021-03).") var cycle: String
    @ArgumentParser.Option(help: "Zone name (default: the first zone).") var zone: String?
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        guard let c = ReportingCycle(rawValue: cycle) else { throw ValidationError("cycle: use weekly, halfMonthly or monthly") }
        try await db.withApp { app in try await app.reporting.setCycle(zone: zone, c) }
        print("reporting cycle: \(c.rawValue)")
    }
}

struct ReportFile: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "file", abstract: "File a project's report for a period, or correct it (--version, and --reason once the period is closed); attach photos with --photo.")
    @ArgumentParser.Option(help: "Project key (e.g. JM-01) or exact name.") var project: String
    @ArgumentParser.Option(help: "Period of the zone's cycle, e.g. 2021-W10, 2021-03H1, 2021-03.") var period: String
    @ArgumentParser.Option(help: "Investment completed in the period: 1500 (万元 in a CNY zone), 50万, 1.2亿.") var investment: String?
    @ArgumentParser.Option(help: "What was done (进展情况).") var narrative: String
    @ArgumentParser.Option(help: "Who reports.") var by: String
    @ArgumentParser.Option(help: "Report date, yyyy-MM-dd (default today).") var on: String?
    @ArgumentParser.Option(name: .customLong("started"), help: "A milestone's actual start in the period: NAME=yyyy-MM-dd (repeatable).") var started: [String] = []
    @ArgumentParser.Option(name: .customLong("finished"), help: "A milestone's actual finish in the period: NAME=yyyy-MM-dd (repeatable).") var finished: [String] = []
    @ArgumentParser.Option(help: "Date the project entered the investment statistics (入库).") var enrolled: String?
    @ArgumentParser.Option(help: "Edit the existing report at this version.") var version: Int?
    @ArgumentParser.Option(help: "Why the report changes (required once the period is closed).") var reason: String?
    @ArgumentParser.Option(name: .customLong("changed-by"), help: "Who makes the change (default: --by).") var changedBy: String?
    @ArgumentParser.Option(help: "A site photo to attach (JPEG, PNG or WebP; repeatable).") var photo: [String] = []
    @ArgumentParser.Option(help: "Zone name (default: the first zone).") var zone: String?
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        var actuals: [String: MilestoneActual] = [:], order: [String] = []
        for (texts, isStart) in [(started, true), (finished, false)] {
            for text in texts {
                let option = isStart ? "--started" : "--finished"
                guard let eq = text.lastIndex(of: "="), eq != text.startIndex else { throw ValidationError("\(option) \(text): use NAME=yyyy-MM-dd") }
                let name = String(text[..<eq]), day = try DatabaseOptions.date(String(text[text.index(after: eq)...]), option: option)
                if actuals[name] == nil { actuals[name] = MilestoneActual(milestone: name); order.append(name) }
                if isStart { actuals[name]!.actualStart = day } else { actuals[name]!.actualFinish = day }
            }
        }
        let day = try DatabaseOptions.date(on, option: "--on"), enrolledOn = try DatabaseOptions.date(enrolled, option: "--enrolled")
        let photos = try photo.map { path in
            guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("--photo: cannot read \(path)") }
            return (name: (path as NSString).lastPathComponent, data: data)
        }
        for p in photos {
            do { _ = try ReportPhotos.check(p.data, fileName: p.name) } catch let e as any AbortError { throw ValidationError("--photo: \(e.reason)") }
        }
        let saved = try await db.withApp { app in
            let saved = try await app.reporting.file(zone: zone, project: project, period: period, investment: investment,
                                                     milestoneActuals: order.map { actuals[$0]! }, enrollment: enrolledOn, narrative: narrative,
                                                     by: by, on: day, version: version, reason: reason, changedBy: changedBy, photos: photos.count)
            for p in photos { _ = try await app.photos.add(p.data, fileName: p.name, to: saved.id, by: changedBy ?? by) }
            return (saved, photos.isEmpty ? 0 : try await app.reportRepository.attachments(reportID: saved.id).count)
        }
        print("report \(saved.0.id.uuidString) version \(saved.0.version)\(photos.isEmpty ? "" : ", \(photos.count) photo(s) added, \(saved.1) in all")")
    }
}

struct ReportList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "One period: every project, reported or not (the rows of /reports).")
    @ArgumentParser.Option(help: "Period (default: the current one).") var period: String?
    @ArgumentParser.Option(help: "table (tab-separated) or json.") var format: TableOrJSON = .table
    @OptionGroup var lang: LanguageOption
    @ArgumentParser.Option(help: "Zone name (default: the first zone).") var zone: String?
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let language = try lang.language()
        let text = try await db.withApp { app in
            format == .json ? try await app.reporting.boardJSON(zone: zone, period: period)
                : try await app.reporting.boardText(zone: zone, period: period, lang: language)
        }
        print(text, terminator: "")
    }
}

struct ReportClose: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close", abstract: "Close a period: its reports become read-only except by a logged correction; every project's status is kept as a snapshot.")
    @ArgumentParser.Option(help: "Period to close, e.g. 2021-W10.") var period: String
    @ArgumentParser.Option(help: "Who closes it.") var by: String
    @ArgumentParser.Option(help: "Zone name (default: the first zone).") var zone: String?
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        try await db.withApp { app in try await app.reporting.close(zone: zone, period: period, by: by) }
        print("closed \(period)")
    }
}

struct ReportRanking: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ranking", abstract: "The department ranking with its formula and every contribution (the figures of /api/v1/ranking).")
    @ArgumentParser.Option(help: "Rank at this period's last day, e.g. 2021-W26.") var period: String?
    @ArgumentParser.Option(name: .customLong("as-of"), help: "Rank at this date instead (default today).") var asOf: String?
    @ArgumentParser.Option(help: "table (tab-separated) or json.") var format: TableOrJSON = .table
    @OptionGroup var lang: LanguageOption
    @ArgumentParser.Option(help: "Zone name (default: the first zone).") var zone: String?
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        guard period == nil || asOf == nil else { throw ValidationError("give --period or --as-of, not both") }
        let date = try DatabaseOptions.date(asOf)
        let language = try lang.language()
        let text = try await db.withApp { app in
            format == .json ? try await app.reporting.rankingJSON(zone: zone, asOf: date, period: period)
                : try await app.reporting.rankingText(zone: zone, asOf: date, period: period, lang: language)
        }
        print(text, terminator: "")
    }
}

struct ReportBulletin: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bulletin", abstract: "The dispatch bulletin of a period: a print-ready HTML page (A4), Markdown, CSV, JSON or .xlsx (one sheet per section).")
    @ArgumentParser.Option(help: "Period, e.g. 2021-W10, 2021-06H1, 2021-06.") var period: String
    @ArgumentParser.Option(help: "html, markdown, csv, json or xlsx (needs --output).") var format: BulletinFormat = .html
    @ArgumentParser.Option(help: "Write to this file instead of standard output.") var output: String?
    @OptionGroup var lang: LanguageOption
    @ArgumentParser.Option(help: "Zone name (default: the first zone).") var zone: String?
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let language = try lang.language()
        if format == .xlsx && output == nil { throw ValidationError("--format xlsx: give --output FILE.xlsx") }
        let data = try await db.withApp { app in
            try await app.reporting.bulletin(zone: zone, period: period, format: format.rawValue, lang: language)
        }
        if let output {
            do { try data.write(to: URL(fileURLWithPath: output)) } catch { throw ValidationError("--output: cannot write \(output): \(error.localizedDescription)") }
            print("wrote \(output) (\(data.count) bytes)")
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}

enum BulletinFormat: String, ExpressibleByArgument, CaseIterable {
    case html, markdown, csv, json, xlsx
}

struct ReportFunnel: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "funnel", abstract: "The attraction funnel of a period (the figures of /api/v1/funnel and /leads/funnel).")
    @ArgumentParser.Option(help: "First day (default 1 January of --to's year).") var from: String?
    @ArgumentParser.Option(help: "Last day (default today).") var to: String?
    @ArgumentParser.Option(name: .customLong("stall-days"), help: "A lead with no move or note for more days is stalled (default 30).") var stallDays: Int?
    @ArgumentParser.Option(help: "table (tab-separated) or json.") var format: TableOrJSON = .table
    @OptionGroup var lang: LanguageOption
    @ArgumentParser.Option(help: "Zone name (default: the first zone).") var zone: String?
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let (start, end) = (try DatabaseOptions.date(from, option: "--from"), try DatabaseOptions.date(to, option: "--to"))
        let language = try lang.language()
        let text = try await db.withApp { app in
            format == .json ? try await app.reporting.funnelJSON(zone: zone, from: start, to: end, stallDays: stallDays)
                : try await app.reporting.funnelText(zone: zone, from: start, to: end, stallDays: stallDays, lang: language)
        }
        print(text, terminator: "")
    }
}
