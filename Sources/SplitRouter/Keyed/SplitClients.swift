/// nginx's `split_clients` (`ngx_http_split_clients_module.c`): a deterministic percentage split
/// of keys by their 32-bit MurmurHash2.
///
/// Shares are counted in hundredths of a percent. Each share's slice of `0…2³²−1` is
/// `⌊hundredths × (2³²−1) / 10000⌋` wide, the slices are laid end to end, and a key goes to the
/// first slice above its hash; a `*` share takes whatever is left. Without `*`, shares below
/// 100 % leave some keys unmatched, as nginx leaves its variable empty.
public struct SplitClients: Sendable, Hashable {
    /// One `split_clients` line's share.
    public enum Share: Sendable, Hashable {
        /// A percentage in hundredths of a percent: `0.5%` is 50.
        case hundredthsOfPercent(Int)
        /// `*`: everything not taken by earlier lines.
        case remainder

        /// Parses nginx's syntax: `*`, or a positive percentage with at most two decimals and a
        /// trailing `%`, such as `0.5%` or `50%`.
        ///
        /// Returns `nil` for anything else, including `0%`, which nginx rejects.
        public init?(parsing text: some StringProtocol) {
            if text == "*" {
                self = .remainder
                return
            }
            guard text.hasSuffix("%") else { return nil }
            let number = text.dropLast()
            let parts = number.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            guard let whole = parts.first, !whole.isEmpty, whole.count <= 3,
                whole.allSatisfy({ $0.isASCII && $0.isNumber }), let wholeValue = Int(whole)
            else { return nil }
            var fractionValue = 0
            if parts.count == 2 {
                let fraction = parts[1]
                guard !fraction.isEmpty, fraction.count <= 2, fraction.allSatisfy({ $0.isASCII && $0.isNumber }),
                    let value = Int(fraction)
                else { return nil }
                fractionValue = fraction.count == 1 ? value * 10 : value
            }
            let hundredths = wholeValue * 100 + fractionValue
            guard hundredths > 0, hundredths <= 10_000 else { return nil }
            self = .hundredthsOfPercent(hundredths)
        }
    }

    /// The exclusive upper hash bound of each share's slice; `nil` for `*`.
    @usableFromInline
    internal let bounds: ContiguousArray<UInt32?>

    /// The number of shares (backends).
    public var backendCount: Int { bounds.count }

    /// Builds the split from `shares`, in order.
    ///
    /// - Throws: ``RoutingConfigurationError/noBackends`` for no shares,
    ///   ``RoutingConfigurationError/invalidPercentage(_:)`` for a share outside 0.01…100 %,
    ///   ``RoutingConfigurationError/percentagesExceed100`` when the shares (a `*` counting as
    ///   the rest of 100 %) add up to more.
    /// - Complexity: O(n).
    public init(shares: [Share]) throws(RoutingConfigurationError) {
        guard !shares.isEmpty else { throw .noBackends }
        var sum = 0
        var last: UInt64 = 0
        var bounds = ContiguousArray<UInt32?>()
        for share in shares {
            switch share {
            case .remainder:
                sum = 10_000
                bounds.append(nil)
            case .hundredthsOfPercent(let hundredths):
                guard hundredths > 0, hundredths <= 10_000 else {
                    throw .invalidPercentage("\(hundredths) hundredths of a percent")
                }
                sum += hundredths
                guard sum <= 10_000 else { throw .percentagesExceed100 }
                // nginx rounds each slice down on its own, then adds: 100 % in several lines
                // can fall a few hashes short of 2³²−1.
                last += UInt64(hundredths) * UInt64(UInt32.max) / 10_000
                bounds.append(UInt32(truncatingIfNeeded: last))
            }
        }
        self.bounds = bounds
    }

    /// Returns the share whose slice holds `hash`, or `nil` when no share does.
    ///
    /// - Complexity: O(n) in the number of shares, as in nginx.
    @inlinable
    public func pick(forHash hash: UInt32) -> Int? {
        for (index, bound) in bounds.enumerated() {
            guard let bound else { return index }
            if hash < bound { return index }
        }
        return nil
    }

    /// Returns the share for `key`, hashed with nginx's ``MurmurHash2``, or `nil` when no
    /// share matches.
    ///
    /// - Complexity: O(key length + n).
    @inlinable
    public func pick(forKey key: String) -> Int? {
        pick(forHash: MurmurHash2.hash(key))
    }
}
