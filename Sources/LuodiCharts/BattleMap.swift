import LuodiCore

/// The battle map (作战图): every project's milestones on one time axis, projects grouped (by
/// department or category), with the as-of line. Planned spans are grey (red when overdue) and
/// outlined in dark red when critical in the project's milestone network; actual spans blue; a
/// point milestone is a diamond. Sized for A3 landscape (420 × 297 mm) at
/// about 40 projects a page when printed.
public struct BattleMap: Sendable {
    public struct Row: Sendable {
        public var name: String
        public var status: RAGStatus
        public var milestones: [Milestone]
        /// Names of the milestones on the critical path of the project's network.
        public var critical: Set<String>
        public init(name: String, status: RAGStatus, milestones: [Milestone], critical: Set<String> = []) {
            self.name = name
            self.status = status
            self.milestones = milestones
            self.critical = critical
        }
    }

    public struct Group: Sendable {
        public var name: String
        public var rows: [Row]
        public init(name: String, rows: [Row]) {
            self.name = name
            self.rows = rows
        }
    }

    public var title: String
    public var groups: [Group]
    public var asOf: CalendarDate
    public var asOfLabel: String
    /// Text for a row without dated milestones.
    public var noDatesLabel: String

    public init(title: String, groups: [Group], asOf: CalendarDate, asOfLabel: String, noDatesLabel: String) {
        self.title = title
        self.groups = groups
        self.asOf = asOf
        self.asOfLabel = asOfLabel
        self.noDatesLabel = noDatesLabel
    }

    /// Layout in SVG user units: 1587 × auto (A3 landscape at 96 dpi is 1587 × 1123).
    static let width = 1587.0, nameWidth = 360.0, rowHeight = 22.0, groupHeight = 26.0, top = 70.0

    /// A standalone `<svg>` document.
    public func svg() -> String {
        let dates = groups.flatMap(\.rows).flatMap(\.milestones).flatMap {
            [$0.plannedStart, $0.plannedFinish, $0.actualStart, $0.actualFinish].compactMap { $0 }
        } + [asOf]
        let first = dates.min()!, last = dates.max()!
        let start = (try? CalendarDate(year: first.year, month: first.month, day: 1)) ?? first
        let end = last.adding(months: 1)
        let left = Self.nameWidth + 10, right = Self.width - 20
        let span = Double(max(1, start.days(until: end)))
        func x(_ d: CalendarDate) -> Double { left + (right - left) * Double(start.days(until: d)) / span }
        let rowCount = groups.reduce(0) { $0 + $1.rows.count }
        let height = Self.top + Double(rowCount) * Self.rowHeight + Double(groups.count) * Self.groupHeight + 40

        var s = ##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \##(SVG.n(Self.width)) \##(SVG.n(height))" width="\##(SVG.n(Self.width))" height="\##(SVG.n(height))" class="battle-map" font-family="Noto Sans CJK SC, Noto Sans SC, sans-serif">"##
        s += ##"<rect x="0" y="0" width="\##(SVG.n(Self.width))" height="\##(SVG.n(height))" fill="#ffffff"/>"##
        s += ##"<text x="16" y="28" font-size="20" font-weight="700" fill="#111827">\##(SVG.escape(title))</text>"##
        // Axis: months when the span is under two years, else quarters or years.
        let months = start.wholeMonths(until: end)
        let step = months > 60 ? 12 : months > 24 ? 3 : 1
        var tick = start
        while tick <= end {
            let tx = x(tick)
            s += ##"<line x1="\##(SVG.n(tx))" y1="\##(SVG.n(Self.top - 14))" x2="\##(SVG.n(tx))" y2="\##(SVG.n(height - 30))" stroke="\##(tick.month == 1 ? "#cbd5e1" : "#eef2f7")"/>"##
            let label = step == 12 ? String(tick.year) : tick.month == 1 || tick == start ? "\(tick.year)-\(tick.month < 10 ? "0" : "")\(tick.month)" : "\(tick.month)"
            s += ##"<text x="\##(SVG.n(tx + 2))" y="\##(SVG.n(Self.top - 18))" font-size="11" fill="#6b7280">\##(label)</text>"##
            tick = tick.adding(months: step)
        }
        var y = Self.top
        for group in groups {
            s += ##"<rect x="0" y="\##(SVG.n(y))" width="\##(SVG.n(Self.width))" height="\##(SVG.n(Self.groupHeight - 2))" fill="#f1f5f9"/>"##
            s += ##"<text x="12" y="\##(SVG.n(y + 17))" font-size="14" font-weight="700" fill="#0f172a">\##(SVG.escape(group.name)) (\##(group.rows.count))</text>"##
            y += Self.groupHeight
            for row in group.rows {
                let color = row.status == .red ? "#dc2626" : row.status == .amber ? "#f59e0b" : "#16a34a"
                s += ##"<circle cx="14" cy="\##(SVG.n(y + 11))" r="5" fill="\##(color)"/>"##
                let name = Self.fit(row.name, units: 52)
                s += ##"<text x="26" y="\##(SVG.n(y + 15))" font-size="12" fill="#111827"><title>\##(SVG.escape(row.name))</title>\##(SVG.escape(name))</text>"##
                let dated = row.milestones.filter { $0.plannedStart != nil || $0.plannedFinish != nil || $0.actualStart != nil || $0.actualFinish != nil }
                if dated.isEmpty {
                    s += ##"<text x="\##(SVG.n(left + 4))" y="\##(SVG.n(y + 15))" font-size="11" fill="#9ca3af">\##(SVG.escape(noDatesLabel))</text>"##
                }
                for m in dated {
                    let overdue = m.isOverdue(asOf: asOf)
                    s += mark(m.plannedStart, m.plannedFinish, y: y + 4, h: 7, fill: overdue ? "#f87171" : "#cbd5e1", title: m.name, x: x,
                              stroke: row.critical.contains(m.name) ? "#7f1d1d" : nil)
                    s += mark(m.actualStart, m.actualFinish ?? (m.actualStart != nil ? asOf : nil), y: y + 12, h: 7,
                              fill: m.actualFinish == nil ? "#93c5fd" : "#2563eb", title: m.name, x: x)
                }
                s += ##"<line x1="0" y1="\##(SVG.n(y + Self.rowHeight))" x2="\##(SVG.n(Self.width))" y2="\##(SVG.n(y + Self.rowHeight))" stroke="#f3f4f6"/>"##
                y += Self.rowHeight
            }
        }
        let ax = x(asOf)
        s += ##"<line x1="\##(SVG.n(ax))" y1="\##(SVG.n(Self.top - 10))" x2="\##(SVG.n(ax))" y2="\##(SVG.n(height - 24))" stroke="#dc2626" stroke-width="2" stroke-dasharray="5 4"/>"##
        s += ##"<text x="\##(SVG.n(ax))" y="\##(SVG.n(height - 10))" font-size="12" text-anchor="\##(ax > Self.width - 200 ? "end" : "middle")" fill="#dc2626">\##(SVG.escape(asOfLabel))</text>"##
        s += "</svg>"
        return s
    }

