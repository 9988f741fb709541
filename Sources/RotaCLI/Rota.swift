import Foundation
import ArgumentParser
import Rota

struct RotaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rota",
        abstract: "Plans and verifies medical dispatch to county, township and village health services.",
        discussion: "Exit codes: 0 done, 1 no compliant plan or a rule broken, 2 bad input or command line, 3 solver stopped without an answer.",
        version: RotaVersion.current,
        subcommands: [PlanCommand.self, VerifyCommand.self, GenerateCommand.self,
                      CheckProofCommand.self, SignCommand.self, KeygenCommand.self, AuditCommand.self,
                      SuggestCommand.self, ReplanCommand.self, ServeCommand.self, TemplateCommand.self]
    )
}

/// Runs the command line with the exit codes of the scenario spec: a wrong command line is
/// exit 2 (ArgumentParser's own default would be 64).
@main
enum RotaMain {
    static func main() {
        do {
            var command = try RotaCommand.parseAsRoot()
            try command.run()
        } catch {
            let code = RotaCommand.exitCode(for: error)
            if code == .validationFailure {
                let message = RotaCommand.fullMessage(for: error)
                FileHandle.standardError.write(Data((message + "\n").utf8))
                Foundation.exit(2)
            }
            RotaCommand.exit(withError: error)
        }
    }
}
