import LuodiCore

/// A project's milestones on a time axis: a grey bar or diamond for the plan, a blue bar or
/// diamond for the actuals, red when overdue, and a vertical line at the as-of date.
public struct MilestoneTimeline: Sendable {
    public var milestones: [Milestone]
    public var asOf: CalendarDate
    /// Localised caption of the as-of line (e.g. "今天 2026-11-29").
    public var asOfLabel: String
    public var plannedLabel: String
    public var actualLabel: String

    public init(milestones: [Milestone], asOf: CalendarDate, asOfLabel: String, plannedLabel: String, actualLabel: String) {
        self.milestones = milestones
        self.asOf = asOf
        self.asOfLabel = asOfLabel
        self.plannedLabel = plannedLabel
        self.actualLabel = actualLabel
    }

    /// A standalone `<svg>`, 900 units wide, 28 units per milestone; nil when no milestone has a date.
    public func svg() -> String? {
        let dates = milestones.flatMap { [$0.plannedStart, $0.plannedFinish, $0.actualStart, $0.actualFinish].compactMap { $0 } } + [asOf]
        guard dates.count > 1, let first = dates.min(), let last = dates.max() else { return nil }
        let start = CalendarDate(daysSinceEpoch: first.adding(months: 0).daysSinceEpoch - 15)
        let end = last.adding(days: 15)
        let left = 190.0, right = 880.0, top = 30.0, rowH = 28.0
        let span = Double(max(1, start.days(until: end)))
        func x(_ d: CalendarDate) -> Double { left + (right - left) * Double(start.days(until: d)) / span }
        let height = top + rowH * Double(milestones.count) + 30
        var s = ##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 900 \##(SVG.n(height))" width="100%" role="img" class="timeline">"##
        // Axis: one tick per year, or per quarter when the span is short.
        let months = start.wholeMonths(until: end)
        let step = months > 48 ? 12 : months > 12 ? 3 : 1
        var tick = (try? CalendarDate(year: start.year, month: 1, day: 1)) ?? start
        while tick < start { tick = tick.adding(months: step) }
        while tick <= end {
            let tx = x(tick)
            s += ##"<line x1="\##(SVG.n(tx))" y1="\##(SVG.n(top - 8))" x2="\##(SVG.n(tx))" y2="\##(SVG.n(height - 24))" stroke="#e5e7eb"/>"##
            let label = step == 12 ? String(tick.year) : "\(tick.year)-\(tick.month < 10 ? "0" : "")\(tick.month)"
            s += ##"<text x="\##(SVG.n(tx))" y="\##(SVG.n(top - 12))" font-size="11" text-anchor="middle" fill="#6b7280">\##(label)</text>"##
            tick = tick.adding(months: step)
        }
        for (i, m) in milestones.enumerated() {
            let y = top + rowH * Double(i)
            let name = m.name.count > 14 ? String(m.name.prefix(13)) + "…" : m.name
            s += ##"<text x="\##(SVG.n(left - 8))" y="\##(SVG.n(y + 17))" font-size="12" text-anchor="end" fill="#111827"><title>\##(SVG.escape(m.name))</title>\##(SVG.escape(name))</text>"##
            let overdue = m.isOverdue(asOf: asOf)
            s += bar(m.plannedStart, m.plannedFinish, y: y + 4, h: 9, fill: overdue ? "#fca5a5" : "#d1d5db", title: plannedLabel, x: x)
            let actualEnd = m.actualFinish ?? (m.actualStart != nil ? asOf : nil)
            s += bar(m.actualStart, actualEnd, y: y + 15, h: 9, fill: m.actualFinish == nil ? "#93c5fd" : "#2563eb", title: actualLabel, x: x)
        }
        let ax = x(asOf)
        s += ##"<line x1="\##(SVG.n(ax))" y1="\##(SVG.n(top - 4))" x2="\##(SVG.n(ax))" y2="\##(SVG.n(height - 20))" stroke="#dc2626" stroke-width="2" stroke-dasharray="4 3"/>"##
        let anchor = ax > 760 ? "end" : ax < 260 ? "start" : "middle"
        s += ##"<text x="\##(SVG.n(ax))" y="\##(SVG.n(height - 6))" font-size="11" text-anchor="\##(anchor)" fill="#dc2626">\##(SVG.escape(asOfLabel))</text>"##
        s += "</svg>"
        return s
    }

    private func bar(_ from: CalendarDate?, _ to: CalendarDate?, y: Double, h: Double, fill: String, title: String, x: (CalendarDate) -> Double) -> String {
        switch (from, to) {
        case let (a?, b?) where a != b:
            let x0 = x(min(a, b)), x1 = x(max(a, b))
            return ##"<rect x="\##(SVG.n(x0))" y="\##(SVG.n(y))" width="\##(SVG.n(max(2, x1 - x0)))" height="\##(SVG.n(h))" rx="2" fill="\##(fill)"><title>\##(SVG.escape(title)) \##(a) – \##(b)</title></rect>"##
        case let (a?, _), let (nil, a?):
            let cx = x(a), cy = y + h / 2, r = h / 2 + 1
            return ##"<path d="M \##(SVG.n(cx)) \##(SVG.n(cy - r)) L \##(SVG.n(cx + r)) \##(SVG.n(cy)) L \##(SVG.n(cx)) \##(SVG.n(cy + r)) L \##(SVG.n(cx - r)) \##(SVG.n(cy)) Z" fill="\##(fill)"><title>\##(SVG.escape(title)) \##(a)</title></path>"##
        default:
            return ""
        }
    }
}
