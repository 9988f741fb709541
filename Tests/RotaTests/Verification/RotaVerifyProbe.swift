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

/// Opt-in scale probe of the rota verifier: `ROTA_VERIFY_PROBE=SCENARIO.yaml:PLAN.json swift
/// test --filter rotaVerifyProbe` writes a naive rota for the plan (postings, 3331 visits on
/// three spread days a month with same-role covers, stationing every morning, the weekly
/// part-time duties in the first free half-days, no leave covers for part-time duties), times
/// the verifier and prints what fails per family. Not a compliance test: leave weeks of
/// part-time duties are expected to show as shortfalls.
@Test(.enabled(if: ProcessInfo.processInfo.environment["ROTA_VERIFY_PROBE"] != nil))
func rotaVerifyProbe() throws {
    let paths = ProcessInfo.processInfo.environment["ROTA_VERIFY_PROBE"]!.split(separator: ":").map(String.init)
    let scenario = try ScenarioReader.read(path: paths[0])
    let plan = try PlanReader.read(path: paths[1])
    let t0 = Date()
    let entries = NaiveRota.entries(scenario, plan)
    let t1 = Date()
    let checks = RotaVerifier(scenario: scenario, plan: plan).verify(entries: entries)
    let t2 = Date()
    print("entries \(entries.count) written in \(t1.timeIntervalSince(t0)) s; \(checks.count) checks in \(t2.timeIntervalSince(t1)) s")
    var fails: [String: [RuleCheck]] = [:]
    for c in checks where !c.passed { fails[c.rule, default: []].append(c) }
    for (rule, list) in fails.sorted(by: { $0.key < $1.key }) {
        print("\(rule): \(list.count) failed, e.g. \(list[0].instance): \(list[0].finding)")
    }
    if paths.count > 2 {
        try Data(RotaCSVText.write(entries).utf8).write(to: URL(fileURLWithPath: paths[2]))
    }
}

enum NaiveRota {
    static func entries(_ s: Scenario, _ plan: Plan) -> [RotaEntry] {
        let staff = s.staffIndex(), inst = s.institutionIndex()
        let working = s.period.days.filter { s.calendar.isWorkingDay($0) }
        func onLeave(_ p: String, _ d: Day) -> Bool { staff[p]?.unavailable.contains { $0.contains(d) } ?? false }
        func range(_ a: String, _ b: String) -> DayRange { DayRange(from: Day(iso: a)!, to: Day(iso: b)!) }
        var slots: [String: RotaEntry] = [:]   // "person|date|half"
        func put(_ p: String, _ d: Day, _ h: HalfDay, _ site: String, _ a: RotaActivity) {
            slots["\(p)|\(d.iso)|\(h.rawValue)"] = RotaEntry(person: p, date: d.iso, half: h, site: site, activity: a)
        }
        func free(_ p: String, _ d: Day, _ h: HalfDay) -> Bool { slots["\(p)|\(d.iso)|\(h.rawValue)"] == nil && !onLeave(p, d) }

        for t in plan.teams {
            let r = range(t.start, t.end)
            for d in working where r.contains(d) {
                for m in t.members where !onLeave(m, d) { for h in HalfDay.allCases { put(m, d, h, t.recipient, .posting) } }
            }
            guard let g = t.group3331 else { continue }
            var byMonth: [String: [Day]] = [:]
            for d in working where r.contains(d) { byMonth[d.monthKey, default: []].append(d) }
            var mode = 0
            let modes: [RotaActivity] = [.rounds3331, .teaching3331, .lecture3331]
            for (_, days) in byMonth.sorted(by: { $0.key < $1.key }) {
                for k in 0..<min(3, days.count) {
                    let d = days[k * days.count / min(3, days.count)]
                    for (role, holder) in [(Role.doctor, g.doctor), (.nurse, g.nurse), (.pharmacist, g.pharmacist)] {
                        let who = onLeave(holder, d)
                            ? t.members.first { staff[$0]?.role == role && $0 != holder && !onLeave($0, d) }
                            : holder
                        if let who { for h in HalfDay.allCases { put(who, d, h, g.workstation, modes[mode % 3]) } }
                    }
                    mode += 1
                }
            }
        }
        var weeks: [[Day]] = []
        for d in working {
            if let last = weeks.last?.last, last.weekStart == d.weekStart { weeks[weeks.count - 1].append(d) } else { weeks.append([d]) }
        }
        for h in plan.villageHelpers where h.form == .station {
            let r = range(h.start, h.end)
            for d in working where r.contains(d) && free(h.person, d, .am) { put(h.person, d, .am, h.site, .station) }
        }
        for c in plan.tcmClinics {
            let r = range(c.start, c.end)
            for week in weeks {
                // The first half-day that is free or the physician's own posting at the centre.
                let options = week.filter { r.contains($0) && !onLeave(c.physician, $0) }.flatMap { d in [HalfDay.pm, .am].map { (d, $0) } }
                guard let (d, h) = options.first(where: { d, h in
                    let e = slots["\(c.physician)|\(d.iso)|\(h.rawValue)"]
                    return e == nil || (e!.activity == .posting && e!.site == c.centre)
                }) else { continue }
                put(c.physician, d, h, c.centre, .tcmClinic)
            }
        }
        var rotation: [String: Int] = [:]
        var helpersIn: [String: Int] = [:]
        for h in plan.villageHelpers where h.form == .rounds { helpersIn[h.site, default: 0] += 1 }
        for h in plan.villageHelpers where h.form != .station {
            let r = range(h.start, h.end)
            let clinics = h.form == .rounds
                ? s.institutions.filter { $0.tier == .village && $0.effectiveServiceArea == h.site }.map(\.id).sorted()
                : [h.site]
            guard !clinics.isEmpty else { continue }
            // Enough sessions for the area's helpers to visit every clinic every two weeks.
            let count = h.form == .rounds ? max(3, (clinics.count + 2 * helpersIn[h.site]! - 1) / (2 * helpersIn[h.site]!) + 1) : 2
            for week in weeks {
                var n = 0
                for d in week where r.contains(d) {
                    for half in HalfDay.allCases where n < count && free(h.person, d, half) {
                        let i = rotation[h.site, default: 0]
                        rotation[h.site] = i + 1
                        put(h.person, d, half, clinics[i % clinics.count], h.form == .rounds ? .rounds : .techSupport)
                        n += 1
                    }
                }
            }
        }
        _ = inst
        return slots.values.sorted()
    }
}
