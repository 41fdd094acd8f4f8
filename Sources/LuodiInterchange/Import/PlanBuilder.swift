import LuodiCore

/// Groups a table's rows into projects and milestones and parses every cell, collecting every
/// problem instead of stopping at the first.
struct PlanBuilder {
    let table: CSVTable
    let mapping: Mapping
    let zone: Zone
    private(set) var issues: [ImportIssue] = []
    private let headers: HeaderIndex
    private let blankTokens: Set<String>

    init(table: CSVTable, mapping: Mapping, zone: Zone) {
        self.table = table
        self.mapping = mapping
        self.zone = zone
        headers = HeaderIndex(header: table.header)
        blankTokens = Set(mapping.blankValues ?? [])
    }

    /// A non-blank cell value with where it came from.
    struct Cell {
        let row: Int
        let column: String
        let text: String
    }

    /// A field source resolved against the header.
    struct Accessor {
        enum Part { case literal(String), column(Int) }
        let label: String
        let parts: [Part]
        let source: Mapping.FieldSource
        /// Header unit of a single-column source (e.g. 万元 from `总投资（万元）`).
        let headerUnit: MoneyUnit?

        var columns: [Int] {
            parts.compactMap { if case let .column(i) = $0 { return i } else { return nil } }
        }
    }

    private struct Group {
        let key: String
        var rows: [Int] = []
        var projectCells: [ProjectField: [Cell]] = [:]
        var milestones: [(row: Int, name: String, cells: [MilestoneField: Cell])] = []
        var milestoneRows: [String: Int] = [:]
        var projectRow: Int?
    }

