import Foundation
import SplitSim

/// `splitsim init [FILE]`: writes a starter scenario.
enum InitCommand: Command {
    static let name = "init"
    static let summary = "Write a starter scenario to edit"
    static let help = """
        Usage: splitsim init [FILE] [--force]

        Writes a small, valid scenario that compares four strategies, with a "description" on
        each part saying what it means. With no FILE, prints it. An existing FILE is kept
        unless --force is given.

        Example:
          splitsim init my-service.json && splitsim compare my-service.json

        """

    static func run(_ arguments: inout ArgumentList) throws(CLIError) {
        let force = arguments.flag("--force")
        let files = try arguments.positionals(known: ["--force"])
        guard files.count <= 1 else { throw arguments.usage("expected at most one FILE") }
        guard let file = files.first else {
            Console.write(StarterScenario.text + "\n")
            return
        }
        if FileManager.default.fileExists(atPath: file) && !force {
            throw .cannotCreateOutput("splitsim init: \(file) already exists; use --force to overwrite it")
        }
        try Console.write(StarterScenario.text + "\n", toFile: file)
        Console.writeError("wrote \(file); try: splitsim compare \(file)")
    }
}
