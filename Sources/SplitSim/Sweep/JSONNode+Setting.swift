extension JSONNode {
    /// This tree with `value` at `path`: an object member that does not exist yet is added
    /// (with the objects that lead to it), an array element must exist.
    ///
    /// - Throws: ``SweepError/badVary(_:)`` naming the part of the path that is not an
    ///   object or an array, or the index past the end.
    /// - Complexity: O(*d* · *w*) for a path of depth *d* through containers of width *w*.
    public func setting(_ value: JSONNode, at path: JSONPath) throws(SweepError) -> JSONNode {
        try setting(value, at: path.components[...], walked: .root)
    }

    private func setting(
        _ value: JSONNode, at rest: ArraySlice<JSONPath.Component>, walked: JSONPath
    ) throws(SweepError) -> JSONNode {
        guard let component = rest.first else { return value }
        var node = self
        switch (component, self.value) {
        case (.key(let key), .object(var members)):
            let here = walked.key(key)
            if let slot = members.firstIndex(where: { $0.key == key }) {
                members[slot].value = try members[slot].value.setting(value, at: rest.dropFirst(), walked: here)
            } else {
                let empty = JSONNode(.object([]), at: position)
                members.append(
                    JSONMember(
                        key: key, keyPosition: position,
                        value: try empty.setting(value, at: rest.dropFirst(), walked: here)))
            }
            node.value = .object(members)
        case (.index(let index), .array(var elements)):
            guard index < elements.count else {
                throw .badVary(
                    "\(walked.index(index)): \(walked) has \(elements.count) elements; expected an index below \(elements.count)"
                )
            }
            elements[index] = try elements[index].setting(value, at: rest.dropFirst(), walked: walked.index(index))
            node.value = .array(elements)
        case (.key, _):
            throw .badVary("\(walked) is \(self.value.kindDescription), not an object; cannot set a member in it")
        case (.index, _):
            throw .badVary("\(walked) is \(self.value.kindDescription), not an array; cannot set an element in it")
        }
        return node
    }
}
