import Foundation
import RotaCore
import RotaVerifier

/// `ics/PERSON.ics`: one iCalendar file (RFC 5545) per person, for their phone or mail calendar.
///
/// The calendar has `VERSION:2.0`, `PRODID`, `CALSCALE:GREGORIAN`, `METHOD:PUBLISH`, the
/// person's name as `X-WR-CALNAME`, and a `VTIMEZONE` for Asia/Shanghai (UTC+8, no daylight
/// saving). Each day with entries gives events:
///
/// - When the morning and the afternoon are one entry each at the same site with the same
///   activity (a posting day, a station day, a full 3331 visit), they are **merged into one
///   event** from 08:00 to 17:30, UID `PERSON-DATE-day@rota`; the description gives the two
///   slots' hours.
/// - Otherwise each entry is its own event over its slot (08:00–12:00 or 14:00–17:30, see
///   `HalfDayHours`), UID `PERSON-DATE-am@rota` or `PERSON-DATE-pm@rota` (with `-SITE` added
///   when one half-day holds more than one entry).
///
/// `SUMMARY` is the activity's Chinese label and the site's name (`驻点 韩集镇卫生院`),
/// `LOCATION` the site's name, `DESCRIPTION` the bilingual activity label, the two slots'
/// hours on a merged day (the lunch break the event's span hides) and the site's name and id. Times are local (`DTSTART;TZID=Asia/Shanghai:…`). `DTSTAMP` is
/// fixed to the first day of the period at 00:00 UTC, so the same rota always gives the same
/// bytes. Lines end CRLF and fold at 75 octets without splitting a character
/// (`ICalendarText`). Entries whose date does not parse are left out.
///
/// ```swift
/// let files = PersonCalendar.files(rota: rota, plan: plan, scenario: scenario)
/// files[0].name   // "ics/city-a-0.ics"
/// ```
public enum PersonCalendar {
    public static let directory = "ics"
    public static let productID = "-//rota//Shandong medical staff dispatch rota//ZH"
    public static let timeZoneID = "Asia/Shanghai"
    public static let uidDomain = "rota"

    /// One file per person with entries, in output person order.
    public static func files(rota: WeeklyRota, plan: Plan, scenario: Scenario) -> [(name: String, data: Data)] {
        files(RotaOutputContext(rota: rota, plan: plan, scenario: scenario))
    }

    /// The calendar of one person: the frame and time zone alone when they have no entries.
    public static func render(person: String, rota: WeeklyRota, plan: Plan, scenario: Scenario) -> String {
        render(person: person, RotaOutputContext(rota: rota, plan: plan, scenario: scenario))
    }

    /// One file per person; with `earlier`, the calendars that cannot have changed are taken
    /// from the earlier folder (`EarlierOutputs`).
    static func files(_ ctx: RotaOutputContext, earlier: EarlierOutputs? = nil) -> [(name: String, data: Data)] {
        let stems = OutputFileName.names(for: ctx.people)
        guard let earlier else { return files(ctx, people: ctx.people.indices, stems: stems) }
        return earlier.files(ctx.people, stems: stems, reusable: earlier.calendars(for: ctx, stems: stems), directory: directory, ext: "ics") {
            Data(calendar(person: $0, ctx).bytes)
        }
    }

    /// The files of `ctx.people[people]`, `stems` being every person's file stem
    /// (`OutputFileName.names(for: ctx.people)`): a slice of the calendars, made on one core.
    static func files(_ ctx: RotaOutputContext, people: Range<Int>, stems: [String]) -> [(name: String, data: Data)] {
        people.map { i in ("\(directory)/\(stems[i]).ics", Data(calendar(person: ctx.people[i], ctx).bytes)) }
    }

    static func render(person: String, _ ctx: RotaOutputContext) -> String {
        calendar(person: person, ctx).output
    }

    static func calendar(person: String, _ ctx: RotaOutputContext) -> ICalendarText {
        var ics = ICalendarText()
        let stamp = (ctx.days.first.map(compact) ?? "19700101") + "T000000Z"
        ics.line("BEGIN", "VCALENDAR")
        ics.line("VERSION", "2.0")
        ics.text("PRODID", productID)
        ics.line("CALSCALE", "GREGORIAN")
        ics.line("METHOD", "PUBLISH")
        let name = ctx.personName(person)
        ics.text("X-WR-CALNAME", "排班 Rota: " + (name.isEmpty ? person : "\(name) (\(person))"))
        ics.text("X-WR-TIMEZONE", timeZoneID)
        ics.line("BEGIN", "VTIMEZONE")
        ics.text("TZID", timeZoneID)
        ics.line("BEGIN", "STANDARD")
        ics.line("DTSTART", "19700101T000000")
        ics.line("TZOFFSETFROM", "+0800")
        ics.line("TZOFFSETTO", "+0800")
        ics.text("TZNAME", "CST")
        ics.line("END", "STANDARD")
        ics.line("END", "VTIMEZONE")

        let entries = ctx.entries(of: person)
        var i = entries.startIndex
        while i < entries.endIndex {
            var j = i + 1
            while j < entries.endIndex && entries[j].date == entries[i].date { j += 1 }
            let day = entries[i..<j]
            i = j
            guard let d = Day(iso: day.first!.date) else { continue }
            let date = compact(d)
            let am = day.filter { $0.half == .am }, pm = day.filter { $0.half == .pm }
            if am.count == 1, pm.count == 1, am[0].site == pm[0].site, am[0].activity == pm[0].activity {
                event(&ics, ctx, am[0], date: date, uid: "\(person)-\(day.first!.date)-day",
                      start: HalfDayHours.morningStart, end: HalfDayHours.afternoonEnd,
                      when: "全天 Whole day \(HalfDayHours.morningStart.text)–\(HalfDayHours.morningEnd.text), \(HalfDayHours.afternoonStart.text)–\(HalfDayHours.afternoonEnd.text)",
                      stamp: stamp)
            } else {
                for half in [am, pm] {
                    for e in half {
                        let suffix = half.count > 1 ? "-\(e.site)" : ""
                        let h = e.half.hours
                        event(&ics, ctx, e, date: date, uid: "\(person)-\(e.date)-\(e.half.rawValue)\(suffix)",
                              start: h.start, end: h.end, when: "", stamp: stamp)
                    }
                }
            }
        }
        ics.line("END", "VCALENDAR")
        return ics
    }

    private static func event(_ ics: inout ICalendarText, _ ctx: RotaOutputContext, _ e: RotaEntry, date: String, uid: String,
                              start: ClockTime, end: ClockTime, when: String, stamp: String) {
        let site = ctx.siteName(e.site)
        ics.line("BEGIN", "VEVENT")
        ics.text("UID", "\(uid)@\(uidDomain)")
        ics.line("DTSTAMP", stamp)
        ics.line("DTSTART;TZID=\(timeZoneID)", "\(date)T\(start.icsTime)")
        ics.line("DTEND;TZID=\(timeZoneID)", "\(date)T\(end.icsTime)")
        ics.text("SUMMARY", "\(e.activity.chineseLabel) \(site)")
        ics.text("LOCATION", site)
        ics.text("DESCRIPTION", "\(e.activity.bilingualLabel)\n\(when.isEmpty ? "" : when + "\n")地点 Site: \(site) (\(e.site))")
        ics.line("END", "VEVENT")
    }

    /// `YYYYMMDD`.
    static func compact(_ d: Day) -> String { String(d.iso.filter { $0 != "-" }) }
}
