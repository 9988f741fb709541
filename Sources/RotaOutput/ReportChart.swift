import Foundation
import RotaCore

/// Inline SVG charts for the report pages: no script, no font or image from outside.
///
/// Three kinds:
///
/// - `bars`: one horizontal bar per row with a reference tick — a hospital's share of its
///   staff sent against its quota line (1.2%, 1.6%, 6%), or the people of a tier against its
///   total;
/// - `weeklyLoad`: half-days worked per week, stacked by kind of duty;
/// - `map`: villages as dots at their coordinates, coloured by what covers them.
///
/// Every chart carries its numbers for a reader and a test: each bar, week or dot is a `<g>`
/// or shape with `data-` attributes (`data-planned`, `data-required`, `data-halfdays`, …) and
/// a `<title>` (the tooltip), and the chart itself holds its totals in `data-` attributes.
/// Coordinates are whole or tenth pixels computed in integers where they can be, so the
/// bytes are the same on every run.
///
/// ```swift
/// ReportChart.bars(id: "quota-chart", caption: "…", rows: rows)   // "<figure …><svg …>…</svg></figure>"
/// ```
enum ReportChart {
    /// One row of a bar chart. Values are in hundredths (basis points of a percentage, or
    /// people × 100), so a bar and its tick share one scale.
    struct BarRow {
        var label: String
        var href: String? = nil
        var value: Int
        var valueText: String
        var reference: Int?
        var title: String
        var met: Bool
        var data: [(String, String)]
    }

    static func h(_ s: String) -> String { MarkupText.html(s) }

    /// `data-k="v"` attributes.
    static func attributes(_ data: [(String, String)]) -> String {
        data.map { " data-\($0.0)=\"\(h($0.1))\"" }.joined()
    }

    /// A percentage from hundredths of a percent: 126 → "1.26%".
    static func percentText(_ hundredths: Int) -> String {
        let whole = hundredths / 100, frac = hundredths % 100
        return "\(whole).\(frac < 10 ? "0" : "")\(frac)%"
    }

    /// `part / whole` in hundredths of a percent, rounded half up, in integers.
    static func hundredthsOfPercent(_ part: Int, of whole: Int) -> Int {
        whole <= 0 ? 0 : (part * 20_000 + whole) / (2 * whole)
    }

    /// A tenth-pixel coordinate as text: 1234 → "123.4".
    static func tenth(_ v: Int) -> String {
        let s = v < 0 ? "-" : "", a = abs(v)
        return a % 10 == 0 ? "\(s)\(a / 10)" : "\(s)\(a / 10).\(a % 10)"
    }

    // MARK: Bars

    static func bars(id: String, caption: String, rows: [BarRow], data: [(String, String)] = []) -> String {
        let labelWidth = 250, area = 430, right = 110, rowHeight = 20, top = 8
        let width = labelWidth + area + right, height = top * 2 + max(1, rows.count) * rowHeight
        let maxValue = max(1, rows.map { max($0.value, $0.reference ?? 0) }.max() ?? 1)
        let scaleMax = maxValue + maxValue / 10 + 1
        func x(_ v: Int) -> Int { labelWidth + v * area / scaleMax }
        var out = "<figure class=\"chart\"><svg id=\"\(h(id))\" class=\"bars\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\""
        out += " aria-label=\"\(h(caption))\" data-rows=\"\(rows.count)\"\(attributes(data))>\n"
        out += "<line class=\"axis\" x1=\"\(labelWidth)\" y1=\"\(top - 4)\" x2=\"\(labelWidth)\" y2=\"\(height - top + 4)\"/>\n"
        for (k, r) in rows.enumerated() {
            let y = top + k * rowHeight
            out += "<g class=\"bar\(r.met ? "" : " short")\"\(attributes(r.data))><title>\(h(r.title))</title>"
            let label = "<text class=\"l\" x=\"\(labelWidth - 6)\" y=\"\(y + 14)\">\(h(r.label))</text>"
            out += r.href.map { "<a href=\"\(h($0))\">\(label)</a>" } ?? label
            out += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(max(0, x(r.value) - labelWidth))\" height=\"\(rowHeight - 6)\"/>"
            if let ref = r.reference {
                out += "<line class=\"ref\" x1=\"\(x(ref))\" y1=\"\(y)\" x2=\"\(x(ref))\" y2=\"\(y + rowHeight)\"/>"
            }
            out += "<text class=\"v\" x=\"\(max(x(r.value), r.reference.map(x) ?? 0) + 5)\" y=\"\(y + 14)\">\(h(r.valueText))</text></g>\n"
        }
        out += "</svg><figcaption>\(h(caption))</figcaption></figure>\n"
        return out
    }

    // MARK: Weekly load

