/// How SplitSim's own messages (trace lines, warnings) write a share as a percentage.
enum ShareText {
    /// `5 %`, `9.1 %`, `0.35 %`: whole percentages plainly, one decimal from 1 %, two below.
    static func percent(_ share: Double) -> String {
        let value = share * 100
        if value == value.rounded() { return "\(Int(value)) %" }
        if value >= 1 { return "\((value * 10).rounded() / 10) %" }
        return "\((value * 100).rounded() / 100) %"
    }
}
