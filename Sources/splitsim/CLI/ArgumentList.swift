import SplitSim

/// The arguments of one command, consumed option by option.
///
/// Each accessor removes what it reads; ``positionals()`` then rejects anything left that
/// looks like an option, so a misspelt flag is an error rather than silently ignored.
/// Options take their value as `--name VALUE` or `--name=VALUE`.
struct ArgumentList {
    /// The command name, used to prefix error messages.
    let command: String
    private var remaining: [String]

    init(command: String, arguments: [String]) {
        self.command = command
        self.remaining = arguments
    }

    /// True when `--help` or `-h` was given.
    mutating func wantsHelp() -> Bool {
        flag("--help") || flag("-h")
    }

    /// Removes every occurrence of the flag and reports whether there was one.
    mutating func flag(_ name: String) -> Bool {
        let before = remaining.count
        remaining.removeAll { $0 == name }
        return remaining.count != before
    }

    /// Removes every occurrence of a repeatable option and returns their values in order.
    mutating func values(of name: String) throws(CLIError) -> [String] {
        var found: [String] = []
        var kept: [String] = []
        var index = 0
        while index < remaining.count {
            let argument = remaining[index]
            if argument == name {
                guard index + 1 < remaining.count else {
                    throw usage("\(name): missing value")
                }
                found.append(remaining[index + 1])
                index += 2
            } else if argument.hasPrefix(name + "=") {
                found.append(String(argument.dropFirst(name.count + 1)))
                index += 1
            } else {
                kept.append(argument)
                index += 1
            }
        }
        remaining = kept
        return found
    }

    /// Removes a single-valued option and returns its value, or nil when absent.
    mutating func value(of name: String) throws(CLIError) -> String? {
        let found = try values(of: name)
        guard found.count <= 1 else {
            throw usage("\(name): given \(found.count) times; expected once")
        }
        return found.first
    }

    /// Reads an integer option within `range`.
    mutating func integer(_ name: String, in range: ClosedRange<Int>) throws(CLIError) -> Int? {
        guard let text = try value(of: name) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            throw usage("\(name): \"\(text)\" is not valid; expected an integer in \(Self.describe(range))")
        }
        return number
    }

    /// Reads a 64-bit unsigned integer option such as a seed.
    mutating func unsignedInteger(_ name: String) throws(CLIError) -> UInt64? {
        guard let text = try value(of: name) else { return nil }
        guard let number = UInt64(text) else {
            throw usage("\(name): \"\(text)\" is not valid; expected an integer in 0...\(UInt64.max)")
        }
        return number
    }

    /// Reads an option whose value must be the raw value of a case of `Choice`; the error for any
    /// other value lists them all, in declaration order.
    mutating func choice<Choice: CaseIterable & RawRepresentable<String>>(_ name: String, as _: Choice.Type)
        throws(CLIError) -> Choice?
    {
        try choice(name, from: Choice.allCases.map(\.rawValue)).flatMap(Choice.init(rawValue:))
    }

    /// Reads an option whose value must be one of `choices`.
    private mutating func choice(_ name: String, from choices: [String]) throws(CLIError) -> String? {
        guard let text = try value(of: name) else { return nil }
        guard choices.contains(text) else {
            var message = "\(name): \"\(text)\" is not valid; expected one of \(choices.joined(separator: ", "))"
            if let near = Self.nearest(to: text, among: choices) { message += " (did you mean \"\(near)\"?)" }
            throw usage(message)
        }
        return text
    }

    /// Removes the first argument, which must be one of `verbs` (a command's subcommand).
    mutating func verb(among verbs: [String]) throws(CLIError) -> String {
        let list = verbs.joined(separator: ", ")
        guard let first = remaining.first else {
            throw usage("expected one of \(list); see 'splitsim help \(command)'")
        }
        guard verbs.contains(first) else {
            var message = "unknown subcommand \"\(first)\"; expected one of \(list)"
            if let near = Self.nearest(to: first, among: verbs) { message += " (did you mean \(near)?)" }
            throw usage(message)
        }
        remaining.removeFirst()
        return first
    }

    /// Returns the arguments left after every option was read, rejecting unknown options.
    ///
    /// - Parameter known: the options the command accepts, for a "did you mean" hint.
    mutating func positionals(known: [String] = []) throws(CLIError) -> [String] {
        var result: [String] = []
        var optionsEnded = false
        for argument in remaining {
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                result.append(argument)
            } else if argument == "--" {
                optionsEnded = true
            } else {
                let name = String(argument.split(separator: "=", maxSplits: 1).first ?? "")
                var message = "unknown option \(name)"
                if let near = Self.nearest(to: name, among: known) { message += "; did you mean \(near)?" }
                throw usage(message + "; see 'splitsim help \(command)'")
            }
        }
        remaining = []
        return result
    }

    /// A usage error prefixed with the command name.
    func usage(_ message: String) -> CLIError {
        .usage("splitsim \(command): \(message)")
    }

    private static func describe(_ range: ClosedRange<Int>) -> String {
        range.upperBound == Int.max ? "\(range.lowerBound) or more" : "\(range.lowerBound)...\(range.upperBound)"
    }

    /// The candidate closest to `text`, when it is close enough to be a typo.
    static func nearest(to text: String, among candidates: [String]) -> String? {
        EditDistance.suggestion(for: text, among: candidates)
    }
}
