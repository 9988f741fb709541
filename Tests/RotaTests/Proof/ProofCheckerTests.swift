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

/// Proofs of the verification fixture (a compliant plan) and what tampering `ProofChecker` catches.
@Suite struct ProofCheckerTests {
    let scenario = Fixture.scenario
    let plan = Fixture.plan

    private func proof(of plan: Plan? = nil, scenario: Scenario? = nil) -> ComplianceProof {
        let s = scenario ?? self.scenario, p = plan ?? self.plan
        return ProofWriter.proof(scenario: s, plan: p, report: PlanVerifier(scenario: s).verify(p))
    }

    /// The proof after a round trip through its file form, edited as a JSON value.
    private func edited(_ proof: ComplianceProof, _ edit: (inout ComplianceProof) -> Void) -> ComplianceProof {
        var copy = try! ComplianceProof.decode(try! proof.fileData())
        edit(&copy)
        return copy
    }

    private func index(_ proof: ComplianceProof, _ key: String) -> Int {
        proof.instances.firstIndex { $0.instance == key }!
    }

    @Test func proofOfACompliantPlanChecksClean() throws {
        let p = proof()
        #expect(p.verdict == .pass)
        #expect(p.summary.failed == 0)
        #expect(p.summary.instances == p.instances.count)
        #expect(p.instances.count > 50)
        #expect(p.format == "rota-proof/2")
        #expect(p.ruleCatalogue == Profile.catalogueVersion)
        #expect(p.rotaVersion == RotaVersion.current)
        #expect(p.digests["scenario"] == ScenarioCanonicalForm.sha256(scenario))
        #expect(p.digests["plan"] == Digest.hex(try plan.jsonData()))
        #expect(ProofChecker.check(scenario: scenario, plan: plan, proof: p).isEmpty)
        // …and so does its file form read back.
        let reread = try ComplianceProof.decode(try p.fileData())
        #expect(reread == p)
        #expect(ProofChecker.check(scenario: scenario, plan: plan, proof: reread).isEmpty)
    }

    @Test func instancesCarryRuleParametersQuantitiesArithmeticAndWitnesses() throws {
        let p = proof()
        let quota = try #require(p.instances.first { $0.instance == "T1.quota[hz-municipal]" })
        #expect(quota.rule == "T1.quota")
        #expect(quota.parameters == ["T1.quota": .decimal("1.2")])
        #expect(quota.quantities.first { $0.name == "technicalStaff" }?.value == 1000)
        #expect(quota.arithmetic.contains("⌈1.2% × 1000⌉ = 12"))
        #expect(quota.quote.contains("1.2%"))
        #expect(quota.verdict == .pass)
        let size = try #require(p.instances.first { $0.rule == "T1.team-size" })
        #expect(size.parameters == ["T1.team-size": .integer(6)])
        #expect(size.witnesses.contains { $0.kind == .person })
        let header = String(decoding: try p.lines().header, as: UTF8.self)
        #expect(header.contains(#""parameters":{"T1.quota":"1.2"}"#))
        #expect(header.contains(#""parameters":{"T1.team-size":6}"#))
    }

    @Test func proofBytesAreDeterministic() throws {
        #expect(try proof().fileData() == proof().fileData())
    }

    @Test func failingPlanGivesAFailingProofThatStillChecksClean() {
        var bad = plan
        bad.editTeam(Fixture.TA) { $0.members.removeLast() }
        let p = proof(of: bad)
        #expect(p.verdict == .fail)
        #expect(p.summary.failed > 0)
        #expect(ProofChecker.check(scenario: scenario, plan: bad, proof: p).isEmpty)
    }

    @Test func changedQuantityIsCaught() {
        let p = proof()
        let key = "T1.quota[hz-municipal]"
        let tampered = edited(p) { proof in
            let i = proof.instances.firstIndex { $0.instance == key }!
            let q = proof.instances[i].quantities.firstIndex { $0.name == "technicalStaff" }!
            proof.instances[i].quantities[q].value = 900
        }
        let m = ProofChecker.check(scenario: scenario, plan: plan, proof: tampered)
        #expect(m == [ProofMismatch(instance: key, field: "quantity technicalStaff", proofValue: "900", recomputedValue: "1000")])
        #expect(m[0].description == "T1.quota[hz-municipal]: quantity technicalStaff: the proof says 900, recomputed 1000")
    }

