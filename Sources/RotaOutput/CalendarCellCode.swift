import RotaCore
import RotaVerifier
/// The compact code of one day in the report page's calendars, and its CSS class.
///
/// Each half-day is written with the one-letter codes of its activities
/// (`RotaActivity.code`, in `RotaActivity.allCases` order); a site's calendar adds the number
/// of people when more than one is there (`P6`: six people on posting). The day's code is
/// the morning's and the afternoon's joined by `/`, with `·` for an empty half — or a single
/// code when both halves are the same:
///
/// | morning | afternoon | cell  |
/// |---------|-----------|-------|
/// | P       | P         | `P`   |
/// | S       | —         | `S/·` |
/// | —       | R         | `·/R` |
/// | W       | P         | `W/P` |
///
/// The class is the activity's code when the whole day is one activity, `m` (mixed) when
/// there are several, and none for an empty day.
///
/// ```swift
/// CalendarCellCode.person(am: [.station], pm: [])          // ("S/·", "S")
/// CalendarCellCode.site(am: [.posting], amPeople: 6, pm: [.posting], pmPeople: 6)  // ("P6", "P")
/// ```
enum CalendarCellCode {
    static let empty = "·"
    static let mixedClass = "m"

    static func person(am: [RotaActivity], pm: [RotaActivity]) -> (text: String, cssClass: String) {
        combine(half(am, people: 0), half(pm, people: 0), am + pm)
    }

    static func site(am: [RotaActivity], amPeople: Int, pm: [RotaActivity], pmPeople: Int) -> (text: String, cssClass: String) {
        combine(half(am, people: amPeople), half(pm, people: pmPeople), am + pm)
    }

    /// The codes of the distinct activities, in catalogue order, then the head count when above 1.
    static func half(_ activities: [RotaActivity], people: Int) -> String {
        guard !activities.isEmpty else { return "" }
        var seen = [Bool](repeating: false, count: RotaActivity.allCases.count)
        for a in activities { seen[a.outputRank] = true }
        var s = ""
        for (i, a) in RotaActivity.allCases.enumerated() where seen[i] { s += a.code }
        if people > 1 { s += String(people) }
        return s
    }

    private static func combine(_ a: String, _ p: String, _ all: [RotaActivity]) -> (text: String, cssClass: String) {
        if a.isEmpty && p.isEmpty { return ("", "") }
        let text = a == p ? a : "\(a.isEmpty ? empty : a)/\(p.isEmpty ? empty : p)"
        let first = all[0]
        let cls = all.allSatisfy { $0 == first } ? first.code : mixedClass
        return (text, cls)
    }
}
