/// One manifest's fields, read by path, remembering what was read so that every field left
/// unread can be named as ignored.
///
/// Reading a scalar, or ``skip(_:)``, marks its path as read; reading an object or an array
/// only opens it, so that its members still count one by one. ``unread`` then lists the
/// outermost paths nothing read into.
struct ManifestFields {
    /// The manifest.
    let document: ManifestDocument
    /// Paths read as a whole.
    private var read: Set<JSONPath> = []
    /// Paths read into: every proper prefix of a read or opened path, and the opened ones.
    private var opened: Set<JSONPath> = []

    /// Creates a reader of `document`'s fields; its identity, `metadata` and `status` (what the
    /// cluster reports, not what the user asks for) count as read.
    init(_ document: ManifestDocument) {
        self.document = document
        skip(["apiVersion", "kind", "metadata", "status"])
    }

    /// The path of dotted keys, e.g. `spec.strategy.canary`.
    static func path(_ dotted: String) -> JSONPath {
        JSONPath(dotted.split(separator: ".").map { .key(String($0)) })
    }

    /// The value at `path`, without marking it read.
    func node(at path: JSONPath) -> JSONNode? {
        var node = document.node
        for component in path.components {
            switch component {
            case .key(let key):
                guard let member = node[key] else { return nil }
                node = member
            case .index(let index):
                guard let elements = node.elements, elements.indices.contains(index) else { return nil }
                node = elements[index]
            }
        }
        return node
    }

    /// Whether the manifest has a value at `path`; nothing is marked read.
    func contains(_ path: JSONPath) -> Bool {
        node(at: path) != nil
    }

    /// Marks `path` read as a whole: fields with no bearing on a simulation (pod templates,
    /// selectors, names of Services), or ones the caller has reported itself.
    mutating func skip(_ path: JSONPath) {
        read.insert(path)
        open(prefixesOf: path)
    }

    /// Marks each dotted path read as a whole.
    mutating func skip(_ dotted: [String]) {
        for path in dotted { skip(Self.path(path)) }
    }

    /// Marks each path read as a whole.
    mutating func skip(_ paths: [JSONPath]) {
        for path in paths { skip(path) }
    }

    /// Marks every proper prefix of `path` opened, longest first: once one already was, so
    /// were all shorter ones.
    private mutating func open(prefixesOf path: JSONPath) {
        var length = path.components.count - 1
        while length >= 0, opened.insert(JSONPath(Array(path.components.prefix(length)))).inserted {
            length -= 1
        }
    }

    // MARK: Typed readers

    /// A string, or nil when absent.
    mutating func string(_ path: JSONPath) throws(ImportError) -> String? {
        guard let node = take(path) else { return nil }
        guard case .string(let text) = node.value else { throw typeError(path, node, expected: "a string") }
        return text
    }

    /// `true` or `false`, or nil when absent.
    mutating func boolean(_ path: JSONPath) throws(ImportError) -> Bool? {
        guard let node = take(path) else { return nil }
        guard case .bool(let value) = node.value else { throw typeError(path, node, expected: "true or false") }
        return value
    }

    /// A number as written, or nil when absent.
    mutating func number(_ path: JSONPath) throws(ImportError) -> JSONNumber? {
        guard let node = take(path) else { return nil }
        guard case .number(let number) = node.value else { throw typeError(path, node, expected: "a number") }
        return number
    }

    /// A whole number within `range`, or nil when absent.
    mutating func integer(_ path: JSONPath, in range: ClosedRange<Int>) throws(ImportError) -> Int? {
        guard let node = take(path) else { return nil }
        let expectation = "an integer \(range.lowerBound)...\(range.upperBound)"
        guard case .number(let number) = node.value else { throw typeError(path, node, expected: expectation) }
        guard let value = number.integerValue else {
            throw failure(path, node, "\(number) is not a whole number; expected \(expectation)")
        }
        guard range.contains(value) else {
            throw failure(path, node, "\(number) is out of range; expected \(range.lowerBound)...\(range.upperBound)")
        }
        return value
    }

    /// Kubernetes' `intstr.IntOrString` for a pod count: an integer or a string with a percent
    /// sign; percentages above `maximumPercent` are refused. Nil when absent.
    mutating func intOrPercent(_ path: JSONPath, maximumPercent: Int) throws(ImportError) -> IntOrPercent? {
        guard let node = take(path) else { return nil }
        let expectation = "an integer or a percentage 0%...\(maximumPercent)% such as \"25%\""
        switch node.value {
        case .number(let number):
            guard let count = number.integerValue, count >= 0, count <= ScenarioDecoder.maximumReplicas else {
                throw failure(path, node, "\(number) is not a pod count; expected \(expectation)")
            }
            return .count(count)
        case .string(let text):
            guard text.hasSuffix("%"), case .percent(let percent)? = IntOrPercent(parsing: text),
                percent <= maximumPercent
            else {
                throw failure(path, node, "\(JSONPath.quoted(text)) is not a percentage; expected \(expectation)")
            }
            return .percent(percent)
        default:
            throw typeError(path, node, expected: expectation)
        }
    }

