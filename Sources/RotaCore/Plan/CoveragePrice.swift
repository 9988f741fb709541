import Foundation

/// What coverage a plan bought with people beyond the fewest-people plan, and at what price.
///
/// When a scenario's `objective:` sets `person-dispatched` below `auto`, coverage may buy
/// people. `rota plan` then also plans with the default objective and compares: the extra
/// people dispatched, and the units of each soft rule's coverage gained (township centres
/// with a T2 team, eligible villages stationed, clinics supported, service areas with rounds).
///
/// ```swift
/// let price = CoveragePrice(plan: plan, minimum: fewestPeoplePlan, scenario: scenario)
/// print(price.render())
/// // Coverage bought beyond the fewest-people plan (37 people): 4 extra people for
/// //   +4 eligible villages stationed — 1.00 extra people per unit of coverage
/// ```
public struct CoveragePrice: Sendable, Hashable {
    public struct Unit: Sendable, Hashable {
        public var name: String
        /// Units this plan covers beyond the minimum plan (negative: fewer).
        public var gained: Int
    }
    /// People the minimum plan dispatches.
    public var minimumPeople: Int
    public var extraPeople: Int
    public var units: [Unit]

    public init(plan: Plan, minimum: Plan, scenario: Scenario) {
        func people(_ p: Plan) -> Int { Set(p.teams.flatMap(\.members) + p.villageHelpers.map(\.person)).count }
        let a = PlanQuality(plan: plan, scenario: scenario), b = PlanQuality(plan: minimum, scenario: scenario)
        minimumPeople = people(minimum)
        extraPeople = people(plan) - minimumPeople
        units = [
            Unit(name: "township centres with a T2 team", gained: a.townships.covered - b.townships.covered),
            Unit(name: "eligible villages stationed", gained: a.villages.covered - b.villages.covered),
            Unit(name: "clinics without a licensed physician supported", gained: a.clinics.covered - b.clinics.covered),
            Unit(name: "service areas with rounds", gained: a.areas.covered - b.areas.covered),
        ]
    }

    /// Extra people per unit of coverage gained in all (nil when nothing was gained).
    public var peoplePerUnit: Double? {
        let gained = units.map(\.gained).reduce(0, +)
        return gained > 0 ? Double(extraPeople) / Double(gained) : nil
    }

    public func render() -> String {
        let changed = units.filter { $0.gained != 0 }.map { "\($0.gained > 0 ? "+" : "")\($0.gained) \($0.name)" }
        var text = "Coverage bought beyond the fewest-people plan (\(minimumPeople) people): \(extraPeople) extra people for "
            + (changed.isEmpty ? "no more coverage" : changed.joined(separator: ", "))
        if let price = peoplePerUnit { text += String(format: " — %.2f extra people per unit of coverage", price) }
        return text
    }
}
