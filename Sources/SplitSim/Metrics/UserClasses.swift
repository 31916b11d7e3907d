/// Users grouped by what routing can tell apart: the cookie they send. Within a class every
/// user is equally likely to send a given request, so a request of a class can be given to a
/// user drawn uniformly from it.
public struct UserClasses: Sendable {
    /// The users of every class, class by class; empty when there is one class of all users.
    private let members: [Int32]
    /// Where each class starts in `members`, and one past the last.
    private let starts: [Int]

    /// One class holding users `0..<users`.
    public init(allOf users: Int) {
        self.init(members: [], starts: [0, users])
    }

    private init(members: [Int32], starts: [Int]) {
        self.members = members
        self.starts = starts
    }

    /// Classes by cookie value id: class `c` holds the users whose traits name cookie `c`
    /// (0 = none), for ids `0...cookieCount`.
    ///
    /// - Complexity: O(*n*) for *n* users.
    public init(cookiesOf userTraits: [UInt8], cookieCount: Int) {
        guard cookieCount > 0 else {
            self.init(allOf: userTraits.count)
            return
        }
        var counts = [Int](repeating: 0, count: cookieCount + 1)
        for traits in userTraits { counts[Int(traits >> 1)] += 1 }
        var starts = [0]
        for count in counts { starts.append(starts[starts.count - 1] + count) }
        var next = Array(starts.dropLast())
        var members = [Int32](repeating: 0, count: userTraits.count)
        for (user, traits) in userTraits.enumerated() {
            members[next[Int(traits >> 1)]] = Int32(user)
            next[Int(traits >> 1)] += 1
        }
        self.init(members: members, starts: starts)
    }

    /// The number of classes.
    var count: Int { starts.count - 1 }

    /// The number of users in class `index`.
    @inline(__always)
    func size(of index: Int) -> Int { starts[index + 1] - starts[index] }

    /// The `position`th user of class `index`.
    @inline(__always)
    func user(_ position: Int, of index: Int) -> Int {
        members.isEmpty ? position : Int(members[starts[index] + position])
    }
}
