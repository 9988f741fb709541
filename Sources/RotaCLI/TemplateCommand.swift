import Foundation
import ArgumentParser
import Rota

struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Write an Excel workbook to fill in with a scenario: institutions, villages, staff and calendar.",
        discussion: "Chinese headers, drop-down lists for tiers, roles and titles, an example row on each sheet. Plan the filled workbook directly: rota plan FILE.xlsx. Exit 0 when written, 2 for a bad command line, 4 when the file cannot be written."
    )

    @Argument(help: "The workbook to write (a name ending in .xlsx).")
    var output: String

    @Flag(name: .long, help: "Replace the file if it exists.")
    var force = false

    func validate() throws {
        guard output.lowercased().hasSuffix(".xlsx") else { throw ValidationError("the workbook's name must end in .xlsx (got \(output))") }
        guard force || !FileManager.default.fileExists(atPath: output) else {
            throw ValidationError("\(output) exists; choose another name or add --force to replace it")
        }
    }

    func run() throws {
        try replaceFileOrExit(output, with: .data(try ScenarioTemplate.data()), command: "template")
        print("Wrote \(output): fill in the sheets 方案, 县区, 单位, 村卫生室, 人员 and 日历 (see 说明), then run: rota plan \(output)")
    }
}
