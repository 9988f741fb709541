import RotaCore
/// Leave written as text, as in the staff CSV file: `2025-03-01..2025-03-14;2025-05-06`.
enum LeaveText {
    static let expected = "leave written {from: YYYY-MM-DD, to: YYYY-MM-DD}, or YYYY-MM-DD..YYYY-MM-DD (also 至 or ~ between, dates also YYYY/M/D or YYYY年M月D日), or one day"

    /// The ranges of a `;`-separated cell; each is reported at `listPlace[i]`.
    static func ranges(_ cell: String, listPlace: SourcePlace, log: DiagnosticLog) -> [Located<DayRange>] {
        let parts = cell.split(whereSeparator: { $0 == ";" || $0 == "；" })
            .map { Trimmed.text(String($0), .whitespaces) }
            .filter { !$0.isEmpty }
        var out: [Located<DayRange>] = []
        for (i, part) in parts.enumerated() {
            let place = listPlace.element(i)
            if let range = range(part, place: place, log: log) {
                out.append(Located(value: range, place: place))
            }
        }
        return out
    }

    /// One range `from..to` or a single day.
    static func range(_ text: String, place: SourcePlace, log: DiagnosticLog) -> DayRange? {
        let ends = rangeEnds(text)
        switch ends.count {
        case 1:
            guard let day = StaffDayText.parse(ends[0], at: place, log: log) else { return nil }
            return DayRange(from: day, to: day)
        case 2:
            let from = StaffDayText.parse(ends[0], at: place.field("from"), log: log)
            let to = StaffDayText.parse(ends[1], at: place.field("to"), log: log)
            guard let from, let to else { return nil }
            guard from <= to else {
                log.add(place, "from \(from.iso) is after to \(to.iso)", expected: "from on or before to")
                return nil
            }
            return DayRange(from: from, to: to)
        default:
            log.add(place, "bad leave range \(Quote.text(text))", expected: expected)
            return nil
        }
    }

    /// The ends of `from..to`, `from至to`, `from~to`, or `from-to` when the days are written
    /// with `/` or 年月日 (an ISO day has its own hyphens).
    static func rangeEnds(_ text: String) -> [String] {
        for separator in ["..", "至", "~", "～", "—"] where text.contains(separator) {
            return text.components(separatedBy: separator).map { Trimmed.text($0, .whitespaces) }
        }
        if text.contains("/") || text.contains("年"), text.contains("-") {
            return text.components(separatedBy: "-").map { Trimmed.text($0, .whitespaces) }
        }
        return [Trimmed.text(text, .whitespaces)]
    }
}
