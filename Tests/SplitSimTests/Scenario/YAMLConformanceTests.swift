import Testing

@testable import SplitSim

/// Realistic manifests, shared with the mutation test as its seeds.
enum YAMLSamples {
    static let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels: {app: web, tier: "frontend"}
          annotations:
            deployment.kubernetes.io/revision: "3"
        spec:
          replicas: 3
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: web
                image: nginx:1.25
                args: ["--port", "8080", --verbose]
                ports:
                - containerPort: 8080
                  protocol: TCP
                resources:
                  requests: {cpu: 250m, memory: 64Mi}
                  limits:
                    cpu: "1"
                env:
                - name: RATIO
                  value: "0.5"
                - {name: DEBUG, value: 'false'}

        """

    static let deploymentJSON =
        #"{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web","tier":"frontend"},"#
        + #""annotations":{"deployment.kubernetes.io/revision":"3"}},"spec":{"replicas":3,"selector":{"matchLabels":"#
        + #"{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"web","#
        + #""image":"nginx:1.25","args":["--port","8080","--verbose"],"ports":[{"containerPort":8080,"protocol":"TCP"}],"#
        + #""resources":{"requests":{"cpu":"250m","memory":"64Mi"},"limits":{"cpu":"1"}},"env":[{"name":"RATIO","#
        + #""value":"0.5"},{"name":"DEBUG","value":"false"}]}]}}}}"#

    static let rollout = """
        # An Argo Rollout with canary steps.
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata:
          name: checkout
          annotations:
            notifications.argoproj.io/subscribe.on-rollout-aborted.slack: "true"
            splitsim/enabled: 'true'
        spec:
          replicas: 10
          revisionHistoryLimit: 2
          strategy:
            canary:
              maxSurge: 25%
              maxUnavailable: 0
              steps:
              - setWeight: 20
              - pause: {duration: 10m}
              - setWeight: 50.5
              - pause: {}
              - analysis:
                  templates:
                  - templateName: success-rate   # checked on every step
              - setWeight: 100
        """

    static let rolloutJSON =
        #"{"apiVersion":"argoproj.io/v1alpha1","kind":"Rollout","metadata":{"name":"checkout","annotations":"#
        + #"{"notifications.argoproj.io/subscribe.on-rollout-aborted.slack":"true","splitsim/enabled":"true"}},"#
        + #""spec":{"replicas":10,"revisionHistoryLimit":2,"strategy":{"canary":{"maxSurge":"25%","maxUnavailable":0,"#
        + #""steps":[{"setWeight":20},{"pause":{"duration":"10m"}},{"setWeight":50.5},{"pause":{}},"#
        + #"{"analysis":{"templates":[{"templateName":"success-rate"}]}},{"setWeight":100}]}}}}"#

    /// What `kubectl get -o yaml` prints for several objects, long status messages folded.
    static let list = """
        apiVersion: v1
        items:
        - apiVersion: v1
          kind: Service
          metadata:
            creationTimestamp: "2024-05-01T10:00:00Z"
            name: web
            namespace: default
          spec:
            clusterIP: 10.96.0.12
            ports:
            - port: 80
              targetPort: 8080
            selector:
              app: web
            type: ClusterIP
          status:
            loadBalancer: {}
        - apiVersion: apps/v1
          kind: ReplicaSet
          metadata:
            name: web-66b6c48dd5
            ownerReferences:
            - apiVersion: apps/v1
              blockOwnerDeletion: true
              controller: true
              kind: Deployment
              name: web
          status:
            conditions:
            - message: ReplicaSet "web-66b6c48dd5" has successfully
                progressed.
              reason: NewReplicaSetAvailable
              status: "True"
            replicas: 3
        kind: List
        metadata:
          resourceVersion: ""

