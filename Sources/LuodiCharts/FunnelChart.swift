import LuodiCore

/// The attraction funnel as horizontal bars centred on one axis, one per pipeline stage, each as
/// wide as its count relative to the first, with the count and the conversion to the next stage.
public struct FunnelChart: Sendable {
    public struct Bar: Sendable {
        public var label: String
        public var count: Int
        /// "转化 80%" or "80% on": the caption between this bar and the next; nil for the last.
        public var conversionLabel: String?
        public init(label: String, count: Int, conversionLabel: String?) {
            self.label = label
            self.count = count
            self.conversionLabel = conversionLabel
        }
    }

    public var bars: [Bar]
    public init(bars: [Bar]) { self.bars = bars }

    /// A standalone `<svg>` element, 640 user units wide, 44 per stage.
    public func svg() -> String {
        let width = 640.0, labelWidth = 150.0, barArea = width - labelWidth - 150, rowHeight = 44.0
        let most = Double(max(bars.map(\.count).max() ?? 0, 1))
        let height = Double(bars.count) * rowHeight + 8
        var out = ##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \##(SVG.n(width)) \##(SVG.n(height))" width="\##(SVG.n(width))" height="\##(SVG.n(height))" font-family="sans-serif" font-size="13" role="img">"##
        let centre = labelWidth + barArea / 2
        for (i, bar) in bars.enumerated() {
            let y = 4 + Double(i) * rowHeight
            let w = max(2, barArea * Double(bar.count) / most)
            out += ##"<text x="\##(SVG.n(labelWidth - 8))" y="\##(SVG.n(y + 20))" text-anchor="end" fill="#0f172a">\##(SVG.escape(bar.label))</text>"##
            out += ##"<rect x="\##(SVG.n(centre - w / 2))" y="\##(SVG.n(y + 4))" width="\##(SVG.n(w))" height="24" rx="3" fill="#2563eb" fill-opacity="\##(SVG.n(1 - Double(i) * 0.08))"/>"##
            out += ##"<text x="\##(SVG.n(centre + barArea / 2 + 10))" y="\##(SVG.n(y + 20))" fill="#0f172a" font-weight="600">\##(bar.count)</text>"##
            if let c = bar.conversionLabel {
                out += ##"<text x="\##(SVG.n(centre))" y="\##(SVG.n(y + rowHeight - 2))" text-anchor="middle" fill="#64748b" font-size="11">\##(SVG.escape(c))</text>"##
            }
        }
        return out + "</svg>"
    }
}