    /// `text` cut to fit `units`, counting a CJK character as 2 and others as 1, with "…".
    public static func fit(_ text: String, units: Int) -> String {
        var used = 0, out = ""
        for c in text {
            let w = c.unicodeScalars.first.map { $0.value >= 0x2E80 ? 2 : 1 } ?? 1
            if used + w > units - 1 { return out + "…" }
            used += w
            out.append(c)
        }
        return out
    }

    private func mark(_ from: CalendarDate?, _ to: CalendarDate?, y: Double, h: Double, fill: String, title: String,
                      x: (CalendarDate) -> Double, stroke: String? = nil) -> String {
        // Critical milestones get a dark outline.
        let outline = stroke.map { ##" stroke="\##($0)" stroke-width="1.5""## } ?? ""
        switch (from, to) {
        case let (a?, b?) where a != b:
            let x0 = x(min(a, b)), x1 = x(max(a, b))
            return ##"<rect x="\##(SVG.n(x0))" y="\##(SVG.n(y))" width="\##(SVG.n(max(2, x1 - x0)))" height="\##(SVG.n(h))" rx="1.5" fill="\##(fill)"\##(outline)><title>\##(SVG.escape(title)) \##(a) – \##(b)</title></rect>"##
        case let (a?, _), let (nil, a?):
            let cx = x(a), cy = y + h / 2, r = h / 2 + 1
            return ##"<path d="M \##(SVG.n(cx)) \##(SVG.n(cy - r)) L \##(SVG.n(cx + r)) \##(SVG.n(cy)) L \##(SVG.n(cx)) \##(SVG.n(cy + r)) L \##(SVG.n(cx - r)) \##(SVG.n(cy)) Z" fill="\##(fill)"\##(outline)><title>\##(SVG.escape(title)) \##(a)</title></path>"##
        default:
            return ""
        }
    }
}
