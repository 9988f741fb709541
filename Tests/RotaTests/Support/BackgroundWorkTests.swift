import Foundation
import Testing
@testable import Rota
@testable import RotaCore
@testable import RotaOutput

@Suite struct BackgroundWorkTests {
    struct Refused: Error, Equatable {}

    /// The work's value, or its error, whenever it is asked for — and again.
    @Test func givesTheWorksValueOrItsError() throws {
        let sum = BackgroundWork { (1...1000).reduce(0, +) }
        #expect(try sum.value() == 500500)
        #expect(try sum.value() == 500500)
        let failing = BackgroundWork<Int> { throw Refused() }
        #expect(throws: Refused.self) { try failing.value() }
    }

    /// `rota plan` makes the files that do not show the verification beside it, and the report
    /// pages after it: the files are those `render` makes after the fact, in the same order
    /// and with the same bytes.
    @Test func filesMadeBesideTheVerificationAreThoseRenderMakes() throws {
        let year = try #require(ReportPagesFixture.year)
        let pipeline = PlanPipeline(scenario: ReportPagesFixture.scenario)
        let rendered = try pipeline.render(plan: year.plan, rota: year.rota, report: year.verified.report)
        let made = year.files.filter { OutputSelection.set(of: $0.name) != .plan }
        #expect(rendered.count > 5)
        #expect(made.map(\.name) == rendered.map(\.name))
        #expect(made.map(\.contents.bytes) == rendered.map(\.contents.bytes))
        #expect(made.map(\.name).last.map { $0.hasPrefix("report") } == true)
    }
}
