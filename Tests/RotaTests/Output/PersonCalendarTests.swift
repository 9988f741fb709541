import Foundation
import Testing
@testable import Rota
@testable import RotaCore
@testable import RotaInput
@testable import RotaSolver
@testable import RotaPlanner
@testable import RotaVerifier
@testable import RotaProof
@testable import RotaOutput
@testable import RotaAudit
@testable import RotaGenerator

/// A strict reader of the iCalendar files rota writes (RFC 5545 §3.1 lines, §3.3.11 TEXT).
struct ICSChecker {
    struct Property { var name: String; var params: String; var value: String }
    struct Component { var name: String; var properties: [Property] = []; var children: [Component] = []
        func all(_ n: String) -> [Property] { properties.filter { $0.name == n } }
        func one(_ n: String) -> Property? { let p = all(n); return p.count == 1 ? p[0] : nil }
    }

    var problems: [String] = []
    var physicalLines: [[UInt8]] = []
    var calendar = Component(name: "")

    init(_ data: Data) {
        let bytes = [UInt8](data)
        // Physical lines: every one ends CRLF, no bare CR or LF anywhere.
        var line: [UInt8] = [], i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0D {
                if i + 1 < bytes.count && bytes[i + 1] == 0x0A { physicalLines.append(line); line = []; i += 2; continue }
                problems.append("bare CR at byte \(i)")
            } else if b == 0x0A {
                problems.append("bare LF at byte \(i)")
            } else {
                line.append(b)
            }
            i += 1
        }
        if !line.isEmpty { problems.append("last line does not end with CRLF") }

        var logical: [String] = []
        var current: [UInt8] = []
        for (n, l) in physicalLines.enumerated() {
            if l.count > 75 { problems.append("line \(n + 1) has \(l.count) octets") }
            // Each physical line is valid UTF-8 on its own: no character was split by folding.
            if String(validating: l, as: UTF8.self) == nil { problems.append("line \(n + 1) is not valid UTF-8 on its own") }
            if l.first == 0x20 {
                if n == 0 { problems.append("first line is a continuation") }
                current += l.dropFirst()
            } else if l.first == 0x09 {
                problems.append("line \(n + 1) continues with a tab (rota folds with one space)")
            } else {
                if n > 0 { logical.append(String(decoding: current, as: UTF8.self)); if String(validating: current, as: UTF8.self) == nil { problems.append("unfolded line before \(n + 1) is not UTF-8") } }
                current = l
            }
        }
        if !physicalLines.isEmpty { logical.append(String(decoding: current, as: UTF8.self)) }

