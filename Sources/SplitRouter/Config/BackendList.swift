/// A list of named backends with one value each, written `name=value` and separated by commas,
/// as `splitsim route --backends a=5,b=1,c=1` takes it.
///
/// The values are read per policy: as real weights, as integer weights, or as `split_clients`
/// percentages.
public struct BackendList: Sendable, Hashable {
    /// The most backends a list may hold.
    public static let maximumCount = 10_000

    /// The backend names, in order; unique and non-empty.
    public let names: [String]
    /// The value after each name's `=`, unparsed.
    public let values: [String]

    /// Splits `text` into `name=value` entries.
    ///
    /// - Throws: ``BackendListError`` for an empty list, an entry without exactly one `=`, an
    ///   empty name or value, a repeated name, or more than ``maximumCount`` entries.
    /// - Complexity: O(n) in the text length.
    public init(parsing text: String) throws(BackendListError) {
        let entries = text.split(separator: ",", omittingEmptySubsequences: false)
        guard !text.isEmpty else { throw .empty }
        guard entries.count <= Self.maximumCount else { throw .tooMany(limit: Self.maximumCount) }
        var names: [String] = []
        var values: [String] = []
        var seen: Set<String> = []
        for entry in entries {
            let parts = entry.split(separator: "=", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw .malformedEntry(String(entry))
            }
            let name = String(parts[0])
            guard seen.insert(name).inserted else { throw .duplicateName(name) }
            names.append(name)
            values.append(String(parts[1]))
        }
        self.names = names
        self.values = values
    }

    /// The values as real weights: finite, non-negative decimals with a positive total.
    ///
    /// - Complexity: O(n).
    public func weights() throws(BackendListError) -> [Double] {
        var weights: [Double] = []
        for (name, value) in zip(names, values) {
            guard Self.isDecimal(value), let weight = Double(value), weight.isFinite else {
                throw .invalidWeight(name: name, value: value)
            }
            weights.append(weight)
        }
        guard weights.contains(where: { $0 > 0 }) else { throw .zeroTotal }
        return weights
    }

    /// The values as integer weights, as nginx takes them: whole numbers up to 1,000,000 with
    /// a positive total.
    ///
    /// - Complexity: O(n).
    public func integerWeights() throws(BackendListError) -> [Int] {
        var weights: [Int] = []
        for (name, value) in zip(names, values) {
            guard value.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
                value.utf8.count <= 7, let weight = Int(value), weight <= 1_000_000
            else { throw .invalidIntegerWeight(name: name, value: value) }
            weights.append(weight)
        }
        guard weights.contains(where: { $0 > 0 }) else { throw .zeroTotal }
        return weights
    }

    /// The values as `split_clients` shares: `*` for the rest, or a percentage with at most two
    /// decimals, with or without the `%` sign (`0.5%`, `50`).
    ///
    /// - Complexity: O(n).
    public func splitClientsShares() throws(BackendListError) -> [SplitClients.Share] {
        var shares: [SplitClients.Share] = []
        var total = 0
        for (name, value) in zip(names, values) {
            let text = value == "*" || value.hasSuffix("%") ? value : value + "%"
            guard let share = SplitClients.Share(parsing: text) else {
                throw .invalidPercentage(name: name, value: value)
            }
            switch share {
            case .remainder: total = 10_000
            case .hundredthsOfPercent(let hundredths):
                total += hundredths
                guard total <= 10_000 else { throw .percentagesExceed100 }
            }
            shares.append(share)
        }
        return shares
    }

    /// Digits with at most one decimal point: no signs, exponents, `inf` or `nan`, so that the
    /// syntax stays the one the help text shows.
    private static func isDecimal(_ text: String) -> Bool {
        var digits = 0
        var points = 0
        for byte in text.utf8 {
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits += 1
            } else if byte == UInt8(ascii: ".") {
                points += 1
            } else {
                return false
            }
        }
        return digits > 0 && points <= 1
    }
}