    @Test func droppedWitnessIsCaught() throws {
        let p = proof()
        let key = try #require(p.instances.first { $0.rule == "T1.team-size" }).instance
        var dropped: Witness?
        let tampered = edited(p) { proof in
            let i = proof.instances.firstIndex { $0.instance == key }!
            let w = proof.instances[i].witnesses.firstIndex { $0.kind == .person }!
            dropped = proof.instances[i].witnesses.remove(at: w)
        }
        let m = ProofChecker.check(scenario: scenario, plan: plan, proof: tampered)
        #expect(m.count == 1)
        #expect(m.first?.instance == key)
        #expect(m.first?.field == "witness")
        #expect(m.first?.proofValue == ProofMismatch.absent)
        #expect(m.first?.recomputedValue.contains(dropped!.id) == true)
    }

    @Test func editedVerdictIsCaught() {
        var bad = plan
        bad.editTeam(Fixture.TA) { $0.members.removeLast() }
        let p = proof(of: bad)
        let failing = p.instances.filter { $0.verdict == .fail }
        // The hospital flips every failure to pass and the overall verdict with them.
        let tampered = edited(p) { proof in
            for i in proof.instances.indices { proof.instances[i].verdict = .pass }
            proof.verdict = .pass
            proof.summary = ProofSummary(instances: proof.instances.count, passed: proof.instances.count, failed: 0)
        }
        let m = ProofChecker.check(scenario: scenario, plan: bad, proof: tampered)
        #expect(Set(m.filter { $0.field == "verdict" }.compactMap(\.instance)) == Set(failing.map(\.instance)))
        #expect(m.contains(ProofMismatch(instance: nil, field: "overall verdict", proofValue: "pass", recomputedValue: "fail")))
        #expect(m.contains { $0.field == "instances failed" })
    }