        """

    static let listJSON =
        #"{"apiVersion":"v1","items":[{"apiVersion":"v1","kind":"Service","metadata":{"#
        + #""creationTimestamp":"2024-05-01T10:00:00Z","name":"web","namespace":"default"},"spec":{"#
        + #""clusterIP":"10.96.0.12","ports":[{"port":80,"targetPort":8080}],"selector":{"app":"web"},"#
        + #""type":"ClusterIP"},"status":{"loadBalancer":{}}},{"apiVersion":"apps/v1","kind":"ReplicaSet","#
        + #""metadata":{"name":"web-66b6c48dd5","ownerReferences":[{"apiVersion":"apps/v1","blockOwnerDeletion":true,"#
        + #""controller":true,"kind":"Deployment","name":"web"}]},"status":{"conditions":[{"#
        + #""message":"ReplicaSet \"web-66b6c48dd5\" has successfully progressed.","reason":"NewReplicaSetAvailable","#
        + #""status":"True"}],"replicas":3}}],"kind":"List","metadata":{"resourceVersion":""}}"#

    static let configMap = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: scripts
        data:
          run.sh: |
            #!/bin/sh
            set -eu

            exec server --port "$PORT"   # not a YAML comment
          motd: >-
            Welcome to
            the cluster.

            Be nice.
          empty: ""
          ratio: '0.25'
        """

    static let configMapJSON =
        #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"scripts"},"data":{"#
        + ##""run.sh":"#!/bin/sh\nset -eu\n\nexec server --port \"$PORT\"   # not a YAML comment\n","##
        + #""motd":"Welcome to the cluster.\nBe nice.","empty":"","ratio":"0.25"}}"#

    /// A scenario-like file using every scalar style.
    static let scenario = """
        ---
        name: "checkout canary"   # quoted with a comment
        seed: 0x2A
        duration: 1.5e3
        weights: [0, 12.5, .5, +3]
        notes: |+
          kept trailing lines

        ...
        """

    static let scenarioJSON =
        #"{"name":"checkout canary","seed":42,"duration":1.5e3,"weights":[0,12.5,0.5,3],"#
        + #""notes":"kept trailing lines\n\n"}"#

    /// The realistic samples, for the mutation test.
    static let all = [deployment, rollout, list, configMap, scenario]
}

@Suite("YAML reader conformance")
struct YAMLConformanceTests {
    /// Renders a node as compact JSON: keys in file order, numbers by their literal.
    static func render(_ node: JSONNode) -> String {
        switch node.value {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .number(let number): return number.literal
        case .string(let text): return JSONPath.quoted(text)
        case .array(let elements): return "[" + elements.map(render).joined(separator: ",") + "]"
        case .object(let members):
            return "{" + members.map { JSONPath.quoted($0.key) + ":" + render($0.value) }.joined(separator: ",") + "}"
        }
    }

    /// The error parsing `text` as one document reports, as `line:column: message`.
    private func failure(_ text: String) -> String? {
        do {
            _ = try YAMLReader.document(parsing: text)
            return nil
        } catch {
            return error.description
        }
    }

