import Foundation

/// A progress line on standard error while a long command works: which scenario, runs done of
/// the total, time elapsed and an estimate of the time left.
///
/// It is drawn only when standard error is a terminal, and only once the work has taken more
/// than a second; it is redrawn in place and erased when the work ends. The library reports no
/// progress within a scenario, so the line advances scenario by scenario, and the estimate
/// weighs each scenario by the requests it simulates.
final class ProgressLine: @unchecked Sendable {
    /// Seconds of work before the line first appears.
    static let delay = 1.0
    /// Seconds between redraws.
    static let interval = 0.5

    private let lock = NSLock()
    private let label: String
    private let unit: String
    private let scenarioCount: Int
    private let totalRuns: Int
    private let totalWork: Double
    private let start = DispatchTime.now()
    private var scenario = 0
    private var runsDone = 0
    private var workDone = 0.0
    private var shownWidth = 0
    private var timer: DispatchSourceTimer?

    /// Starts a progress line, or returns nil when standard error is not a terminal.
    ///
    /// - Parameters:
    ///   - runs: the runs of each scenario (runs × strategies).
    ///   - work: the relative cost of each scenario, e.g. the requests it simulates.
    ///   - unit: what the items are called on the line: scenarios, or a sweep's points.
    static func start(_ label: String, runs: [Int], work: [Double], unit: String = "scenario") -> ProgressLine? {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        let line = ProgressLine(label: label, runs: runs, work: work, unit: unit)
        let timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
        timer.schedule(deadline: .now() + delay, repeating: interval)
        timer.setEventHandler { [line] in line.draw() }
        line.timer = timer
        timer.resume()
        return line
    }

    private init(label: String, runs: [Int], work: [Double], unit: String) {
        self.unit = unit
        self.label = label
        scenarioCount = runs.count
        totalRuns = runs.reduce(0, +)
        totalWork = work.reduce(0, +)
    }

    /// Marks scenario `index` (from 0) as under way.
    func begin(scenario index: Int) {
        locked { scenario = index }
    }

    /// Marks a scenario of `runs` runs and relative cost `work` as done.
    func finish(runs: Int, work: Double) {
        locked {
            runsDone += runs
            workDone += work
        }
    }

    /// Writes one line to standard error above the progress line.
    func note(_ line: String) {
        locked {
            erase()
            Console.writeError(line)
        }
    }

    /// Stops redrawing and erases the line.
    func stop() {
        locked {
            timer?.cancel()
            timer = nil
            erase()
        }
    }

    private func draw() {
        locked {
            guard timer != nil else { return }
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            var text =
                "\(label): \(unit) \(min(scenario + 1, scenarioCount))/\(scenarioCount), "
                + "\(runsDone)/\(totalRuns) runs, \(Self.clock(elapsed)) elapsed"
            if workDone > 0, totalWork > workDone {
                text += ", ETA \(Self.clock(elapsed * (totalWork - workDone) / workDone))"
            }
            let padding = String(repeating: " ", count: max(0, shownWidth - text.count))
            FileHandle.standardError.write(Data(("\r" + text + padding).utf8))
            shownWidth = text.count
        }
    }

    /// Erases the line, if it is shown; the caller holds the lock.
    private func erase() {
        guard shownWidth > 0 else { return }
        FileHandle.standardError.write(Data(("\r" + String(repeating: " ", count: shownWidth) + "\r").utf8))
        shownWidth = 0
    }

    /// Runs `body` holding the lock.
    private func locked(_ body: () -> Void) {
        lock.lock()
        defer { lock.unlock() }
        body()
    }

    /// `m:ss`, or `h:mm:ss` from an hour.
    private static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        let (hours, minutes, rest) = (total / 3600, total / 60 % 60, total % 60)
        let twoDigits = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return hours > 0 ? "\(hours):\(twoDigits(minutes)):\(twoDigits(rest))" : "\(minutes):\(twoDigits(rest))"
    }
}
