/// How close a T1/T2 team's mix of staff groups is to its sender's candidates (issue 10).
///
/// A team's members fall into three staff groups (doctors, nurses, medical-technical). The
/// mix is balanced when no group's count in a team exceeds (its share of the sender's listed
/// candidates + the tolerance) × the team's size; the tolerance is the objective's
/// `team-mix-tolerance` in share points (default 25). The planner weighs each person beyond
/// the limit (`team-mix-excess`); the plan quality section reports teams beyond it.
///
/// ```swift
/// // 菏泽市中医医院 lists 40% doctors: a team of 7 may hold ⌊(0.40 + 0.25) × 7⌋ = 4 doctors.
/// TeamMix.isWithin(count: 5, of: .doctors, size: 7, candidates: staff, tolerance: 0.25)   // false
/// ```
public enum TeamMix {
    /// The largest share of a team the group may hold: its share of `candidates` plus
    /// `tolerance` (1 or more means no limit).
    public static func limitShare(group: StaffGroup, candidates: [StaffMember], tolerance: Double) -> Double {
        guard !candidates.isEmpty else { return 1 }
        let inGroup = candidates.filter { $0.role.group == group }.count
        return Double(inGroup) / Double(candidates.count) + tolerance
    }

    /// Whether `count` members of `group` in a team of `size` stay within the limit.
    public static func isWithin(count: Int, of group: StaffGroup, size: Int, candidates: [StaffMember], tolerance: Double) -> Bool {
        Double(count) <= limitShare(group: group, candidates: candidates, tolerance: tolerance) * Double(size) + 1e-9
    }
}