    mutating func build() -> ImportPlan {
        var plan = ImportPlan(file: table.file, profile: mapping.name, zone: zone, projects: [], notes: [],
                              rowsRead: table.rows.count, encoding: table.encoding)
        let projectAccessors = resolve(mapping.project, section: "project", fields: ProjectField.self)
        let milestoneAccessors = mapping.milestone.map { resolve($0, section: "milestone", fields: MilestoneField.self) }
        let identity: [(Mapping.ColumnName, Int?)] = mapping.identity.columns.map { ($0, headers.index(of: $0)) }
        for (name, index) in identity where index == nil && issues.isEmpty {
            issue(row: 1, column: name.alternatives[0], "identity column \(name) is not in the header; columns are: \(table.header.joined(separator: ", "))")
        }
        guard issues.isEmpty else { return plan }

        let identityColumns = mapping.identity.columns.map { $0.alternatives.compactMap { headers.index(ofName: $0) } }
        var used = Set(identity.compactMap(\.1))
        for accessor in projectAccessors.values { used.formUnion(accessor.columns) }
        for accessor in (milestoneAccessors ?? [:]).values { used.formUnion(accessor.columns) }
        let unused = table.header.indices.filter { !used.contains($0) && !table.header[$0].isEmpty }
        if !unused.isEmpty {
            note(row: 1, column: nil, "columns not imported (the mapping gives them no field): \(unused.map { table.header[$0] }.joined(separator: ", "))")
        }

        plan.providesMilestones = milestoneAccessors?[.name] != nil
        plan.providedFields = Set(projectAccessors.compactMap { field, accessor -> String? in
            // A field only inferred from milestones changes only when the milestones do.
            if accessor.parts.isEmpty && accessor.source.value == nil { return plan.providesMilestones ? field.rawValue : nil }
            return field.rawValue
        })

        var groups: [Group] = []
        var current: [String: Int] = [:]
        var occurrences: [String: Int] = [:]
        var blankRows = 0

        for (offset, row) in table.rows.enumerated() {
            let rowNo = offset + 2
            if row.isEmpty { blankRows += 1; continue }
            if row.count > table.header.count, row[table.header.count...].contains(where: { !$0.trimmingWhitespace().isEmpty }) {
                issue(row: rowNo, column: nil, "the row has \(row.count) fields but the header has \(table.header.count); quote cells that contain commas")
                continue
            }
            // Per row, an identity's first filled alternative: 编号, else 项目名称 where 编号 is blank.
            let ids = identityColumns.map { columns in columns.compactMap { cell(row, $0) }.first ?? "" }
            // A total row (合计, 小计, Total…, in the name column or the 序号 column) sums the
            // projects above it; it is not a project.
            func isTotal(_ text: String) -> Bool {
                Self.totalLabels.contains(text.filter { !$0.isWhitespace && !":：".contains($0) }.lowercased())
            }
            if ids.allSatisfy({ $0.isEmpty || isTotal($0) }), let label = row.first(where: isTotal) {
                note(row: rowNo, column: nil, "'\(label.trimmingWhitespace())' is a total row: skipped (it is not a project; totals are computed from the projects)")
                continue
            }
            guard ids.contains(where: { !$0.isEmpty }) else {
                issue(row: rowNo, column: table.header[identity[0].1!], "no value in the identity column(s) \(identity.map(\.0.description).joined(separator: ", ")), so the row belongs to no project")
                continue
            }
            let baseKey = (mapping.identity.prefix ?? "") + ids.joined(separator: "|")
            let milestoneName = milestoneAccessors?[.name].flatMap { value($0, row) }

            var groupIndex: Int
            if let existing = current[baseKey] {
                groupIndex = existing
                if let milestoneName, let earlier = groups[existing].milestoneRows[milestoneName] {
                    if mapping.identity.whenMilestoneRepeats == .newProject {
                        let n = (occurrences[baseKey] ?? 1) + 1
                        occurrences[baseKey] = n
                        groups.append(Group(key: "\(baseKey)#\(n)"))
                        groupIndex = groups.count - 1
                        current[baseKey] = groupIndex
                        let first = groups[existing].rows.first ?? earlier
                        note(row: rowNo, column: nil, "'\(milestoneName)' repeats (first at row \(earlier)) with every identifying column equal to the project starting at row \(first); read as a separate project with key '\(baseKey)#\(n)'")
                    } else {
                        issue(row: rowNo, column: milestoneAccessors?[.name]?.label, "milestone '\(milestoneName)' is already listed for this project at row \(earlier)")
                        continue
                    }
                } else if milestoneName == nil, let earlier = groups[existing].projectRow ?? (mapping.milestone == nil ? groups[existing].rows.first : nil) {
                    issue(row: rowNo, column: table.header[identity[0].1!], "duplicate identity: row \(earlier) already has a project with key '\(baseKey)'")
                    continue
                }
            } else {
                groups.append(Group(key: baseKey))
                groupIndex = groups.count - 1
                current[baseKey] = groupIndex
                occurrences[baseKey] = 1
            }

            groups[groupIndex].rows.append(rowNo)
            for (field, accessor) in projectAccessors {
                if let text = value(accessor, row) {
                    groups[groupIndex].projectCells[field, default: []].append(Cell(row: rowNo, column: accessor.label, text: text))
                }
            }
            if let milestoneName, let accessors = milestoneAccessors {
                var cells: [MilestoneField: Cell] = [:]
                for (field, accessor) in accessors {
                    if let text = value(accessor, row) { cells[field] = Cell(row: rowNo, column: accessor.label, text: text) }
                }
                groups[groupIndex].milestones.append((rowNo, milestoneName, cells))
                groups[groupIndex].milestoneRows[milestoneName] = rowNo
            } else {
                groups[groupIndex].projectRow = rowNo
            }
        }

        for group in groups {
            if let project = makeProject(group, projectAccessors, milestoneAccessors ?? [:]) {
                plan.projects.append(project)
            }
        }
        // Blank tokens stand for "no value" only where a date or an amount is expected.
        let typedFields: Set<String> = ["totalInvestment", "annualPlannedInvestment", "completedInvestment", "statisticalEnrollment",
                                        "plannedStart", "plannedFinish", "actualStart", "actualFinish", "budget", "spent"]
        var typedColumns = Set<Int>()
        for (field, accessor) in projectAccessors where typedFields.contains(field.rawValue) { typedColumns.formUnion(accessor.columns) }
        for (field, accessor) in milestoneAccessors ?? [:] where typedFields.contains(field.rawValue) { typedColumns.formUnion(accessor.columns) }
        var blankTokenCounts: [String: Int] = [:]
        for row in table.rows {
            for i in typedColumns where i < row.count && blankTokens.contains(row[i].trimmingWhitespace()) {
                blankTokenCounts[row[i].trimmingWhitespace(), default: 0] += 1
            }
        }
        for (token, count) in blankTokenCounts.sorted(by: { $0.key < $1.key }) {
            note(row: nil, column: nil, "'\(token)' read as a blank value in \(count) cells (the profile lists it under blankValues)")
        }
        if blankRows > 0 { note(row: nil, column: nil, "\(blankRows) blank rows skipped") }
        plan.notes = issues.filter { $0.severity == .note }
        return plan
    }

