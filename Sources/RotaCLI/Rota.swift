import ArgumentParser
import Rota

@main
struct RotaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rota",
        abstract: "Plans and verifies medical dispatch to county, township and village health services.",
        subcommands: [GenerateCommand.self]
    )
}
