import SplitRouter

/// The random policies built from real weights and picked by one raw draw.
protocol RandomWeighted: WeightedPicker {
    init(weights: [Double]) throws(RoutingConfigurationError)
    func pick(draw: UInt64) -> Int
}

extension AliasTable: RandomWeighted {}
extension CumulativeTable: RandomWeighted {}
