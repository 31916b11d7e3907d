import SplitReport
import SplitSim

/// `splitsim trace`: one run's control events in order.
enum TraceCommand: Command {
    static let name = "trace"
    static let summary = "Show one run's control events in plain language"
    static let help = """
        Usage: splitsim trace FILE --strategy NAME [--run K] [--seed S] [--format text|json]

        Runs one strategy of a scenario once and prints its control events in order: pods
        becoming ready or gone, steps, weight changes, analysis measurements, smoke tests,
        abort and promotion. Requests are not events; their effect shows in the shares.

        Options:
          --strategy NAME   the strategy's name as in the scenario (required)
          --run K           which run, 1-based (default 1); run K of compare uses the same draws
          --seed S          override the scenario's seed
          --format F        text (default) or json (one object per event)

        Example:
          splitsim trace scenarios/gateway-smoke-test.json --strategy "gateway + smoke test"

        """

    static func run(_ arguments: inout ArgumentList) throws(CLIError) {
        guard let strategyName = try arguments.value(of: "--strategy") else {
            throw arguments.usage("--strategy NAME is required")
        }
        let run = try arguments.integer("--run", in: 1...1_000_000) ?? 1
        let seed = try arguments.unsignedInteger("--seed")
        let format = try arguments.choice("--format", as: TextOrJSON.self) ?? .text
        let files = try arguments.positionals(known: ["--strategy", "--run", "--seed", "--format"])
        guard files.count == 1 else { throw arguments.usage("expected exactly one scenario FILE") }
        var scenario = try ScenarioFiles.load(files[0])
        if let seed { scenario.seed = seed }
        guard let strategy = scenario.strategies.first(where: { $0.name == strategyName }) else {
            let names = scenario.strategies.map(\.name)
            var message =
                "--strategy: no strategy named \"\(strategyName)\" in \(files[0]); expected one of: \(names.map { "\"\($0)\"" }.joined(separator: ", "))"
            if let near = ArgumentList.nearest(to: strategyName, among: names) {
                message += " (did you mean \"\(near)\"?)"
            }
            throw arguments.usage(message)
        }
        let result = Simulation.run(
            strategy, of: scenario, run: run - 1,
            traffic: Simulation.trafficModel(for: scenario), tracing: true)
        let events = result.trace ?? []
        Console.write(
            format == .json
                ? TraceRenderer.json(events, strategy: strategy.name, run: run) : TraceRenderer.text(events))
    }
}
