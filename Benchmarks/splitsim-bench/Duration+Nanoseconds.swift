extension Duration {
    /// The duration in nanoseconds, as every suite reports times.
    var nanoseconds: Double {
        Double(components.seconds) * 1e9 + Double(components.attoseconds) * 1e-9
    }
}
