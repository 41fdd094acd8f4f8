import LuodiCore

/// The odometer (计程表): investment completion rate against the time-elapsed share, drawn as a
/// half-circle gauge from 0 % to 100 %. The filled arc is the completion rate, coloured by how
/// far it is behind the share (green within 10 points, amber to 30, red beyond, the standard
/// rule set's thresholds) when `colorByLag`, else neutral blue; a needle marks the share.
public struct OdometerGauge: Sendable {
    /// Completion rate in percent; nil when no project gives both a plan and a figure.
    public var completionPercent: Double?
    /// Time-elapsed share in percent.
    public var sharePercent: Double
    /// Localised labels: the centre caption and the needle's caption.
    public var completionLabel: String
    public var shareLabel: String
    public var noDataLabel: String
    /// Colour the arc by the lag behind the share (zones whose rules compare the two).
    public var colorByLag: Bool

    public init(completionPercent: Double?, sharePercent: Double, completionLabel: String, shareLabel: String, noDataLabel: String,
                colorByLag: Bool = true) {
        self.colorByLag = colorByLag
        self.completionPercent = completionPercent
        self.sharePercent = sharePercent
        self.completionLabel = completionLabel
        self.shareLabel = shareLabel
        self.noDataLabel = noDataLabel
    }

    /// A standalone `<svg>` element, 320×212 user units.
    public func svg() -> String {
        let cx = 160.0, cy = 172.0, r = 118.0
        func point(_ percent: Double, _ radius: Double) -> (Double, Double) {
            let clamped = min(max(percent, 0), 100)
            let angle = Double.pi * (1 - clamped / 100)
            return (cx + radius * cos(angle), cy - radius * sin(angle))
        }
        func arc(to percent: Double) -> String {
            let (x0, y0) = point(0, r), (x1, y1) = point(percent, r)
            return "M \(SVG.n(x0)) \(SVG.n(y0)) A \(SVG.n(r)) \(SVG.n(r)) 0 0 1 \(SVG.n(x1)) \(SVG.n(y1))"
        }
        var s = ##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 212" width="320" height="212" role="img" class="gauge">"##
        s += "<title>\(SVG.escape(completionLabel)) / \(SVG.escape(shareLabel))</title>"
        s += ##"<path d="\##(arc(to: 100))" fill="none" stroke="#e5e7eb" stroke-width="22"/>"##
        if let c = completionPercent {
            let behind = sharePercent - c
            let color = !colorByLag ? "#2563eb" : behind > 30 ? "#dc2626" : behind >= 10 ? "#f59e0b" : "#16a34a"
            if c > 0 { s += ##"<path d="\##(arc(to: c))" fill="none" stroke="\##(color)" stroke-width="22"/>"## }
            s += ##"<text x="160" y="150" text-anchor="middle" font-size="34" font-weight="700" fill="#111827">\##(SVG.n((c * 10).rounded() / 10))%</text>"##
            s += ##"<text x="160" y="172" text-anchor="middle" font-size="13" fill="#374151">\##(SVG.escape(completionLabel))</text>"##
        } else {
            s += ##"<text x="160" y="152" text-anchor="middle" font-size="15" fill="#6b7280">\##(SVG.escape(noDataLabel))</text>"##
        }
        let (nx0, ny0) = point(sharePercent, r - 20), (nx1, ny1) = point(sharePercent, r + 16)
        s += ##"<line x1="\##(SVG.n(nx0))" y1="\##(SVG.n(ny0))" x2="\##(SVG.n(nx1))" y2="\##(SVG.n(ny1))" stroke="#1f2937" stroke-width="3"/>"##
        s += ##"<text x="160" y="192" text-anchor="middle" font-size="12" fill="#1f2937">\##(SVG.escape(shareLabel)) \##(SVG.n((sharePercent * 10).rounded() / 10))%</text>"##
        s += ##"<text x="36" y="194" text-anchor="middle" font-size="11" fill="#6b7280">0%</text>"##
        s += ##"<text x="284" y="194" text-anchor="middle" font-size="11" fill="#6b7280">100%</text>"##
        s += "</svg>"
        return s
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
