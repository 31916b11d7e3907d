/// How a scenario ranks its strategies for the recommendation (DESIGN §2, §4.1).
public struct DecisionPolicy: Hashable, Sendable {
    /// The default order: users failed, false aborts, duration, cost.
    public static let defaultPriorities: [Priority] = [.usersFailed, .falseAborts, .duration, .cost]
    /// A release process that blocks more healthy releases than this gets bypassed.
    public static let defaultMaxFalseAbortRate = 0.05

    /// One figure the recommendation compares, smaller is better.
    public enum Priority: String, Hashable, Sendable, CaseIterable {
        case usersFailed, falseAborts, duration, cost
    }

    /// The figures in the order they decide.
    public var priorities: [Priority]
    /// Strategies above this false-abort rate are recommended only when none is below it.
    public var maxFalseAbortRate: Double

    /// Creates a policy.
    public init(
        priorities: [Priority] = DecisionPolicy.defaultPriorities,
        maxFalseAbortRate: Double = DecisionPolicy.defaultMaxFalseAbortRate
    ) {
        self.priorities = priorities
        self.maxFalseAbortRate = maxFalseAbortRate
    }
}
