import Foundation
import Testing

@Suite struct PlanCommandTests {
    @Test func helpTextIsExact() throws {
        let r = try RotaProcess.run(["plan", "--help"])
        #expect(r.status == 0)
        #expect(r.stdout == """
        OVERVIEW: Plan a year of dispatch and its half-day rota for a scenario, and
        write them.

        Exit 0 with a plan, 1 when no compliant plan exists (the rules that collide are
        named), 2 for bad input, 3 when the solver stops without a plan.

        USAGE: rota plan <scenario> [--out <out>] [--time-limit <time-limit>] [--gap <gap>] [--write-model <write-model>] [--quiet]

        ARGUMENTS:
          <scenario>              The scenario YAML file.

        OPTIONS:
          --out <out>             Folder for the outputs (default: out/<scenario name>).
          --time-limit <time-limit>
                                  Seconds the solver may search. (default: 60.0)
          --gap <gap>             Relative MIP gap at which a plan is good enough, e.g.
                                  0.01 for 1%. (default: 0.01)
          --write-model <write-model>
                                  Also write the models solved, as MPS files, into this
                                  folder.
          --quiet                 Print no progress and no summary.
          --version               Show the version.
          -h, --help              Show help information.


        """)
    }

    @Test func aWrongOptionIsExitTwo() throws {
        let r = try RotaProcess.run(["plan", "x.yaml", "--gap", "2"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--gap must be at least 0 and below 1"))
        let unknown = try RotaProcess.run(["plan", "x.yaml", "--colour"])
        #expect(unknown.status == 2)
    }
}
