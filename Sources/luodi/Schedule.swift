import ArgumentParser
import Foundation
import LuodiCore
import LuodiInterchange
import LuodiWeb

/// `luodi schedule FILE`: schedule an MS Project XML file with the engine.
struct ScheduleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Schedule an MS Project XML (.xml) or Primavera XER (.xer) file with Luodi's CPM engine.")

    enum Format: String, ExpressibleByArgument { case json, table }

    @ArgumentParser.Argument(help: "The schedule file: MSPDI (.xml) or XER (.xer).") var file: String
    @ArgumentParser.Option(help: "json or table.") var format: Format = .table
    @ArgumentParser.Flag(help: "Compare the engine's dates with those stored in the file.") var compare = false
    @ArgumentParser.Option(help: "Schedule N times and print the median milliseconds of the scheduling alone on stderr.") var timing: Int?
    @ArgumentParser.Option(name: .customLong("write-mspdi"), help: "Also write the scheduled network as MS Project XML to this file.") var writeMSPDI: String?

    func run() async throws {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
            printError("\(file): cannot read the file (\(error.localizedDescription))")
            throw ExitCode(2)
        }
        let lower = file.lowercased()
        guard lower.hasSuffix(".xml") || lower.hasSuffix(".xer") else {
            printError("\(file): give an MS Project XML (.xml) or Primavera XER (.xer) file")
            throw ExitCode(2)
        }
        let parsed: ScheduleFile
        let schedule: Schedule
        do {
            parsed = lower.hasSuffix(".xer") ? try XERReader.read(data, file: file) : try MSPDIReader.read(data, file: file)
            schedule = try CPMScheduler.schedule(parsed.network)
        } catch {
            printError("\(error)")
            throw ExitCode(1)
        }
        for note in parsed.notes { printError("note: \(note)") }
        if let n = timing, n > 0 {
            var samples: [Double] = []
            for _ in 0..<n {
                let t0 = DispatchTime.now().uptimeNanoseconds
                _ = try CPMScheduler.schedule(parsed.network)
                samples.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
            }
            samples.sort()
            printError(String(format: "median %.3f ms over %d runs", samples[samples.count / 2], n))
        }
        if let out = writeMSPDI {
            let xml = MSPDIWriter.write(parsed.network, schedule: schedule, title: (file as NSString).lastPathComponent)
            do { try Data(xml.utf8).write(to: URL(fileURLWithPath: out)) } catch {
                printError("\(out): cannot write (\(error.localizedDescription))")
                throw ExitCode(1)
            }
        }
        if compare {
            print(ScheduleComparison(file: parsed, schedule: schedule).text)
            return
        }
        let report = ScheduleReport(schedule, network: parsed.network)
        switch format {
        case .json:
            print(String(decoding: try JSONCoding.encoder.encode(report), as: UTF8.self))
        case .table:
            let rows = report.activities.map { [$0.id, $0.name, $0.earlyStart, $0.earlyFinish, $0.lateStart, $0.lateFinish,
                                                "\($0.totalFloatMinutes)", "\($0.freeFloatMinutes)", $0.critical ? "yes" : ""] }
            print(StatusTable.table(["id", "name", "early start", "early finish", "late start", "late finish", "TF min", "FF min", "critical"], rows))
            print("critical path: \(report.criticalPath.joined(separator: " → "))")
            if !report.summaries.isEmpty {
                print("")
                print(StatusTable.table(["WBS", "name", "early start", "early finish", "late start", "late finish", "TF min", "activities"],
                                        report.summaries.map { [$0.wbs, $0.name, $0.earlyStart, $0.earlyFinish, $0.lateStart, $0.lateFinish,
                                                                "\($0.totalFloatMinutes)", "\($0.activities)"] }))
            }
        }
    }
}