    /// Valid YAML and the JSON it must read as, one feature per case.
    static let validCases: [(String, String)] = [
        // Core schema: null, booleans, numbers; everything else is a string.
        ("a: 1", #"{"a":1}"#),
        ("n: null\nN: Null\nU: NULL\nt: ~\ne:", #"{"n":null,"N":null,"U":null,"t":null,"e":null}"#),
        ("[true, True, TRUE, false, False, FALSE]", "[true,true,true,false,false,false]"),
        ("[yes, no, on, off, y, n, nULL, tRUE]", #"["yes","no","on","off","y","n","nULL","tRUE"]"#),
        ("[0, -17, +42, -00, 0o17]", "[0,-17,42,-0,15]"),
        ("[0o17, 0x1F, 0xff, 0o0, 0x00A]", "[15,31,255,0,10]"),
        (
            "[1.5, -2.25, 1., .5, +.5, -.5e3, 1e3, 2E-2, 6.02e+23, 00.10]",
            "[1.5,-2.25,1.0,0.5,0.5,-0.5e3,1e3,2E-2,6.02e+23,0.10]"
        ),
        (
            "[1.2.3, 10m, 20%, 1_000, 0x, 0o8, -0x1F, 0X1F, 1e, .e5, +, ., -.nan]",
            #"["1.2.3","10m","20%","1_000","0x","0o8","-0x1F","0X1F","1e",".e5","+",".","-.nan"]"#
        ),
        ("big: 99999999999999999999", #"{"big":99999999999999999999}"#),
        ("hex: 0xFFFFFFFFFFFFFFFFFF", #"{"hex":4722366482869645213695}"#),
        (#"["1", 'true', "null", '~', "", '']"#, #"["1","true","null","~","",""]"#),
        ("[-1, -x, --flag, :x, ?x, a:b]", #"[-1,"-x","--flag",":x","?x","a:b"]"#),
        // Plain scalars and comments.
        ("s: hello world  # comment", #"{"s":"hello world"}"#),
        ("s: a#b\nt: 'x' #c", #"{"s":"a#b","t":"x"}"#),
        ("url: http://example.com:8080/x?a=b", #"{"url":"http://example.com:8080/x?a=b"}"#),
        ("key with spaces : v\na:b: c", #"{"key with spaces":"v","a:b":"c"}"#),
        ("# head\na: 1 # one\n  # indented comment\n\nb: # nothing\n# tail", #"{"a":1,"b":null}"#),
        ("a:\tb\t# tab before the comment\nc: x\ty", #"{"a":"b","c":"x\ty"}"#),
        ("名前: 値\nemoji: 😀 ok", #"{"名前":"値","emoji":"😀 ok"}"#),
        ("1: one\ntrue: yes\nnull: ~\n\"<<\": m", #"{"1":"one","true":"yes","null":null,"<<":"m"}"#),
        // Quoted scalars.
        ("'quoted key': 1\n\"dq key\": 2", #"{"quoted key":1,"dq key":2}"#),
        ("s: 'it''s ''ok'''", #"{"s":"it's 'ok'"}"#),
        (
            #"s: "q\" b\\ s\/ n\n t\t r\r z\0 x\x41 u\u00e9 U\U0001F600""#,
            #"{"s":"q\" b\\ s/ n\n t\t r\r z\u0000 xA ué U😀"}"#
        ),
        (#"s: "\a\b\v\f\e\ \N\_\L\P""#, "{\"s\":\"\\u0007\\u0008\\u000B\\u000C\\u001B \u{85}\u{A0}\u{2028}\u{2029}\"}"),
        (#"s: "\uD83D\uDE00 #not a comment""#, #"{"s":"😀 #not a comment"}"#),
        ("s: \"a  \n  b\n\n  c \\\n  d\"", #"{"s":"a b\nc d"}"#),
        ("s: 'one\n    two  \n\n\n  three'", #"{"s":"one two\n\nthree"}"#),
        ("- \"a\n  b\"\n- x", #"["a b","x"]"#),
        // Multi-line plain scalars fold like quoted ones.
        (
            "message: has successfully\n  progressed.\nreason: Done",
            #"{"message":"has successfully progressed.","reason":"Done"}"#
        ),
        ("- a\n  b\n\n  c\n- d", #"["a b\nc","d"]"#),
        ("- a\n - b", #"["a - b"]"#),
        ("top\nlevel  # end", #""top level""#),
        // Block sequences and mappings.
        ("- a\n- b\n- c", #"["a","b","c"]"#),
        ("- - a\n  - b\n- c", #"[["a","b"],"c"]"#),
        ("- - - deep", #"[[["deep"]]]"#),
        ("- name: web\n  image: nginx\n- name: db", #"[{"name":"web","image":"nginx"},{"name":"db"}]"#),
        ("key:\n- a\n- b\nother: 1", #"{"key":["a","b"],"other":1}"#),
        ("key:\n  - a\n  - b", #"{"key":["a","b"]}"#),
        ("key:\n  value", #"{"key":"value"}"#),
        ("a:\n  b:\n    c: 1\n  d: 2\ne: 3", #"{"a":{"b":{"c":1},"d":2},"e":3}"#),
        ("a:\n  b:\n  - x\n  c: 1", #"{"a":{"b":["x"],"c":1}}"#),
        ("- a: 1\n  b:\n  - x\n- c", #"[{"a":1,"b":["x"]},"c"]"#),
        ("- a:\n- b", #"[{"a":null},"b"]"#),
        ("- \n-\n- ~\n-   # comment", "[null,null,null,null]"),
        ("-\n  nested: 1", #"[{"nested":1}]"#),
        ("  indented: root\n  second: 2", #"{"indented":"root","second":2}"#),
        // Block scalars: literal, folded, chomping, explicit indentation.
        ("s: |\n  line 1\n  line 2\nt: 1", #"{"s":"line 1\nline 2\n","t":1}"#),
        ("s: |-\n  a\n  b\n\n", #"{"s":"a\nb"}"#),
        ("s: |+\n  a\n\n\nt: 1", #"{"s":"a\n\n\n","t":1}"#),
        ("s: |\n  a\n\n    b\n  c\n\n\n", #"{"s":"a\n\n  b\nc\n"}"#),
        ("s: >\n  one\n  two\n\n  three\n    indented\n  four\n", #"{"s":"one two\nthree\n  indented\nfour\n"}"#),
        ("s: >-\n  a\n  b\n", #"{"s":"a b"}"#),
        ("s: >\n\n  a\n", #"{"s":"\na\n"}"#),
        ("s: |2\n    four\n  two\n", #"{"s":"  four\ntwo\n"}"#),
        ("- |2-\n    x\n- >1+\n  y\n\n", #"["  x"," y\n\n"]"#),
        (
            "script: |\n  # not a comment\n  echo hi # still text\n# a comment\nn: 1",
            ##"{"script":"# not a comment\necho hi # still text\n","n":1}"##
        ),
        ("s: |\n  no final break", #"{"s":"no final break"}"#),
        ("s: |\nt: >+\n\nu: |-\n", #"{"s":"","t":"\n","u":""}"#),
        ("- |\n  a\n- >\n  b\n  c", #"["a\n","b c"]"#),
        ("|\n top-level\n", #""top-level\n""#),
        // Flow collections of scalars.
        (#"args: ["--x", y, 3, 'z']"#, #"{"args":["--x","y",3,"z"]}"#),
        ("m: {a: 1, 'b': x, \"c\": true, d: }", #"{"m":{"a":1,"b":"x","c":true,"d":null}}"#),
        ("a: []\nb: {}\nc: [ ]\nd: { }", #"{"a":[],"b":{},"c":[],"d":{}}"#),
        (#"j: {"a":1,"b":2,}"#, #"{"j":{"a":1,"b":2}}"#),
        (#"[a b, "c,d", '[e]', f:g]"#, #"["a b","c,d","[e]","f:g"]"#),
        ("args: [\n  a,   # first\n  b\n]\nn: 1", #"{"args":["a","b"],"n":1}"#),
        ("- {a: x,\n   b: y}", #"[{"a":"x","b":"y"}]"#),
        // Documents, byte-order mark and line endings.
        ("--- \na: 1\n...\n", #"{"a":1}"#),
        ("---\n# only a comment\n---\nkept: true", #"{"kept":true}"#),
        ("\u{FEFF}a: 1\r\nb:\r\n- x\r\n", #"{"a":1,"b":["x"]}"#),
        // Realistic manifests.
        (YAMLSamples.deployment, YAMLSamples.deploymentJSON),
        (YAMLSamples.rollout, YAMLSamples.rolloutJSON),
        (YAMLSamples.list, YAMLSamples.listJSON),
        (YAMLSamples.configMap, YAMLSamples.configMapJSON),
        (YAMLSamples.scenario, YAMLSamples.scenarioJSON),
    ]

    @Test(arguments: validCases)
    func readsValidYAML(yaml: String, expectedJSON: String) throws {
        let node = try YAMLReader.document(parsing: yaml)
        #expect(Self.render(node) == expectedJSON)
        // The expectation itself must be JSON, or the table could hold a typo that never matches.
        #expect(Self.render(try JSONNode(parsing: expectedJSON)) == expectedJSON)
    }

    /// Unsupported or invalid YAML and the exact error, one feature per case.
    static let errorCases: [(String, String)] = [
        // Features outside the subset.
        ("a: &x 1", "1:4: anchors (&name) are not supported; repeat the value instead"),
        ("&a k: v", "1:1: anchors (&name) are not supported; repeat the value instead"),
        ("a: *x", "1:4: aliases (*name) are not supported; repeat the value instead"),
        ("a: !!str 1", "1:4: tags (!tag, !!type) are not supported; remove the tag"),
        ("- !foo x", "1:3: tags (!tag, !!type) are not supported; remove the tag"),
        ("? a\n: b", "1:1: complex keys ('? ') are not supported; write 'key: value'"),
        ("base: 1\n<<: {a: 1}", "2:1: merge keys (<<) are not supported; write the merged keys out"),
        ("m: {<<: x}", "1:5: merge keys (<<) are not supported; write the merged keys out"),
        ("%YAML 1.2\n---\na: 1", "1:1: directives (%YAML, %TAG) are not supported"),
        ("a:\n\tb: 1", "2:1: tabs cannot be used for indentation; indent with spaces"),
        ("a:\n  - x\n \t- y", "3:2: tabs cannot be used for indentation; indent with spaces"),
        ("-\tx", "1:2: tabs cannot be used for indentation; indent with spaces"),
        ("- [[1]]", "1:4: nested flow collections are not supported; write the outer collection in block style"),
        ("a: {b: [1]}", "1:8: nested flow collections are not supported; write the outer collection in block style"),
        ("[a: 1]", "1:3: key: value pairs inside a flow sequence are not supported; use a flow mapping"),
        ("[|]", "1:2: block scalars ('|', '>') are not allowed inside a flow collection"),
        ("[- a]", "1:2: block sequence entries ('- ') are not allowed inside a flow collection"),
        ("[a, -]", "1:5: '-' cannot start a plain scalar; quote the value"),
        ("[a, &b c]", "1:5: anchors (&name) are not supported; repeat the value instead"),
        ("[a]: 1", "1:1: a flow collection cannot be a mapping key (complex keys are not supported)"),
        ("\"a\n b\": 1", "1:1: a mapping key must end on the line where it starts"),
        ("x: 1\n'a\n b': 1", "2:1: a mapping key must end on the line where it starts"),
        (
            "--- a: 1",
            "1:5: unexpected 'a' after '---'; expected the end of the line (start the document on the next line)"
        ),
        ("a: 1\n... x", "2:5: unexpected 'x' after '...'; expected the end of the line"),
        // JSON cannot hold every YAML number.
        ("x: .inf", "1:4: infinity '.inf' has no JSON equivalent; JSON numbers are finite (quote it to keep the text)"),
        (
            "- -.Inf",
            "1:3: infinity '-.Inf' has no JSON equivalent; JSON numbers are finite (quote it to keep the text)"
        ),
        (
            "[.NaN]",
            "1:2: not-a-number '.NaN' has no JSON equivalent; JSON numbers are finite (quote it to keep the text)"
        ),
        ("x: 1e400", "1:4: number 1e400 is out of range; expected a magnitude below 1.8e308"),
        // Structure.
        ("a: 1\n  b: 2", "2:3: bad indentation: a key cannot continue the plain scalar from line 1"),
        ("- a: 1\n   b: 2", "2:4: bad indentation: a key cannot continue the plain scalar from line 1"),
        ("a:\n    b: 1\n  c: 2", "3:3: bad indentation; expected column 1, where the keys of this mapping start"),
        ("a: \"x\"\n  b: 1", "2:3: bad indentation; expected column 1, where the keys of this mapping start"),
        ("a:\n  - b\n c: 1", "3:2: bad indentation; expected column 1, where the keys of this mapping start"),
        ("- \"a\"\n  - b", "2:3: bad indentation; expected column 1, where the entries of this sequence start"),
        ("  a: 1\nb: 2", "2:1: bad indentation; expected column 3, where the keys of this mapping start"),
        ("a: 1\nb\n", "2:2: expected ': ' after the mapping key \"b\", found the end of the line"),
        ("a: 1\nb:c", "2:4: expected ': ' after the mapping key \"b:c\", found the end of the file"),
        ("x: 1\n\"a\" b: 1", "2:5: expected ': ' after the mapping key \"a\", found 'b'"),
        ("a: 1\n- b", "2:1: expected a mapping key at this indentation, found a sequence entry '- '"),
        ("a: 1\n[b]", "2:1: expected a mapping key at this indentation, found '['"),
        ("- a\nb: 1", "2:1: expected a sequence entry '- ' at this indentation, found 'b'"),
        ("\"a\"\nb", "2:1: unexpected 'b' after the document's root value; expected the end of the document"),
        (
            "a: b: c",
            "1:4: a nested mapping cannot start on the same line as its key; move it to the next line and indent it"
        ),
        ("a: - b", "1:4: a block sequence cannot start on the same line as its key; put '- ' on the next line"),
        (": a", "1:1: expected a mapping key before ':'"),
        ("a: 1\nb: 2\na: 3", "3:1: duplicate key a; first defined at line 1, column 1"),
        (
            "spec:\n  replicas: 1\n  'replicas': 2",
            "3:3: duplicate key spec.replicas; first defined at line 2, column 3"
        ),
        ("- k: 1\n  k: 2", "2:3: duplicate key [0].k; first defined at line 1, column 3"),
        ("m: {a: 1, a: 2}", "1:11: duplicate key m.a; first defined at line 1, column 5"),
        // Scalars.
        ("a: \"abc", "1:4: unterminated double-quoted scalar; expected a closing '\"'"),
        ("a: 'abc\n", "1:4: unterminated single-quoted scalar; expected a closing \"'\""),
        ("a: \"x\n---\n\"", "1:4: unterminated double-quoted scalar; expected a closing '\"'"),
        (
            "a: \"abc\nb: 1\"",
            "2:1: continuation line of the double-quoted scalar from line 1 must be indented by at least 1 space"
        ),
        ("a: \"x\" y", "1:8: unexpected 'y' after the double-quoted scalar; expected the end of the line"),
        ("a: \"x\"# c", "1:7: unexpected '#' after the double-quoted scalar; a comment needs white space before '#'"),
        (
            #"a: "\q""#,
            #"1:5: invalid escape '\q'; expected one of \0 \a \b \t \n \v \f \r \e \" \/ \\ \N \_ \L \P \xHH \uHHHH \UHHHHHHHH or '\' and a space"#
        ),
        (#"a: "\x4G""#, #"1:8: expected 2 hex digits after \x, found 'G'"#),
        (#"a: "\uD83D""#, #"1:5: unpaired surrogate \uD83D; expected a low surrogate \uDC00...\uDFFF after it"#),
        (#"a: "\uDE00""#, #"1:5: unpaired surrogate \uDE00; expected a high surrogate \uD800...\uDBFF before it"#),
        (
            #"a: "\U00110000""#,
            #"1:5: \U00110000 is not a Unicode scalar; expected at most 0010FFFF and no surrogate D800...DFFF"#
        ),
        // Kubernetes reads YAML 1.1, where a leading zero means octal: neither reading is silent.
        (
            "defaultMode: 0644",
            "1:14: 0644 is octal in YAML 1.1, which Kubernetes reads, and decimal in YAML 1.2; write it without the leading zero, as 0o644 for octal, or quote it"
        ),
        (
            "[-007]",
            "1:2: -007 is octal in YAML 1.1, which Kubernetes reads, and decimal in YAML 1.2; write it without the leading zero, as 0o7 for octal, or quote it"
        ),
        ("a: @x", "1:4: '@' cannot start a plain scalar; quote the value"),
        ("a: %x", "1:4: '%' cannot start a plain scalar; quote the value"),
        (
            "a: \u{07}",
            "1:4: control character U+0007 is not allowed in YAML; write it as an escape in a double-quoted string"
        ),
        // Block scalars.
        ("a: | x", "1:6: unexpected 'x' after the block scalar header; expected the end of the line"),
        ("a: |0\n  x", "1:5: block scalar indentation indicator 0 is invalid; expected 1 to 9"),
        (
            "a: |\n    \n  x",
            "2:1: a leading empty line of the block scalar has 4 spaces, more than its first content line (2); remove the extra spaces"
        ),
        // Flow collections.
        ("a: [1, 2", "1:4: unterminated flow sequence; expected ']'"),
        (
            "a: {b: 1\nc: 2",
            "2:1: continuation line of the flow mapping from line 1 must be indented by at least 1 space"
        ),
        ("m: {b: 1", "1:4: unterminated flow mapping; expected '}'"),
        ("args: [a] b", "1:11: unexpected 'b' after the flow sequence; expected the end of the line"),
        ("m: {a: 1} x", "1:11: unexpected 'x' after the flow mapping; expected the end of the line"),
        ("[\"a\" b]", "1:6: expected ',' or ']' after a flow sequence entry, found 'b'"),
        ("[f}g]", "1:3: expected ',' or ']' after a flow sequence entry, found '}'"),
        ("[a, , b]", "1:5: expected a scalar, found ','"),
        ("{a, b}", "1:3: expected ':' after the flow mapping key \"a\", found ','"),
        ("{a: 1]", "1:6: expected ',' or '}' after a flow mapping entry, found ']'"),
    ]

    @Test(arguments: errorCases)
    func rejectsInvalidOrUnsupportedYAML(yaml: String, expected: String) {
        #expect(failure(yaml) == expected)
    }

    @Test func conformanceTableIsLargeEnough() {
        #expect(Self.validCases.count >= 60)
        #expect(Self.errorCases.count >= 40)
    }
}

@Suite("YAML reader positions and documents")
struct YAMLPositionTests {
    private let pod = """
        apiVersion: v1
        spec:
          containers:
          - name: app
            args: ["a", b]
            note: |
              text
            empty:
        """

    @Test func recordsWhereValuesAndKeysStart() throws {
        let root = try YAMLReader.document(parsing: pod)
        #expect(root.position == SourcePosition(line: 1, column: 1))
        let members = try #require(root.members)
        #expect(members[0].keyPosition == SourcePosition(line: 1, column: 1))
        #expect(members[0].value.position == SourcePosition(line: 1, column: 13))
        #expect(members[1].keyPosition == SourcePosition(line: 2, column: 1))
        // A block mapping starts at its first key, a block sequence at its first dash.
        let spec = try #require(root["spec"])
        #expect(spec.position == SourcePosition(line: 3, column: 3))
        let containers = try #require(spec["containers"])
        #expect(containers.position == SourcePosition(line: 4, column: 3))
        let container = try #require(containers.elements?.first)
        #expect(container.position == SourcePosition(line: 4, column: 5))
        #expect(container.members?.map(\.keyPosition.column) == [5, 5, 5, 5])
        let args = try #require(container["args"])
        #expect(args.position == SourcePosition(line: 5, column: 11))
        #expect(
            args.elements?.map(\.position) == [
                SourcePosition(line: 5, column: 12), SourcePosition(line: 5, column: 17),
            ])
        #expect(container["note"]?.position == SourcePosition(line: 6, column: 11))
        // An empty value sits just after its colon.
        #expect(container["empty"]?.position == SourcePosition(line: 8, column: 11))
        #expect(container["empty"]?.value == .null)
    }

    @Test func positionsAfterMultiByteCharacters() throws {
        let root = try YAMLReader.document(parsing: "é😀: \"x\"\nb: [ü, v]")
        #expect(root.members?[0].value.position == SourcePosition(line: 1, column: 5))
        #expect(
            root["b"]?.elements?.map(\.position) == [
                SourcePosition(line: 2, column: 5), SourcePosition(line: 2, column: 8),
            ])
        #expect(try YAMLReader.document(parsing: "\u{FEFF}a: 1")["a"]?.position == SourcePosition(line: 1, column: 4))
    }

    @Test func splitsDocuments() throws {
        let text = "a: 1\n---\nb: 2\n...\n---\n# empty\n---\n- x\n--- # trailing comment\n"
        let documents = try YAMLReader.documents(parsing: text)
        #expect(documents.map(YAMLConformanceTests.render) == [#"{"a":1}"#, #"{"b":2}"#, #"["x"]"#])
        #expect(documents.map(\.position) == [1, 3, 8].map { SourcePosition(line: $0, column: 1) })
        #expect(try YAMLReader.documents(parsing: "").isEmpty)
        #expect(try YAMLReader.documents(parsing: "---\n---\n...\n# nothing\n").isEmpty)
        // A document marker at column 1 ends a block scalar; after '...' a bare document may follow.
        let scalars = try YAMLReader.documents(parsing: "s: |\n  x\n---\nt: 1\n...\nu: 2")
        #expect(scalars.map(YAMLConformanceTests.render) == [#"{"s":"x\n"}"#, #"{"t":1}"#, #"{"u":2}"#])
    }

    @Test func requiresExactlyOneDocument() {
        func failure(_ text: String) -> String? {
            do {
                _ = try YAMLReader.document(parsing: text)
                return nil
            } catch {
                return error.description
            }
        }
        #expect(
            failure("---\na: 1\n---\n# empty\n---\nb: 2")
                == "5:1: expected exactly one document; another one starts here")
        #expect(failure("a: 1\n...\nb: 2") == "3:1: expected exactly one document; another one starts here")
        #expect(failure("") == "1:1: expected one YAML document, found none")
        #expect(failure("# only\n---\n") == "3:1: expected one YAML document, found none")
    }

    @Test func limitsNestingLikeTheJSONParser() throws {
        let limit = JSONParser.maximumDepth
        let deepest = String(repeating: "- ", count: limit) + "x"
        var node = try YAMLReader.document(parsing: deepest)
        for _ in 0..<limit { node = try #require(node.elements?.first) }
        #expect(node.value == .string("x"))
        do {
            _ = try YAMLReader.document(parsing: String(repeating: "- ", count: limit + 1) + "x")
            Issue.record("expected a nesting error")
        } catch {
            #expect(
                error.description
                    == "1:\(2 * limit + 1): nesting deeper than \(limit) levels; expected a shallower document")
        }
        var mappings = ""
        for level in 0...limit { mappings += String(repeating: " ", count: level) + "k:\n" }
        do {
            _ = try YAMLReader.document(parsing: mappings)
            Issue.record("expected a nesting error")
        } catch {
            #expect(
                error.description
                    == "\(limit + 1):\(limit + 1): nesting deeper than \(limit) levels; expected a shallower document")
        }
        // Far deeper input fails at the limit instead of exhausting the stack.
        #expect(throws: YAMLParseError.self) {
            try YAMLReader.document(parsing: String(repeating: "- ", count: 100_000))
        }
    }

    @Test func keepsHugeNumbersLikeTheJSONParser() throws {
        let digits = String(repeating: "9", count: 40)
        let yamlNumber = try YAMLReader.document(parsing: digits).value
        let jsonNumber = try JSONNode(parsing: digits).value
        #expect(yamlNumber == jsonNumber)
        let wide = "0x" + String(repeating: "F", count: 255)
        guard case .number(let number) = try YAMLReader.document(parsing: wide).value else {
            Issue.record("expected a number")
            return
        }
        #expect(number.value.isFinite && number.value > 1e307)
        #expect(try JSONNode(parsing: number.literal).value == .number(number))
        for tooLarge in ["0x" + String(repeating: "F", count: 256), "0o" + String(repeating: "7", count: 100_000)] {
            #expect(throws: YAMLParseError.self) { try YAMLReader.document(parsing: tooLarge) }
        }
        #expect(
            throws: YAMLParseError(
                "number 1\(String(repeating: "0", count: 400)) is out of range; expected a magnitude below 1.8e308",
                at: SourcePosition(line: 1, column: 1))
        ) { try YAMLReader.document(parsing: "1" + String(repeating: "0", count: 400)) }
    }
}