    @Test func editedArithmeticIsCaught() {
        let p = proof()
        let key = "T1.quota[hz-municipal]"
        let original = p.instances[index(p, key)].arithmetic
        let tampered = edited(p) { proof in
            proof.instances[index(proof, key)].arithmetic = original.replacingOccurrences(of: "= 12", with: "= 11")
        }
        #expect(ProofChecker.check(scenario: scenario, plan: plan, proof: tampered)
                == [ProofMismatch(instance: key, field: "arithmetic", proofValue: original.replacingOccurrences(of: "= 12", with: "= 11"),
                                  recomputedValue: original)])
    }

    @Test func editedParameterAndDroppedOrAddedInstancesAreCaught() {
        let p = proof()
        let key = "T1.quota[hz-municipal]"
        let tampered = edited(p) { proof in
            proof.instances[index(proof, key)].parameters["T1.quota"] = .decimal("1.0")
            let dropped = proof.instances.remove(at: index(proof, "REGION.total[heze-mini-2025]"))
            var extra = dropped
            extra.instance = "REGION.total[elsewhere]"
            proof.instances.append(extra)
        }
        let m = ProofChecker.check(scenario: scenario, plan: plan, proof: tampered)
        #expect(m.contains(ProofMismatch(instance: key, field: "parameter T1.quota", proofValue: "\"1.0\"", recomputedValue: "\"1.2\"")))
        #expect(m.contains { $0.instance == "REGION.total[heze-mini-2025]" && $0.field == "instance" && $0.proofValue == ProofMismatch.absent })
        #expect(m.contains { $0.instance == "REGION.total[elsewhere]" && $0.recomputedValue == ProofMismatch.absent })
    }

    @Test func planEditedAfterProvingIsCaught() {
        let p = proof()
        var changed = plan
        changed.editTeam(Fixture.TA) { $0.members.removeAll { $0 == "hzm-a-t1" } }   // a dropped person
        let m = ProofChecker.check(scenario: scenario, plan: changed, proof: p)
        #expect(m.contains { $0.instance == nil && $0.field == "digest plan" })
        #expect(!m.contains { $0.field == "digest scenario" })
        // The verifier's own findings differ too: the team is now 5.
        #expect(m.contains { $0.instance?.hasPrefix("T1.team-size") == true && $0.field == "verdict" })
    }

    @Test func planEditedInAWayTheVerifierDoesNotSeeIsStillCaughtByTheDigest() {
        let p = proof()
        var changed = plan
        changed.coverage.townshipsWithoutTeam = ["cao-hanji"]
        #expect(ProofChecker.check(scenario: scenario, plan: changed, proof: p).map(\.field) == ["digest plan"])
    }

    @Test func scenarioEditedAfterProvingIsCaught() {
        let p = proof()
        var changed = scenario
        changed.institutions[0].technicalStaff = 900
        let m = ProofChecker.check(scenario: changed, plan: plan, proof: p)
        #expect(m.first?.field == "digest scenario")
        #expect(m.contains(ProofMismatch(instance: "T1.quota[hz-municipal]", field: "quantity technicalStaff",
                                         proofValue: "1000", recomputedValue: "900")))
    }

    @Test func solverFiguresAreHeldToPlanJSON() {
        var solved = plan
        solved.solver = PlanSolver(status: "optimal", objective: 41.5, bound: 41.5, gap: 0, models: 2, rows: 100, columns: 80, integerColumns: 60)
        let p = proof(of: solved)
        #expect(p.solver == ProofSolver(status: "optimal", objective: 41.5, bound: 41.5, gap: 0))
        #expect(ProofChecker.check(scenario: scenario, plan: solved, proof: p).isEmpty)
        let tampered = edited(p) { $0.solver?.gap = 0.0001 }
        #expect(ProofChecker.check(scenario: scenario, plan: solved, proof: tampered)
                == [ProofMismatch(instance: nil, field: "solver gap", proofValue: "0.0001", recomputedValue: "0")])
    }

    /// The file check: an unchanged file is confirmed byte for byte; each kind of change is
    /// named on its line or its instance; a field outside the format is refused on its line.
    @Test func aProofFileIsCheckedLineByLine() throws {
        let p = proof()
        let lines = try p.lines()
        func check(_ header: [UInt8], _ instances: [[UInt8]]) throws(InputError) -> [ProofMismatch] {
            try ProofChecker.check(file: GzipStream.compress([header] + instances), path: "p.gz", recomputed: p).mismatches
        }
        func edit(_ line: [UInt8], _ from: String, _ to: String) -> [UInt8] {
            Array(String(decoding: line, as: UTF8.self).replacingOccurrences(of: from, with: to).utf8)
        }
        #expect(try check(lines.header, lines.instances).isEmpty)
        let k = index(p, "T1.quota[hz-municipal]")
        // A verdict changed on one line.
        var instances = lines.instances
        instances[k] = edit(instances[k], #""verdict":"pass""#, #""verdict":"fail""#)
        #expect(try check(lines.header, instances) == [ProofMismatch(instance: "T1.quota[hz-municipal]", field: "verdict", proofValue: "fail", recomputedValue: "pass")])
        // The same line, not in canonical form (a space): named by its line; nothing else differs.
        instances = lines.instances
        instances[k] = edit(instances[k], #"{"arithmetic""#, #"{ "arithmetic""#)
        #expect(try check(lines.header, instances).map(\.field) == ["line \(k + 2)"])
        // A rule's quote changed once in the header: every instance of the rule now quotes it.
        let quote = p.instances[k].quote
        let forged = try check(edit(lines.header, quote, "每家医院自定"), lines.instances)
        #expect(!forged.isEmpty)
        #expect(forged.allSatisfy { $0.field == "quote" && $0.proofValue == "每家医院自定" })
        #expect(forged.count == p.instances.filter { $0.quote == quote }.count)
        // An instance dropped, one duplicated.
        instances = lines.instances
        instances.remove(at: k)
        // (It was the fixture's one T1.quota instance, so the header's rules table now lists a
        // rule no instance names.)
        #expect(try check(lines.header, instances) == [
            ProofMismatch(instance: "T1.quota[hz-municipal]", field: "instance", proofValue: ProofMismatch.absent, recomputedValue: "T1.quota instance, verdict pass"),
            ProofMismatch(instance: nil, field: "rules table", proofValue: "rule T1.quota, named by no instance", recomputedValue: ProofMismatch.absent)])
        instances = lines.instances + [lines.instances[k]]
        #expect(try check(lines.header, instances).map(\.field) == ["instance"])
        // A field the format does not have: refused on its line, not checked and not signed.
        instances = lines.instances
        instances[k] = edit(instances[k], #"{"arithmetic""#, #"{"approvedBy":"菏泽市卫健委","arithmetic""#)
        #expect(throws: InputError.self) { try check(lines.header, instances) }
        do { _ = try check(lines.header, instances) } catch {
            #expect(error.diagnostics.map(\.description) == ["p.gz:\(k + 2): approvedBy: unknown field (expected only the fields of docs/proof-format.md)"])
        }
    }

    @Test func versionsAreCompared() {
        let tampered = edited(proof()) { $0.rotaVersion = "0.0.9"; $0.ruleCatalogue = "rules-2023.1" }
        #expect(ProofChecker.check(scenario: scenario, plan: plan, proof: tampered).map(\.field) == ["rota version", "rule catalogue"])
    }
}