    /// Half-days per week, stacked by `ReportFigures.LoadGroup`.
    static func weeklyLoad(id: String, caption: String, weeks: [Day], load: [[Int]]) -> String {
        let left = 44, bottom = 22, top = 10, plot = 170, step = 13
        let width = left + max(1, weeks.count) * step + 10, height = top + plot + bottom
        let totals = load.map { $0.reduce(0, +) }
        let maxTotal = max(1, totals.max() ?? 1)
        let groups = ReportFigures.LoadGroup.allCases
        var out = "<figure class=\"chart\"><svg id=\"\(h(id))\" class=\"load\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\""
        out += " aria-label=\"\(h(caption))\" data-weeks=\"\(weeks.count)\" data-halfdays=\"\(totals.reduce(0, +))\" data-max=\"\(maxTotal)\">\n"
        out += "<line class=\"axis\" x1=\"\(left)\" y1=\"\(top + plot)\" x2=\"\(width - 6)\" y2=\"\(top + plot)\"/>"
        out += "<text class=\"l\" x=\"\(left - 4)\" y=\"\(top + 8)\">\(maxTotal)</text><text class=\"l\" x=\"\(left - 4)\" y=\"\(top + plot)\">0</text>\n"
        var lastMonth = -1
        for (w, monday) in weeks.enumerated() {
            let x = left + w * step
            var parts: [String] = []
            var data: [(String, String)] = [("week", monday.iso), ("halfdays", String(totals[w]))]
            for g in groups where load[w][g.rawValue] > 0 {
                parts.append("\(g.label) \(load[w][g.rawValue])")
                data.append((g.key, String(load[w][g.rawValue])))
            }
            out += "<g class=\"wk\"\(attributes(data))><title>\(monday.iso) 起一周 week: \(totals[w]) 个半天 half-days\(parts.isEmpty ? "" : "（" + parts.joined(separator: "，") + "）")</title>"
            var y = top + plot
            for g in groups where load[w][g.rawValue] > 0 {
                let hgt = max(1, load[w][g.rawValue] * plot / maxTotal)
                y -= hgt
                out += "<rect class=\"\(g.cssClass)\" x=\"\(x)\" y=\"\(y)\" width=\"\(step - 2)\" height=\"\(hgt)\"/>"
            }
            out += "</g>\n"
            if monday.adding(days: 6).month != lastMonth {
                lastMonth = monday.adding(days: 6).month
                out += "<text class=\"m\" x=\"\(x)\" y=\"\(top + plot + 15)\">\(lastMonth)月</text>\n"
            }
        }
        out += "</svg><figcaption>\(h(caption)) "
        out += groups.map { "<span class=\"key \($0.cssClass)\"></span>\(h($0.label))" }.joined(separator: " ")
        out += "</figcaption></figure>\n"
        return out
    }

    // MARK: Map

    /// A dot of the map.
    struct MapPoint {
        var id: String
        var name: String
        var location: Location
        /// CSS class (its colour).
        var cssClass: String
        /// Placed near its township centre, having no coordinates of its own.
        var approximate: Bool
        /// A square (an institution) rather than a dot (a village).
        var square: Bool = false
        var title: String
        var withTitle: Bool = true
    }

    /// A text placed on the map (a county's name), optionally a link.
    struct MapLabel {
        var text: String
        var location: Location
        var href: String?
    }

    /// Dots at their coordinates: equirectangular, the longitude scaled by the cosine of the
    /// middle latitude, fitted into a box at most 640 × 560 pixels.
    static func map(id: String, caption: String, points: [MapPoint], labels: [MapLabel] = [], data: [(String, String)]) -> String {
        let all = points.map(\.location) + labels.map(\.location)
        guard let minLat = all.map(\.lat).min(), let maxLat = all.map(\.lat).max(),
              let minLon = all.map(\.lon).min(), let maxLon = all.map(\.lon).max() else {
            return "<p class=\"note\" id=\"\(h(id))\"\(attributes(data))>无坐标，无法绘制地图。No coordinates to draw a map.</p>\n"
        }
        let k = cos((minLat + maxLat) / 2 * Double.pi / 180)
        let spanX = max((maxLon - minLon) * k, 0.01), spanY = max(maxLat - minLat, 0.01)
        let pad = 12.0, boxW = 640.0 - 2 * pad, boxH = 560.0 - 2 * pad
        let scale = min(boxW / spanX, boxH / spanY)
        let width = Int((spanX * scale + 2 * pad).rounded()), height = Int((spanY * scale + 2 * pad).rounded())
        // Tenth pixels, in integers.
        func px(_ l: Location) -> (Int, Int) {
            let x: Double = ((l.lon - minLon) * k * scale + pad) * 10
            let y: Double = ((maxLat - l.lat) * scale + pad) * 10
            return (Int(x.rounded()), Int(y.rounded()))
        }
        var out = "<figure class=\"chart\"><svg id=\"\(h(id))\" class=\"map\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\""
        out += " aria-label=\"\(h(caption))\" data-points=\"\(points.count)\"\(attributes(data))>\n"
        out += "<rect class=\"bg\" x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\"/>\n"
        for p in points {
            let (x, y) = px(p.location)
            let cls = p.cssClass + (p.approximate ? " ap" : "")
            let title = p.withTitle ? "<title>\(h(p.title))</title>" : ""
            if p.square {
                out += "<rect class=\"\(cls)\" data-id=\"\(h(p.id))\" x=\"\(tenth(x - 35))\" y=\"\(tenth(y - 35))\" width=\"7\" height=\"7\">\(title)</rect>\n"
            } else if p.withTitle {
                out += "<circle class=\"\(cls)\" data-id=\"\(h(p.id))\" cx=\"\(tenth(x))\" cy=\"\(tenth(y))\" r=\"3\">\(title)</circle>\n"
            } else {
                out += "<circle class=\"\(cls)\" cx=\"\(tenth(x))\" cy=\"\(tenth(y))\" r=\"2\"/>\n"
            }
        }
        for l in labels {
            let (x, y) = px(l.location)
            let text = "<text class=\"ml\" x=\"\(tenth(x))\" y=\"\(tenth(y))\">\(h(l.text))</text>"
            out += (l.href.map { "<a href=\"\(h($0))\">\(text)</a>" } ?? text) + "\n"
        }
        out += "</svg><figcaption>\(h(caption)) "
        out += ReportFigures.Cover.allCases.map { "<span class=\"key \($0.cssClass)\"></span>\(h($0.label))" }.joined(separator: " ")
        out += " <span class=\"key vn\"></span>未覆盖 not covered</figcaption></figure>\n"
        return out
    }
}
