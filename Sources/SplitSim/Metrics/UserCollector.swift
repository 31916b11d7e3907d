import SplitRouter

/// Adds to a user set the distinct users of many requests, each from a user drawn uniformly
/// from a class, without a step per request once the class is half collected.
///
/// While fewer than half of a class's users are in the set, each request is one draw and one
/// insert. From then on it jumps: the requests up to the next user not yet in the set are a
/// geometric number (each finds one with probability unseen/size), and that user is uniform
/// among the unseen, picked from a list of them. The set ends exactly as request-by-request
/// insertion would leave it in distribution, at a cost of O(users) per class instead of
/// O(requests).
struct UserCollector {
    private struct ClassProgress {
        /// Users of the class in the set.
        var seen: Int
        /// The users of the class not in the set, once the class is half collected.
        var unseen: [Int32]?
    }

    /// Per class; empty when the set may have changed behind the collector's back.
    private var progress: [ClassProgress] = []
    /// Which grouping `progress` counts in: `true` for cookie classes.
    private var byCookie = false

    /// Forgets what the collector knew of the set: something else inserted into it.
    mutating func invalidate() {
        progress.removeAll(keepingCapacity: true)
    }

    /// Inserts into `set` the users of `requests` requests of class `index` of `classes`.
    ///
    /// - Complexity: O(min(*r*, *n*)) for *r* requests and *n* users in the class, plus O(*n*)
    ///   the first time after ``invalidate()``.
    mutating func collect(
        _ requests: Int, fromClass index: Int, of classes: UserClasses, byCookie: Bool,
        into set: inout UserBitset, using generator: inout Xoshiro256StarStar
    ) {
        guard requests > 0 else { return }
        learn(set, by: classes, byCookie: byCookie)
        let size = classes.size(of: index)
        var state = progress[index]
        // The list must have one owner, or its first change below copies all of it.
        progress[index].unseen = nil
        var remaining = requests
        while remaining > 0 && 2 * state.seen < size {
            let user = classes.user(generator.uniform(below: size), of: index)
            if !set.contains(user) {
                set.insert(user)
                state.seen += 1
            }
            remaining -= 1
        }
        if remaining > 0 && state.seen < size {
            var unseen =
                state.unseen
                ?? (0..<size).compactMap { position in
                    let user = classes.user(position, of: index)
                    return set.contains(user) ? nil : Int32(user)
                }
            state.unseen = nil
            while !unseen.isEmpty {
                let skipped = generator.geometricFailures(success: Double(unseen.count) / Double(size))
                guard skipped < remaining else { break }
                remaining -= skipped + 1
                let pick = generator.uniform(below: unseen.count)
                set.insert(Int(unseen[pick]))
                unseen.swapAt(pick, unseen.count - 1)
                unseen.removeLast()
            }
            state.seen = size - unseen.count
            state.unseen = unseen
        }
        progress[index] = state
    }

    /// Inserts into `set` the user of one more request of class `index`, and returns it: a
    /// user drawn uniformly from the class, which the caller needs by name.
    ///
    /// Once the class's unseen users are listed, a draw finds an unseen one with probability
    /// unseen/size, uniform among them and taken off the list; otherwise it is uniform among
    /// the seen ones, found by drawing until one is in the set — at most two draws on average,
    /// since the list exists only once half the class is seen.
    ///
    /// - Complexity: O(1) expected, plus O(*n*) the first time after ``invalidate()``.
    mutating func draw(
        fromClass index: Int, of classes: UserClasses, byCookie: Bool,
        into set: inout UserBitset, using generator: inout Xoshiro256StarStar
    ) -> Int {
        learn(set, by: classes, byCookie: byCookie)
        let size = classes.size(of: index)
        let position = generator.uniform(below: size)
        guard let unseenCount = progress[index].unseen?.count else {
            let user = classes.user(position, of: index)
            if !set.contains(user) {
                set.insert(user)
                progress[index].seen += 1
            }
            return user
        }
        guard position >= unseenCount else {
            let user = Int(progress[index].unseen![position])
            progress[index].unseen!.swapAt(position, unseenCount - 1)
            progress[index].unseen!.removeLast()
            progress[index].seen += 1
            set.insert(user)
            return user
        }
        while true {
            let user = classes.user(generator.uniform(below: size), of: index)
            if set.contains(user) { return user }
        }
    }

    /// Counts the users of each class already in `set`, unless the collector knows them.
    private mutating func learn(_ set: UserBitset, by classes: UserClasses, byCookie: Bool) {
        guard progress.isEmpty || self.byCookie != byCookie else { return }
        self.byCookie = byCookie
        progress = (0..<classes.count).map { index in
            ClassProgress(
                seen: (0..<classes.size(of: index)).reduce(0) {
                    $0 + (set.contains(classes.user($1, of: index)) ? 1 : 0)
                },
                unseen: nil)
        }
    }
}
