import SplitSim

/// The libFuzzer entry point of `Tests/Fuzz/run.sh`: every input is a scenario file, JSON or
/// (with a first byte of `y`) YAML, and must end in a scenario or a ``ScenarioError`` — a trap
/// is a finding. A decoded scenario is also asked for its work estimate, which multiplies
/// user-written numbers.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenario(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let yaml = bytes.first == UInt8(ascii: "y")
    let text = String(decoding: yaml ? bytes.dropFirst() : bytes[...], as: UTF8.self)
    do {
        let scenario = try Scenario(decoding: text, file: yaml ? "fuzz.yaml" : "fuzz.json")
        _ = scenario.requestsToSimulate(strategies: scenario.strategies.count)
    } catch {
        _ = error.description
    }
    return 0
}
