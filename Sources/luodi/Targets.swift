import ArgumentParser
import Foundation
import LuodiCore
import LuodiWeb
import Vapor

/// `luodi targets …`: departments' annual targets, their reported figures, the ranking formula.
struct TargetsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "targets", abstract: "Department targets: set a target, report a figure, show or set the ranking formula.",
        subcommands: [TargetsSet.self, TargetsRecord.self, TargetsFormula.self])
}

struct TargetsSet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set", abstract: "Set (or remove) a department's annual target on a metric.")
    @ArgumentParser.Option(help: "Year of the target.") var year: Int
    @ArgumentParser.Option(help: "Department (责任单位).") var department: String
    @ArgumentParser.Option(help: "Metric key of the formula, e.g. newSignedProjects.") var metric: String
    @ArgumentParser.Option(help: "Annual target in the metric's unit.") var target: Double?
    @ArgumentParser.Flag(help: "Remove the target instead.") var remove = false
    @ArgumentParser.Option(help: "Zone name (default: the first zone).") var zone: String?
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        guard remove != (target != nil) else { throw ValidationError("give --target N, or --remove") }
        try await db.withApp { app in
            try await app.reporting.setTarget(zone: zone, year: year, department: department, metricKey: metric, annualTarget: target)
        }
        print(remove ? "removed" : "target set")
    }
}

struct TargetsRecord: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "record", abstract: "Report a department's figure on a reported metric for one period.")
    @ArgumentParser.Option(help: "Department (责任单位).") var department: String
    @ArgumentParser.Option(help: "Metric key, e.g. talentsIntroduced.") var metric: String
    @ArgumentParser.Option(help: "Period of the zone's cycle, e.g. 2021-03.") var period: String
    @ArgumentParser.Option(help: "The period's figure in the metric's unit.") var value: Double
    @ArgumentParser.Option(help: "Who reports.") var by: String
    @ArgumentParser.Option(help: "Zone name (default: the first zone).") var zone: String?
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        try await db.withApp { app in
            try await app.reporting.recordActual(zone: zone, department: department, metricKey: metric, period: period, value: value, by: by)
        }
        print("recorded")
    }
}

struct TargetsFormula: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "formula", abstract: "Print the zone's ranking formula as JSON, or replace it with --file.")
    @ArgumentParser.Option(help: "A JSON file in the shape this command prints.") var file: String?
    @ArgumentParser.Option(help: "Zone name (default: the first zone).") var zone: String?
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let data = try file.map { path in
            guard let d = FileManager.default.contents(atPath: path) else { throw ValidationError("--file: cannot read \(path)") }
            return d
        }
        let text = try await db.withApp { app in
            if let data { try await app.reporting.setFormula(zone: zone, json: data) }
            return try await app.reporting.formulaJSON(zone: zone)
        }
        print(text, terminator: "")
    }
}