    // MARK: - Projects

    private mutating func makeProject(
        _ group: Group, _ pa: [ProjectField: Accessor], _ ma: [MilestoneField: Accessor]
    ) -> ProjectPlan? {
        let before = errorCount
        let cells = group.projectCells
        guard let nameCell = single(cells[.name], field: "name") else {
            issue(row: group.rows.first, column: pa[.name]?.label, "the project name is blank")
            return nil
        }
        var p = Project(key: group.key, name: nameCell.text)
        if let c = single(cells[.projectCode], field: "projectCode") {
            do { p.projectCode = try ProjectCode(c.text) } catch { issue(c, "\(error)") }
        }
        p.category = coded(cells[.category], pa[.category], field: "category", words: Vocabulary.category)
        p.projectClass = coded(cells[.projectClass], pa[.projectClass], field: "projectClass", words: Vocabulary.projectClass)
        p.stage = coded(cells[.stage], pa[.stage], field: "stage", words: Vocabulary.stage)
        p.industryCluster = single(cells[.industryCluster], field: "industryCluster")?.text
        p.department = single(cells[.department], field: "department")?.text
        p.responsibleLeader = single(cells[.responsibleLeader], field: "responsibleLeader")?.text
        p.enterprise = single(cells[.enterprise], field: "enterprise")?.text
        p.location = single(cells[.location], field: "location")?.text
        p.progressNote = single(cells[.progressNote], field: "progressNote")?.text
        p.source = single(cells[.source], field: "source")?.text
        p.totalInvestment = money(cells[.totalInvestment], pa[.totalInvestment], field: "totalInvestment")
        p.annualPlannedInvestment = money(cells[.annualPlannedInvestment], pa[.annualPlannedInvestment], field: "annualPlannedInvestment")
        p.completedInvestment = money(cells[.completedInvestment], pa[.completedInvestment], field: "completedInvestment")
        p.statisticalEnrollment = date(cells[.statisticalEnrollment], pa[.statisticalEnrollment], field: "statisticalEnrollment")
        p.plannedStart = date(cells[.plannedStart], pa[.plannedStart], field: "plannedStart")
        p.plannedFinish = date(cells[.plannedFinish], pa[.plannedFinish], field: "plannedFinish")
        p.actualStart = date(cells[.actualStart], pa[.actualStart], field: "actualStart")
        if let s = p.plannedStart, let f = p.plannedFinish, f < s, let c = cells[.plannedFinish]?.last {
            issue(c, "planned finish \(f) is before planned start \(s)")
        }

        var milestones: [Milestone] = []
        for entry in group.milestones {
            var m = Milestone(name: entry.name, kind: .other)
            if let kind = coded(entry.cells[.kind].map { [$0] }, ma[.kind], field: "kind", words: Vocabulary.milestoneKind) {
                m.kind = kind
            } else if let guess = Vocabulary.lookup(entry.name, MilestoneKind.self, words: Vocabulary.milestoneKind) {
                m.kind = guess
            }
            m.plannedStart = date(entry.cells[.plannedStart].map { [$0] }, ma[.plannedStart], field: "plannedStart")
            m.plannedFinish = date(entry.cells[.plannedFinish].map { [$0] }, ma[.plannedFinish], field: "plannedFinish")
            m.actualStart = date(entry.cells[.actualStart].map { [$0] }, ma[.actualStart], field: "actualStart")
            m.actualFinish = date(entry.cells[.actualFinish].map { [$0] }, ma[.actualFinish], field: "actualFinish")
            m.sourceStatus = entry.cells[.status]?.text
            m.budget = money(entry.cells[.budget].map { [$0] }, ma[.budget], field: "budget")
            m.spent = money(entry.cells[.spent].map { [$0] }, ma[.spent], field: "spent")
            if let s = m.plannedStart, let f = m.plannedFinish, f < s, let c = entry.cells[.plannedFinish] {
                issue(c, "planned finish \(f) is before planned start \(s)")
            }
            milestones.append(m)
        }
        var links: [MilestoneLink] = []
        let names = Set(milestones.map(\.name))
        for entry in group.milestones {
            guard let cell = entry.cells[.predecessors] else { continue }
            do {
                for (pred, type, lag) in try PredecessorSyntax.parse(cell.text) {
                    guard names.contains(pred) else {
                        issue(cell, "predecessor '\(pred)' is not a milestone of this project (milestones: \(milestones.map(\.name).joined(separator: ", ")))")
                        continue
                    }
                    links.append(MilestoneLink(predecessor: pred, successor: entry.name, type: type, lagDays: lag))
                }
            } catch let e as ImportIssue {
                issue(cell, e.message)
            } catch {
                issue(cell, "\(error)")
            }
        }
        if p.stage == nil, pa[.stage]?.source.fromMilestones == true { p.stage = Stage.evidenced(by: milestones) }
        if p.actualStart == nil, pa[.actualStart]?.source.fromMilestones == true {
            // A start milestone is a point event: its date may be given as the actual finish.
            p.actualStart = milestones.compactMap { m -> CalendarDate? in
                switch m.kind {
                case .start: return m.actualStart ?? m.actualFinish
                case .construction: return m.actualStart
                default: return nil
                }
            }.min()
        }
        if !links.isEmpty, errorCount == before {
            do { _ = try MilestoneNetwork.schedule(ProjectPlan(project: p, milestones: milestones, links: links), asOf: p.plannedStart ?? CalendarDate(daysSinceEpoch: 0)) } catch let e as ScheduleError {
                issue(row: group.rows.first, column: pa[.name]?.label, "the predecessors of project '\(p.name)' cannot be scheduled: \(e)")
            } catch {}
        }
        return errorCount == before ? ProjectPlan(project: p, milestones: milestones, links: links) : nil
    }

