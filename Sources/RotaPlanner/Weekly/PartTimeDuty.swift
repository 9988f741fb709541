import RotaCore
import RotaInput
import RotaSolver
/// One weekly part-time duty of the plan, as the week models place it into half-day slots.
///
/// - `rounds` (T3.rounds): one helper, sessions at the clinics of their service area;
/// - `techSupport` (T3.tech-support): one helper, visits to their clinic;
/// - `tcm` (TCM.weekly): one centre, clinics by its plan physician(s) jointly.
///
/// `coverCandidates` are the colleagues who may stand in on the week someone's leave leaves
/// the duty short (rules.md, "Leave and postings"); they are only listed when one of the
/// duty's people has leave in the period.
struct PartTimeDuty: Sendable {
    enum Kind: String, Sendable { case rounds, techSupport = "tech-support", tcm }

    let kind: Kind
    /// Who the requirement belongs to: the helper (rounds, tech support) or the centre (TCM).
    let subject: String
    /// The people who hold it, with their terms clipped to the period.
    let holders: [(person: String, term: DayRange)]
    /// Where sessions go: the area's clinics, the clinic, or the centre.
    let sites: [String]
    /// Rounds only: the service area.
    let area: String?
    var coverCandidates: [String]

    /// The rule id the duty's rows and reports carry.
    var rule: String {
        switch kind {
        case .rounds: return "T3.rounds"
        case .techSupport: return "T3.tech-support"
        case .tcm: return "TCM.weekly"
        }
    }

    var activity: RotaActivity {
        switch kind {
        case .rounds: return .rounds
        case .techSupport: return .techSupport
        case .tcm: return .tcmClinic
        }
    }

    /// The span of all holders' terms.
    var term: DayRange {
        DayRange(from: holders.map(\.term.from).min()!, to: holders.map(\.term.to).max()!)
    }

    /// A stable key for carried state.
    var key: String { "\(kind.rawValue):\(subject)" }
}
