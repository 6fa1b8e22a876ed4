#!/usr/bin/env bash
# The long fuzz campaign over deltac's front end (the spec reader and shape checker, the derivation and its
# printers, check's formula reader and checker), in two parts:
#
#   mutate  120,000 inputs mutated from the seed corpus (tests/src/test/resources/fuzz) by deltac's own mutator,
#           every one bounded in time: the Maven profile fuzz-long (tests/.../fuzz/LongCampaignTest).
#   jazzer  coverage-guided fuzzing with Jazzer (libFuzzer), JavaParser and deltac instrumented: 100,000 inputs to
#           the spec reader (SpecFuzzTest#fuzzSpec), then 100,000 to the formula checker (#fuzzFormulas).
#
# Usage: scripts/fuzz-long.sh [mutate|jazzer|all]      (default: all)
# Environment: MVN (default "mvn"), FUZZ_INPUTS (default 120000), FUZZ_SEED (default 20261127).
# Needs the other modules installed (mvn install -DskipTests). Exit 0 when no new finding; the report and every
# finding's input are kept under tests/target/fuzz (mutate) and tests/target/jazzer-fuzz (jazzer).
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-all}"
MVN="${MVN:-mvn}"
inputs="${FUZZ_INPUTS:-120000}"
seed="${FUZZ_SEED:-20261127}"
status=0

mutate() {
    echo "== mutation campaign: $inputs inputs, seed $seed"
    rm -rf tests/target/fuzz
    mkdir -p tests/target
    local start=$SECONDS
    if ! $MVN -q -Dstyle.color=never -pl tests -P fuzz-long verify -Dfuzz.inputs="$inputs" -Dfuzz.seed="$seed" \
            > tests/target/fuzz-long-maven.log 2>&1; then
        status=1
    fi
    if [[ -f tests/target/fuzz/long-campaign.txt ]]; then
        cat tests/target/fuzz/long-campaign.txt
    else
        echo "no report: see tests/target/fuzz-long-maven.log"
        tail -30 tests/target/fuzz-long-maven.log
        status=1
    fi
    echo "(wall time $((SECONDS - start)) s)"
}

jazzer() {
    local method
    for method in fuzzSpec fuzzFormulas; do
        echo "== Jazzer, coverage-guided: SpecFuzzTest#$method (up to 100,000 inputs)"
        local dir="$PWD/tests/target/jazzer-fuzz/$method"
        rm -rf "$dir"
        mkdir -p "$dir"
        local start=$SECONDS
        if ! JAZZER_FUZZ=1 $MVN -Dstyle.color=never -pl tests test-compile surefire:test@jazzer \
                -Djazzer.test="SpecFuzzTest#$method" -Dtests.jazzer.skip=false -Djazzer.hooks=true \
                -Djazzer.internal.basedir="$dir" \
                > "$dir/maven.log" 2>&1; then
            status=1
        fi
        # the test's own output (known issues) goes to surefire's report; libFuzzer's to the console
        cp tests/target/surefire-reports/deltac.fuzz.SpecFuzzTest-output.txt "$dir/test-output.txt" 2>/dev/null || true
        # libFuzzer's last lines: "Done N runs in S second(s)" and the coverage, or the finding that stopped it
        grep -h -E "^#[0-9]+\s+DONE|^Done [0-9]+ runs|== Java Exception|ERROR: libFuzzer|^known issue|Test unit written" \
            "$dir/maven.log" "$dir/test-output.txt" 2>/dev/null | tail -12 || true
        find "$dir" -name 'crash-*' -o -name 'timeout-*' | sed 's/^/finding input: /'
        tail -1 "$dir/maven.log"
        echo "(wall time $((SECONDS - start)) s)"
    done
}

case "$what" in
    mutate) mutate ;;
    jazzer) jazzer ;;
    all) mutate; jazzer ;;
    *) echo "usage: $0 [mutate|jazzer|all]" >&2; exit 2 ;;
esac
if [[ $status -eq 0 ]]; then echo "fuzz-long: passed"; else echo "fuzz-long: FAILED"; fi
exit $status
