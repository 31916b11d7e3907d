/// Times a piece of work the way every suite does: calibrate the batch size to about
/// `targetNanoseconds`, run one warm-up batch, then several timed batches, and report the
/// minimum and the median time per operation.
///
/// The minimum is the least disturbed run on a shared machine; the median shows how typical it is.
struct Stopwatch {
    /// Nanoseconds per operation over the repetitions.
    struct Measurement {
        var minimum: Double
        var median: Double
    }

    var repetitions: Int
    var targetNanoseconds: Double = 10_000_000

    /// Work done so far; printed at the end so that the optimizer must keep every operation.
    private(set) var checksum: UInt64 = 0

    /// Measures `batch`, which performs the given number of operations and returns a value
    /// derived from their results.
    mutating func measure(_ batch: (Int) -> UInt64) -> Measurement {
        var operations = 1
        while true {
            let elapsed = time(operations: operations, batch)
            if elapsed >= targetNanoseconds / 10 || operations >= 1 << 40 {
                operations = max(1, Int(Double(operations) * targetNanoseconds / max(elapsed, 1)))
                break
            }
            operations *= 8
        }
        _ = time(operations: operations, batch)
        var perOperation = (0..<repetitions).map { _ in time(operations: operations, batch) / Double(operations) }
        perOperation.sort()
        return Measurement(minimum: perOperation[0], median: perOperation[perOperation.count / 2])
    }

    private mutating func time(operations: Int, _ batch: (Int) -> UInt64) -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        let result = batch(operations)
        let elapsed = start.duration(to: clock.now)
        checksum &+= result
        return elapsed.nanoseconds
    }
}