        var stack: [Component] = []
        var root: Component? = nil
        for l in logical {
            guard let colon = l.firstIndex(of: ":") else { problems.append("no colon: \(l)"); continue }
            let head = l[..<colon], value = String(l[l.index(after: colon)...])
            let name = String(head.split(separator: ";", maxSplits: 1).first ?? "")
            let params = head.contains(";") ? String(head.split(separator: ";", maxSplits: 1)[1]) : ""
            guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
                problems.append("bad property name in \(l)"); continue
            }
            if name == "BEGIN" {
                stack.append(Component(name: value))
            } else if name == "END" {
                guard let top = stack.popLast() else { problems.append("END:\(value) without BEGIN"); continue }
                if top.name != value { problems.append("END:\(value) closes BEGIN:\(top.name)") }
                if stack.isEmpty { if root != nil { problems.append("two top-level components") }; root = top }
                else { stack[stack.count - 1].children.append(top) }
            } else {
                guard !stack.isEmpty else { problems.append("property outside a component: \(l)"); continue }
                stack[stack.count - 1].properties.append(Property(name: name, params: params, value: value))
            }
        }
        if !stack.isEmpty { problems.append("unclosed: \(stack.map(\.name))") }
        calendar = root ?? Component(name: "")
        checkStructure()
    }

    /// TEXT unescaping; nil when the value holds a bare `,` or `;` or a bad escape.
    static func unescape(_ v: String) -> String? {
        var out = "", it = v.makeIterator()
        while let c = it.next() {
            switch c {
            case "\\":
                switch it.next() {
                case "\\": out += "\\"
                case ";": out += ";"
                case ",": out += ","
                case "n", "N": out += "\n"
                default: return nil
                }
            case ",", ";": return nil
            default: out.append(c)
            }
        }
        return out
    }

    private mutating func checkStructure() {
        let c = calendar
        guard c.name == "VCALENDAR" else { problems.append("top component is \(c.name)"); return }
        if c.one("VERSION")?.value != "2.0" { problems.append("VERSION:2.0 missing") }
        if c.one("PRODID") == nil { problems.append("PRODID missing") }
        if c.one("CALSCALE")?.value != "GREGORIAN" { problems.append("CALSCALE:GREGORIAN missing") }
        let tz = c.children.filter { $0.name == "VTIMEZONE" }
        if tz.count != 1 || tz[0].one("TZID")?.value != "Asia/Shanghai" { problems.append("VTIMEZONE Asia/Shanghai missing") }
        else {
            let std = tz[0].children.filter { $0.name == "STANDARD" }
            if std.count != 1 || std[0].one("TZOFFSETFROM")?.value != "+0800" || std[0].one("TZOFFSETTO")?.value != "+0800"
                || std[0].one("DTSTART")?.value != "19700101T000000" { problems.append("STANDARD +0800 wrong") }
        }
        var uids: Set<String> = []
        for e in c.children where e.name == "VEVENT" {
            for n in ["UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "LOCATION"] where e.one(n) == nil { problems.append("VEVENT without one \(n)") }
            if let u = e.one("UID")?.value { if !uids.insert(u).inserted { problems.append("duplicate UID \(u)") } }
            if let s = e.one("DTSTAMP")?.value, s.range(of: #"^\d{8}T\d{6}Z$"#, options: .regularExpression) == nil { problems.append("DTSTAMP \(s)") }
            for n in ["DTSTART", "DTEND"] {
                if let p = e.one(n), p.params != "TZID=Asia/Shanghai" || p.value.range(of: #"^\d{8}T\d{6}$"#, options: .regularExpression) == nil {
                    problems.append("\(n);\(p.params):\(p.value)")
                }
            }
            if let s = e.one("DTSTART")?.value, let t = e.one("DTEND")?.value, !(s < t) { problems.append("DTEND before DTSTART") }
            for n in ["SUMMARY", "LOCATION", "DESCRIPTION", "UID"] {
                if let p = e.one(n), ICSChecker.unescape(p.value) == nil { problems.append("\(n) not escaped: \(p.value)") }
            }
        }
    }

    var events: [Component] { calendar.children.filter { $0.name == "VEVENT" } }
    func event(uid: String) -> Component? { events.first { $0.one("UID")?.value == uid } }
}

@Suite struct PersonCalendarTests {
    let files = try! OutputFixture.files().filter { $0.name.hasPrefix("ics/") }

    @Test func onePassingCalendarPerPerson() {
        #expect(files.map(\.name) == ["ics/city-a-0.ics", "ics/city-a-1.ics", "ics/city-a-2.ics", "ics/city-b-tcm0.ics",
                                      "ics/east-hosp-0.ics", "ics/east-hosp-1.ics", "ics/east-t1-0.ics", "ics/east-t1-1.ics",
                                      "ics/zz-ghost.ics"])
        for f in files {
            let c = ICSChecker(f.data)
            #expect(c.problems.isEmpty, "\(f.name): \(c.problems.prefix(5))")
            #expect(!c.events.isEmpty)
            // Folding never separates a backslash from the character it escapes.
            let split = c.physicalLines.filter { $0.reversed().prefix { $0 == 0x5C }.count % 2 == 1 }
            #expect(split.isEmpty, "\(f.name): \(split.count) lines end inside an escape")
        }
    }

    @Test func wholeDaysMergeHalfDaysDoNot() throws {
        let c = ICSChecker(try #require(files.first { $0.name == "ics/city-a-0.ics" }).data)
        let posting = try #require(c.event(uid: "city-a-0-2025-09-22-day@rota"))
        #expect(posting.one("DTSTART")?.value == "20250922T080000")
        #expect(posting.one("DTEND")?.value == "20250922T173000")
        #expect(posting.one("DTSTAMP")?.value == "20250922T000000Z")
        #expect(posting.one("SUMMARY")?.value == "驻点 east县人民医院")
        #expect(posting.one("LOCATION")?.value == "east县人民医院")
        let teach = try #require(c.event(uid: "city-a-0-2025-10-15-am@rota"))
        let lecture = try #require(c.event(uid: "city-a-0-2025-10-15-pm@rota"))
        #expect(teach.one("DTSTART")?.value == "20251015T080000" && teach.one("DTEND")?.value == "20251015T120000")
        #expect(lecture.one("DTSTART")?.value == "20251015T140000" && lecture.one("DTEND")?.value == "20251015T173000")
        #expect(ICSChecker.unescape(teach.one("DESCRIPTION")!.value) == "3331带教 3331 teaching\n地点 Site: \(OutputFixture.longSiteName) (east-t1-v1)")
        // One event per working day: the merged days and the split 3331 day.
        #expect(c.events.count == OutputFixture.workingDays.count + 1)
        #expect(c.event(uid: "city-a-0-2025-10-01-day@rota") == nil)
    }

    @Test func longChineseSummaryFoldsWithoutSplittingACharacter() throws {
        let data = try #require(files.first { $0.name == "ics/city-a-0.ics" }).data
        let c = ICSChecker(data)
        #expect(c.problems.isEmpty, "\(c.problems)")
        let e = try #require(c.event(uid: "city-a-0-2025-09-24-day@rota"))
        let summary = try #require(e.one("SUMMARY")?.value)
        #expect(ICSChecker.unescape(summary) == "3331巡诊 \(OutputFixture.longSiteName)")
        #expect(summary.contains("\\,"))
        // The SUMMARY line was folded: it is longer than one line can be.
        #expect("SUMMARY:\(summary)".utf8.count > 75)
        let start = try #require(c.physicalLines.firstIndex { $0.starts(with: Array("SUMMARY:3331巡诊".utf8)) })
        #expect(c.physicalLines[start + 1].first == 0x20)
        // Lines break as late as the 75 octets allow (a 3-octet character may leave 73 or 74).
        #expect(c.physicalLines[start].count >= 73)
    }

    @Test func textValuesAreEscaped() throws {
        let c = ICSChecker(try #require(files.first { $0.name == "ics/east-hosp-0.ics" }).data)
        let e = try #require(c.events.first)
        #expect(e.one("LOCATION")?.value == #"东县一镇，"幸福"村卫生室\; 分站"#)
        #expect(ICSChecker.unescape(e.one("DESCRIPTION")!.value)
                == "派驻 Stationing\n全天 Whole day 08:00–12:00, 14:00–17:30\n地点 Site: \(OutputFixture.awkwardSiteName) (east-t1-v2)")
        #expect(ICalendarText.escape("a\\b;c,d\r\ne\nf\u{7}") == #"a\\b\;c\,d\ne\nf"#)
    }

    @Test func foldingKeepsEveryLineWithin75Octets() {
        for n in 60...240 {
            let value = String(repeating: "医", count: n / 3) + String(repeating: "a", count: n % 3)
            var out = ""
            ICalendarText.fold("SUMMARY:" + value, into: &out)
            let lines = out.components(separatedBy: "\r\n").dropLast()
            #expect(lines.allSatisfy { $0.utf8.count <= 75 })
            #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
            #expect(lines.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined() == "SUMMARY:" + value)
        }
    }
}
