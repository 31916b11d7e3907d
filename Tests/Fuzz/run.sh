#!/usr/bin/env bash
# Fuzzes the scenario decoder and validator (JSON and YAML) with libFuzzer for SECONDS
# (default 600) under AddressSanitizer (Swift itself traps on overflow and out-of-range
# access; swiftc offers no -sanitize=undefined on Linux), seeded with scenarios/.
# A finding leaves a crash-* file in the work directory and a non-zero exit; turn it into a
# regression test in Tests/SplitSimTests/Scenario/ScenarioFuzzTests.swift.
#   Tests/Fuzz/run.sh [SECONDS] [WORKDIR]
set -euo pipefail
seconds=${1:-600}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${2:-$(mktemp -d /tmp/splitsim-fuzz.XXXXXX)}
mkdir -p "$work/build" "$work/corpus"
flags=(-sanitize=fuzzer,address -parse-as-library -O -g -swift-version 6)
swiftc "${flags[@]}" -module-name SplitRouter -emit-module -emit-module-path "$work/build/SplitRouter.swiftmodule" \
    -emit-library -static -o "$work/build/libSplitRouter.a" $(find "$root/Sources/SplitRouter" -name '*.swift')
swiftc "${flags[@]}" -module-name SplitSim -I "$work/build" -emit-module -emit-module-path "$work/build/SplitSim.swiftmodule" \
    -emit-library -static -o "$work/build/libSplitSim.a" $(find "$root/Sources/SplitSim" -name '*.swift')
swiftc "${flags[@]}" -I "$work/build" -L "$work/build" -lSplitSim -lSplitRouter \
    "$root/Tests/Fuzz/ScenarioFuzzTarget.swift" -o "$work/build/fuzz-scenarios"
for file in "$root"/scenarios/*.json; do cp "$file" "$work/corpus/"; done
for file in "$root"/scenarios/*.json; do
    # The same scenarios as YAML inputs (a JSON text is a YAML flow mapping only in part;
    # the mutations find the block forms from the seeds' structure).
    { printf 'y'; cat "$file"; } > "$work/corpus/yaml-$(basename "$file")"
done
cd "$work"
echo "splitsim fuzz: $work, $seconds s"
"$work/build/fuzz-scenarios" -max_total_time="$seconds" -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 "$work/corpus"