    /// A duration as a scenario writes it: Go's duration strings (`"10m"`, `"1h30m"`) as
    /// written, and a whole number of seconds (an integer, or a numeric string as Argo's
    /// `intstr` pause durations allow) as `"30s"`. Nil when absent.
    mutating func duration(_ path: JSONPath) throws(ImportError) -> (text: String, duration: SimDuration)? {
        guard let node = take(path) else { return nil }
        let expectation = "a duration such as \"10m\" or a whole number of seconds"
        switch node.value {
        case .number(let number):
            guard let seconds = number.integerValue, seconds >= 0, Double(seconds) < 9e9 else {
                throw failure(path, node, "\(number) is not a duration; expected \(expectation)")
            }
            return ("\(seconds)s", .seconds(Double(seconds)))
        case .string(let text):
            if let seconds = Int(text), seconds >= 0, Double(seconds) < 9e9 {
                return ("\(seconds)s", .seconds(Double(seconds)))
            }
            guard let duration = SimDuration(parsing: text) else {
                throw failure(path, node, "\(JSONPath.quoted(text)) is not a duration; expected \(expectation)")
            }
            return (text, duration)
        default:
            throw typeError(path, node, expected: expectation)
        }
    }

    /// A whole number of seconds, such as `scaleDownDelaySeconds`, as a scenario duration
    /// `"30s"`. Nil when absent.
    mutating func seconds(_ path: JSONPath) throws(ImportError) -> String? {
        try integer(path, in: 0...1_000_000_000).map { "\($0)s" }
    }

    /// The members of the object at `path`, opened but not read; nil when absent.
    mutating func members(_ path: JSONPath) throws(ImportError) -> [JSONMember]? {
        guard let node = node(at: path) else { return nil }
        guard let members = node.members else { throw typeError(path, node, expected: "an object") }
        opened.insert(path)
        open(prefixesOf: path)
        return members
    }

    /// The elements of the array at `path`, opened but not read; nil when absent.
    mutating func elements(_ path: JSONPath) throws(ImportError) -> [JSONNode]? {
        guard let node = node(at: path) else { return nil }
        guard let elements = node.elements else { throw typeError(path, node, expected: "an array") }
        opened.insert(path)
        open(prefixesOf: path)
        return elements
    }

    /// A string-to-string map such as `metadata.annotations`, opened but not read; nil when
    /// absent. Kubernetes refuses other values, so they are errors here too.
    mutating func stringMap(_ path: JSONPath) throws(ImportError) -> [(key: String, value: String)]? {
        guard let members = try members(path) else { return nil }
        var entries: [(key: String, value: String)] = []
        for member in members {
            guard case .string(let text) = member.value.value else {
                throw typeError(path.key(member.key), member.value, expected: "a string (quote numbers and booleans)")
            }
            entries.append((member.key, text))
        }
        return entries
    }

    /// The value at `path`, marked read; nil when absent.
    private mutating func take(_ path: JSONPath) -> JSONNode? {
        guard let node = node(at: path) else { return nil }
        skip(path)
        return node
    }

    // MARK: What was not read

    /// The outermost paths nothing read into, in document order: what the manifest says that
    /// the import did not use.
    /// - Complexity: O(n · d) for n nodes visited at depth up to d: each path is hashed once.
    var unread: [JSONPath] {
        var paths: [JSONPath] = []
        collectUnread(document.node, at: .root, into: &paths)
        return paths
    }

    private func collectUnread(_ node: JSONNode, at path: JSONPath, into paths: inout [JSONPath]) {
        if read.contains(path) { return }
        guard opened.contains(path) else {
            paths.append(path)
            return
        }
        switch node.value {
        case .object(let members):
            for member in members { collectUnread(member.value, at: path.key(member.key), into: &paths) }
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                collectUnread(element, at: path.index(index), into: &paths)
            }
        case .null, .bool, .number, .string:
            break
        }
    }

    // MARK: Errors

    /// The error for a wrong value at `path`.
    func failure(_ path: JSONPath, _ node: JSONNode, _ message: String) -> ImportError {
        .invalidField(
            file: document.file, position: node.position, manifest: document.label, path: path, message: message)
    }

    /// The error for a wrong value at `path`, pointing at the value when there is one and at
    /// the manifest otherwise.
    func failure(_ path: JSONPath, _ message: String) -> ImportError {
        failure(path, node(at: path) ?? document.node, message)
    }

    private func typeError(_ path: JSONPath, _ node: JSONNode, expected: String) -> ImportError {
        failure(path, node, "expected \(expected), found \(node.value.kindDescription)")
    }
}
