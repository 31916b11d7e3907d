/// A line of a plan or shard file read back: what `sweep run` needs of a plan line and
/// what `sweep merge` needs of a result line.
public struct SweepLine: Sendable {
    /// The point's id and index.
    public var id: String
    public var index: Int
    /// The plan's point count and fingerprint.
    public var points: Int
    public var fingerprint: String
    /// The scenario file and name.
    public var file: String
    /// Every axis's path and this point's value, in axis order.
    public var vary: [(path: String, value: String)]
    /// The line's whole tree, for the fields only one kind of line has.
    public var node: JSONNode

    /// Parses one line; `file` and `number` name it in errors.
    ///
    /// - Throws: ``SweepError/badLine(file:line:_:)`` for a line `sweep` did not write.
    public init(parsing text: String, file sourceFile: String, number: Int) throws(SweepError) {
        let node: JSONNode
        do {
            node = try JSONNode(parsing: text)
        } catch {
            throw .badLine(file: sourceFile, line: number, "not JSON (\(error.description))")
        }
        let fail = { (what: String) in
            SweepError.badLine(
                file: sourceFile, line: number, "\(what); expected a line that sweep plan or sweep run wrote")
        }
        guard case .string(let id)? = node["id"]?.value else { throw fail("no \"id\" string") }
        guard case .number(let index)? = node["index"]?.value, let index = index.integerValue, index >= 0 else {
            throw fail("no \"index\" count")
        }
        guard case .number(let points)? = node["points"]?.value, let points = points.integerValue, points > index
        else { throw fail("no \"points\" count above the index") }
        guard case .string(let fingerprint)? = node["plan"]?.value else { throw fail("no \"plan\" fingerprint") }
        guard case .string(let scenarioFile)? = node["file"]?.value else { throw fail("no \"file\" string") }
        guard let members = node["vary"]?.members else { throw fail("no \"vary\" object") }
        var vary: [(path: String, value: String)] = []
        for member in members {
            guard case .string(let value) = member.value.value else { throw fail("vary \(member.key) is not a string") }
            vary.append((member.key, value))
        }
        guard id == SweepPoint.id(index) else { throw fail("id \(id) does not match index \(index)") }
        self.id = id
        self.index = index
        self.points = points
        self.fingerprint = fingerprint
        self.file = scenarioFile
        self.vary = vary
        self.node = node
    }

    /// The scenario text of a plan line.
    public var scenarioText: String? {
        if case .string(let text)? = node["scenario"]?.value { return text }
        return nil
    }

    /// A result line's figures per strategy, as the sweep renderers draw them.
    public var figures: [SweepSummary.Figures] {
        (node["strategies"]?.elements ?? []).map { strategy in
            let number = { (path: [String]) -> Double? in
                var current: JSONNode? = strategy
                for key in path { current = current?[key] }
                if case .number(let value)? = current?.value { return value.value }
                return nil
            }
            let text = { (key: String) -> String in
                if case .string(let value)? = strategy[key]?.value { return value }
                return ""
            }
            return SweepSummary.Figures(
                name: text("name"), kind: text("kind"), usersFailed: number(["exposure", "usersFailed", "mean"]),
                extraPodSeconds: number(["cost", "extraPodSeconds", "mean"]),
                durationSeconds: number(["durationSeconds", "mean"]), aborted: number(["outcome", "aborted"]) ?? 0,
                escaped: number(["exposure", "escaped"]) ?? 0,
                falseAbortRate: number(["decision", "falseAbortRate"]) ?? 0,
                detectionPower: number(["decision", "detectionPower"]),
                detectionSecondsP95: number(["decision", "detectionSecondsP95"]))
        }
    }
}

extension SweepLine {
    /// The scenario of a plan line: its scenario text with this point's values set.
    ///
    /// - Throws: ``SweepError`` when the line has no scenario, a path cannot be set or the
    ///   point's scenario is invalid.
    public func scenario(in planFile: String) throws(SweepError) -> Scenario {
        guard let text = scenarioText else {
            throw .badLine(file: planFile, line: index + 1, "no \"scenario\" text; expected a line of sweep plan")
        }
        var root: JSONNode
        do {
            root = try ScenarioSyntax(file: file).parse(text, file: file)
        } catch {
            throw .badLine(file: planFile, line: index + 1, "its scenario does not parse (\(error.description))")
        }
        for (path, value) in vary {
            guard let components = JSONPath(parsing: path) else {
                throw .badLine(file: planFile, line: index + 1, "\(path) is not a scenario path")
            }
            root = try root.setting(SweepAxis.node(for: value), at: components)
        }
        do {
            return try Scenario(decoding: root, file: "\(file) at \(id)")
        } catch {
            throw .invalidPoint(id: id, error)
        }
    }
}