    private var errorCount: Int { issues.count(where: { $0.severity == .error }) }

    /// The one value of a `first` field: every non-blank value of the project's rows must agree.
    private mutating func single(_ cells: [Cell]?, field: String) -> Cell? {
        guard let cells, let first = cells.first else { return nil }
        for c in cells.dropFirst() where c.text != first.text {
            issue(c, "'\(c.text)' differs from '\(first.text)' in row \(first.row) for the same project (rows with equal identity columns are one project)")
            return nil
        }
        return first
    }

    private mutating func coded<T: RawRepresentable & CaseIterable>(
        _ cells: [Cell]?, _ accessor: Accessor?, field: String, words: [String: T]
    ) -> T? where T.RawValue == String {
        guard let c = single(cells, field: field) else { return nil }
        var text = c.text
        if let values = accessor?.source.values {
            if let hit = values.first(where: { $0.key.lowercased() == text.lowercased() }) { text = hit.value }
        }
        if let v = Vocabulary.lookup(text, T.self, words: words) { return v }
        let allowed = T.allCases.map { v -> String in
            let zh = words.filter { $0.value.rawValue == v.rawValue && Vocabulary.glossary.contains($0.key) }.map(\.key).sorted().first
            return zh.map { "\(v.rawValue) (\($0))" } ?? v.rawValue
        }
        issue(c, "unknown \(field) '\(c.text)'; use one of: \(allowed.joined(separator: ", "))")
        return nil
    }

