/// Why a `name=value` backend list is not valid; ``description`` says what was expected.
public enum BackendListError: Error, Sendable, Hashable, CustomStringConvertible {
    case empty
    case tooMany(limit: Int)
    case malformedEntry(String)
    case duplicateName(String)
    case invalidWeight(name: String, value: String)
    case invalidIntegerWeight(name: String, value: String)
    case invalidPercentage(name: String, value: String)
    case zeroTotal
    case percentagesExceed100

    public var description: String {
        switch self {
        case .empty:
            "no backends; expected NAME=WEIGHT entries separated by commas, such as a=5,b=1,c=1"
        case .tooMany(let limit):
            "more than \(limit) backends; expected at most \(limit)"
        case .malformedEntry(let entry):
            "\"\(entry)\" is not valid; expected NAME=VALUE, such as a=5"
        case .duplicateName(let name):
            "backend \"\(name)\" is given twice; expected unique names"
        case .invalidWeight(let name, let value):
            "\"\(name)=\(value)\" is not valid; expected a weight that is a non-negative decimal number, such as 5 or 0.5"
        case .invalidIntegerWeight(let name, let value):
            "\"\(name)=\(value)\" is not valid; expected an integer weight in 0...1000000"
        case .invalidPercentage(let name, let value):
            "\"\(name)=\(value)\" is not valid; expected * or a percentage in 0.01...100 with at most two decimals, such as 0.5% or 50"
        case .zeroTotal:
            "every weight is 0; expected at least one positive weight"
        case .percentagesExceed100:
            "the percentages add up to more than 100 %; expected at most 100 % (* takes the rest)"
        }
    }
}