    private mutating func money(_ cells: [Cell]?, _ accessor: Accessor?, field: String) -> Money? {
        guard let cells = cells?.filter({ !blankTokens.contains($0.text) }), !cells.isEmpty, let accessor else { return nil }
        let unit = accessor.source.unit ?? accessor.headerUnit ?? mapping.moneyUnit ?? .one
        let parser = MoneyParser(currency: zone.currency, defaultUnit: unit)
        let aggregate = accessor.source.aggregate ?? .first
        if aggregate != .sum {
            // Every row of the project must give the same amount, however it is written.
            var first: (Cell, Money)?
            for c in cells {
                guard let m = parse(c, parser) else { return nil }
                if let (fc, fm) = first, fm != m {
                    issue(c, "'\(c.text)' differs from '\(fc.text)' in row \(fc.row) for the same project (rows with equal identity columns are one project)")
                    return nil
                }
                if first == nil { first = (c, m) }
            }
            return first?.1
        }
        var total = Money.zero(zone.currency)
        var ok = true
        for c in cells {
            guard let m = parse(c, parser) else { ok = false; continue }
            do { total = try total.adding(m) } catch { issue(c, "\(error)"); ok = false }
        }
        return ok ? total : nil
    }

    private mutating func parse(_ c: Cell, _ parser: MoneyParser) -> Money? {
        do { return try parser.parse(c.text) } catch { issue(c, "\(error)"); return nil }
    }

    private mutating func date(_ cells: [Cell]?, _ accessor: Accessor?, field: String) -> CalendarDate? {
        guard let cells = cells?.filter({ !blankTokens.contains($0.text) }), !cells.isEmpty, let accessor else { return nil }
        let format = accessor.source.dateFormat ?? mapping.dateFormat
        func parse(_ c: Cell) -> CalendarDate? {
            do { return try Self.listDate(c.text, format: format) } catch {
                issue(c, "\(error)")
                return nil
            }
        }
        switch accessor.source.aggregate ?? .first {
        case .first, .sum:
            var first: (Cell, CalendarDate)?
            for c in cells {
                guard let d = parse(c) else { return nil }
                if let (fc, fd) = first, fd != d {
                    issue(c, "'\(c.text)' differs from '\(fc.text)' in row \(fc.row) for the same project (rows with equal identity columns are one project)")
                    return nil
                }
                if first == nil { first = (c, d) }
            }
            return first?.1
        case .min:
            let dates = cells.map(parse)
            return dates.contains(where: { $0 == nil }) ? nil : dates.compactMap { $0 }.min()
        case .max:
            let dates = cells.map(parse)
            return dates.contains(where: { $0 == nil }) ? nil : dates.compactMap { $0 }.max()
        }
    }

    /// `yyyy-MM-dd`, `yyyy/M/d` or `yyyy.M.d` when the mapping declares no format.
    /// A date cell of a list, project or lead: in the mapping's `format` when it names one (a
    /// workbook's date cells, read as yyyy-MM-dd, accepted too), else `lenientISO`.
    /// - Throws: an error whose description is the format's complaint, with a hint when the
    ///   text is a serial day number (45000 is 2023-03-15) in a cell formatted as General.
    static func listDate(_ text: String, format: DateFormat?) throws -> CalendarDate {
        struct Refused: Error, CustomStringConvertible { let description: String }
        do {
            if let format {
                do { return try format.parse(text) } catch {
                    if text.count == 10, let iso = try? CalendarDate(iso: text) { return iso }
                    throw error
                }
            }
            return try lenientISO(text)
        } catch {
            let hint = Int(text).map { (20_000...80_000).contains($0) } == true
                ? " (if it is an Excel date, the cell has no date format: format the column as a date and save again)" : ""
            throw Refused(description: "\(error)\(hint)")
        }
    }

    static func lenientISO(_ text: String) throws -> CalendarDate {
        for pattern in ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d"] {
            let format = try! DateFormat(pattern)
            do { return try format.parse(text) } catch let e as CalendarDateError {
                if case .notACalendarDate = e { throw e }
            }
        }
        throw CalendarDateError.badFormat(text, expected: "yyyy-MM-dd")
    }

    // MARK: - Cells

    private func cell(_ row: [String], _ index: Int) -> String? {
        guard index < row.count else { return nil }
        let text = row[index].trimmingWhitespace()
        if text.isEmpty { return nil }
        return text
    }

    private mutating func value(_ accessor: Accessor, _ row: [String]) -> String? {
        if accessor.parts.isEmpty { return accessor.source.value.flatMap { $0.isEmpty ? nil : $0 } }
        var out = "", any = false
        for part in accessor.parts {
            switch part {
            case let .literal(s): out += s
            case let .column(i):
                if let v = cell(row, i) { out += v; any = true }
            }
        }
        return any ? out.trimmingWhitespace() : nil
    }

    private mutating func resolve<F: RawRepresentable & Hashable>(
        _ sources: [String: Mapping.FieldSource], section: String, fields: F.Type
    ) -> [F: Accessor] where F.RawValue == String {
        var out: [F: Accessor] = [:]
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            guard let field = F(rawValue: name) else { continue }
            if let column = source.column {
                if let i = headers.index(of: column) {
                    let candidates = headers.candidates(of: column)
                    if candidates.count > 1 {
                        issue(row: 1, column: table.header[i], "columns \(candidates.map { "\($0 + 1) (\(table.header[$0]))" }.joined(separator: " and ")) could both be \(column) (\(section).\(name)); rename or remove one")
                        continue
                    }
                    out[field] = Accessor(label: table.header[i], parts: [.column(i)], source: source, headerUnit: headers.units[i])
                } else if source.required == true {
                    issue(row: 1, column: nil, "missing required column \(column) (\(section).\(name)); columns are: \(table.header.joined(separator: ", "))")
                } else if source.optional != true {
                    issue(row: 1, column: column.alternatives[0], "column \(column) named by the mapping (\(section).\(name)) is not in the header; columns are: \(table.header.joined(separator: ", "))")
                } else if source.fromMilestones == true {
                    out[field] = Accessor(label: "\(section).\(name)", parts: [], source: source, headerUnit: nil)
                }
            } else if let template = source.template {
                var parts: [Accessor.Part] = []
                var rest = Substring(template)
                var ok = true
                while let open = rest.firstIndex(of: "{") {
                    parts.append(.literal(String(rest[..<open])))
                    guard let close = rest[open...].firstIndex(of: "}") else { break }
                    let col = String(rest[rest.index(after: open)..<close])
                    if let i = headers.index(ofName: col) { parts.append(.column(i)) } else {
                        issue(row: 1, column: col, "column '\(col)' in the template of \(section).\(name) is not in the header")
                        ok = false
                    }
                    rest = rest[rest.index(after: close)...]
                }
                parts.append(.literal(String(rest)))
                if ok { out[field] = Accessor(label: template, parts: parts, source: source, headerUnit: nil) }
            } else if source.value != nil || source.fromMilestones == true {
                out[field] = Accessor(label: "\(section).\(name)", parts: [], source: source, headerUnit: nil)
            } else {
                issue(row: nil, column: nil, "mapping field \(section).\(name) gives no column, template or value")
            }
        }
        return out
    }

    // MARK: - Issues

    private mutating func issue(row: Int?, column: String?, _ message: String) {
        issues.append(ImportIssue(file: table.file, row: row, column: column, message: message))
    }

    private mutating func issue(_ cell: Cell, _ message: String) {
        issue(row: cell.row, column: cell.column, message)
    }

    /// The labels of total rows in government lists, compared without spaces and case.
    static let totalLabels: Set<String> = ["合计", "总计", "小计", "共计", "全部合计", "total", "subtotal", "grandtotal"]

    private mutating func note(row: Int?, column: String?, _ message: String) {
        issues.append(ImportIssue(file: table.file, row: row, column: column, message: message, severity: .note))
    }
}
