#!/usr/bin/env bash
# bench/run.sh: W1-W3 side by side, every contestant from the same initial weights, in the same sample order, at
# the same learning rate; a Markdown table of samples/s (median of the timed runs), the ratio to deltac's generated
# float32 trainer on JDK 17, and each contestant's loss after the check steps, which must agree with the float64
# reference within float32 noise (exit 1 otherwise). bench/README.md says what each contestant is.
#
#   bench/run.sh                       # everything: W1 W2 W3, 5 timed runs each
#   BENCH_WORKLOADS="W2" BENCH_RUNS=7 bench/run.sh
#
# Environment (all optional):
#   BENCH_WORKLOADS   workloads to run (default "W1 W2 W3")
#   BENCH_RUNS        timed runs per contestant, at least 5 (default 5); the table shows their median
#   BENCH_ROUNDS      split each contestant's runs over this many rounds, each round running every contestant of
#                     the workload once (default 1). On a shared machine whose speed drifts, rounds put every
#                     contestant in the same stretches of time: BENCH_ROUNDS=3 gives 2 runs a round, 6 in all
#   BENCH_WARMUP      seconds of warm-up steps before timing (default 5)
#   BENCH_SECONDS     seconds one timed run aims at (default 1; at least one step)
#   BENCH_TOLERANCE   the largest relative loss difference to the float64 reference (default 1e-5)
#   BENCH_JDK17       java 17 binary (default: $JAVA_HOME's if it is 17, else /usr/lib/jvm/java-17-openjdk-amd64)
#   BENCH_JDK25       java 25 binary for the deltac rows on JDK 25 (default /usr/lib/jvm/temurin-25-jdk-amd64);
#                     "none" to skip them
#   BENCH_PYTHON      the Python that has Debian's python3-torch (default /usr/bin/python3)
#   BENCH_TORCH_THREADS  PyTorch's intra-op threads (default 0: its own choice; OpenBLAS has its own pool)
#   BENCH_DL4J_OMP_THREADS  OMP_NUM_THREADS for DL4J, its ops and its OpenBLAS (default 1; see below)
#   BENCH_SKIP        contestants to leave out, e.g. "dl4j pytorch"
#   BENCH_LOCK        a lock file that every Maven build and every timed process holds (flock), so that they do
#                     not overlap with other builds on a shared machine (default /tmp/deltac-mvn.lock; "none": no lock)
#   BENCH_OFFLINE     1 (default): Maven offline first, online when an artifact is missing; 0: online
#   BENCH_BASELINE    an earlier run's results (default bench/baseline.jsonl, when it exists; "none": no comparison):
#                     every deltac median more than 10% below its baseline is flagged, and the script exits 4
#
# Exit status: 0; 1 when a loss disagrees; 4 when a median dropped more than 10% below the baseline.
# Save a run as the baseline with: cp bench/out/results.jsonl bench/baseline.jsonl
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="$root/bench/out"
data="$out/data"
cp_dir="$out/cp"
logs="$out/logs"
results="$out/results.jsonl"
mkdir -p "$out" "$logs"

workloads="${BENCH_WORKLOADS:-W1 W2 W3}"
runs="${BENCH_RUNS:-5}"
rounds="${BENCH_ROUNDS:-1}"
warmup="${BENCH_WARMUP:-5}"
seconds="${BENCH_SECONDS:-1}"
tolerance="${BENCH_TOLERANCE:-1e-5}"
lock="${BENCH_LOCK:-/tmp/deltac-mvn.lock}"
skip=" ${BENCH_SKIP:-} "
python="${BENCH_PYTHON:-/usr/bin/python3}"
baseline="${BENCH_BASELINE:-$root/bench/baseline.jsonl}"

if [ "$runs" -lt 5 ]; then
  echo "bench: BENCH_RUNS=$runs; the table is a median of at least 5 runs" >&2
  exit 2
fi
if ! [ "$rounds" -ge 1 ] 2>/dev/null; then
  echo "bench: BENCH_ROUNDS=$rounds; give a whole number of rounds, at least 1" >&2
  exit 2
fi
per_round=$(( (runs + rounds - 1) / rounds ))   # each process's timed runs; rounds × per_round ≥ BENCH_RUNS

say() { printf 'bench: %s\n' "$*" >&2; }

# Every Maven build and every timed process holds the lock, one at a time (flock on the same file as
# `flock /tmp/deltac-mvn.lock mvn ...` elsewhere). The command may be a shell function.
locked() {
  if [ "$lock" != none ] && command -v flock >/dev/null 2>&1; then
    ( flock 9 && "$@" ) 9>>"$lock"
  else
    "$@"
  fi
}

java_feature() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }

# ---- the JVMs ----
jdk17="${BENCH_JDK17:-}"
if [ -z "$jdk17" ]; then
  for j in "${JAVA_HOME:+$JAVA_HOME/bin/java}" /usr/lib/jvm/java-17-openjdk-amd64/bin/java "$(command -v java || true)"; do
    if [ -n "$j" ] && [ -x "$j" ] && [ "$(java_feature "$j")" = 17 ]; then jdk17="$j"; break; fi
  done
fi
if [ -z "$jdk17" ] || [ "$(java_feature "$jdk17")" != 17 ]; then
  say "no Java 17 found (set BENCH_JDK17): deltac's baseline row is on JDK 17"
  exit 1
fi
jdk25="${BENCH_JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
if [ "$jdk25" != none ] && { [ ! -x "$jdk25" ] || [ "$(java_feature "$jdk25")" != 25 ]; }; then
  say "no JDK 25 at $jdk25 (set BENCH_JDK25): the deltac rows on JDK 25 are left out"
  jdk25=none
fi

# How busy the CPUs are with other work over one second (from /proc/stat), in percent of all cores: "A N" with A
# the time at normal priority and N the niced time (niced processes mostly yield to the benchmark).
busy() {
  [ -r /proc/stat ] || { echo "0 0"; return; }
  local a b
  a=($(head -1 /proc/stat)); sleep 1; b=($(head -1 /proc/stat))
  local total=0 i
  for i in 1 2 3 4 5 6 7 8; do total=$(( total + b[i] - a[i] )); done
  [ "$total" -gt 0 ] || { echo "0 0"; return; }
  local nice=$(( b[2] - a[2] )) idle=$(( b[4] + b[5] - a[4] - a[5] ))
  echo "$(( 100 * (total - idle - nice) / total )) $(( 100 * nice / total ))"
}
busy_note=""
check_quiet() {
  local pct niced
  read -r pct niced <<< "$(locked busy)"
  if [ "$pct" -gt 15 ]; then
    local note="WARNING: other processes kept the CPUs ${pct}% busy $1 (and ${niced}% niced); the figures are low and noisy, PyTorch (whose OpenBLAS uses every core) most of all: rerun on a quiet machine."
    say "$note"
    busy_note="${busy_note:+$busy_note }$note"
  elif [ "$niced" -gt 15 ]; then
    local note="Niced processes kept the CPUs ${niced}% busy $1 (normal priority: ${pct}%); they yield to the benchmark's processes but share the caches and the memory bus."
    say "$note"
    busy_note="${busy_note:+$busy_note }$note"
  fi
}

# ---- build: the modules and the tests module's bench profile (JMH, the Java contestants, DL4J) ----
# The class files are copied to bench/out/cp under the lock, so that other builds in the work tree (a clean, a
# default test-compile) cannot take them away while the benchmark runs.
build() {
  local offline=()
  [ "${BENCH_OFFLINE:-1}" = 1 ] && offline=(-o)
  if ! mvn "${offline[@]}" -q -B -Dstyle.color=never -Pbench -DskipTests package -pl tests -am > "$logs/build.log" 2>&1; then
    if [ ${#offline[@]} -gt 0 ]; then
      echo "bench: the offline build failed; trying online (first run: JMH and DL4J are downloaded)" >&2
      mvn -q -B -Dstyle.color=never -Pbench -DskipTests package -pl tests -am > "$logs/build.log" 2>&1 || return 1
    else
      return 1
    fi
  fi
  rm -rf "$cp_dir" && mkdir -p "$cp_dir/jars" && cp -r tests/target/test-classes "$cp_dir/test-classes" || return 1
  local entries=() e
  IFS=: read -r -a entries < tests/target/bench-classpath.txt || true   # no newline at its end: read says 1
  [ ${#entries[@]} -gt 0 ] || return 1
  local cp="$cp_dir/test-classes"
  for e in "${entries[@]}"; do
    case "$e" in
      "$root"/*) cp "$e" "$cp_dir/jars/" || return 1; cp="$cp:$cp_dir/jars/$(basename "$e")" ;;
      *) cp="$cp:$e" ;;
    esac
  done
  printf '%s' "$cp" > "$cp_dir/classpath.txt"
}
say "building (mvn -Pbench -DskipTests package -pl tests -am; log in bench/out/logs/build.log)"
if ! locked build; then
  tail -40 "$logs/build.log" >&2
  say "the build failed (above)"
  exit 1
fi
classpath="$(cat "$cp_dir/classpath.txt")"
jvm_flags=(--add-modules jdk.incubator.vector -Xms2g -Xmx6g -Ddeltac.bench.root="$root")

# ---- the shared data: samples, order, initial weights and the float64 reference losses ----
say "writing the shared data and the float64 reference losses into bench/out/data"
# shellcheck disable=SC2086
if ! locked "$jdk17" "${jvm_flags[@]}" -cp "$classpath" deltac.bench.Prepare --data "$data" $workloads \
     > "$logs/prepare.log" 2>&1; then
  cat "$logs/prepare.log" >&2
  exit 1
fi
grep -v 'incubator' "$logs/prepare.log" | sed 's/^/bench:   /' >&2

# ---- PyTorch from Debian (python3-torch), its BLAS the pthread OpenBLAS ----
torch_note=""
want_torch=1
case "$skip" in *" pytorch "*) want_torch=0; torch_note="left out (BENCH_SKIP)";; esac
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
if [ "$want_torch" = 1 ]; then
  missing=()
  if command -v dpkg-query >/dev/null 2>&1; then
    have_pkg python3-torch || missing+=(python3-torch)
    have_pkg libopenblas0-pthread || missing+=(libopenblas0-pthread)
  fi
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      say "installing ${missing[*]} with apt-get (log in bench/out/logs/apt.log)"
      if ! { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"; } \
           > "$logs/apt.log" 2>&1; then
        say "CANNOT INSTALL ${missing[*]}: apt-get failed (tail of bench/out/logs/apt.log below)"
        tail -5 "$logs/apt.log" >&2
      fi
    else
      say "CANNOT INSTALL ${missing[*]}: that needs root and apt-get (run: apt-get install python3-torch libopenblas0-pthread)"
    fi
  fi
  if ! "$python" -c 'import torch' >/dev/null 2>&1; then
    torch_note="left out: PyTorch is not importable by $python (python3-torch is not installed and could not be)"
    say "$torch_note"
    want_torch=0
  elif command -v dpkg-query >/dev/null 2>&1 && ! have_pkg libopenblas0-pthread; then
    say "WARNING: libopenblas0-pthread is missing; PyTorch runs on whatever BLAS libblas.so.3 is (maybe the slow reference one)"
  fi
fi

# ---- the contestants ----
check_quiet "before the timed runs"
: > "$results"
failures=()
# run LABEL CONTESTANT-NAME WORKLOAD COMMAND...: one timed process; its RESULT line goes to results.jsonl
run() {
  local label="$1" name="$2" w="$3"
  shift 3
  local log="$logs/$w-$label.log"
  say "$w: $label${round_note:-}"
  if locked "$@" > "$log" 2>&1 && grep -q '^RESULT ' "$log"; then
    local line
    line="$(grep '^RESULT ' "$log" | tail -1 | cut -c8-)"
    printf '%s\n' "${line%\}}, \"label\": \"$label\"}" >> "$results"
  else
    local why
    why="$(grep -v -e '^WARNING' -e '^$' "$log" | grep -m1 -E 'Exception|Error|error' || tail -1 "$log")"
    failures+=("$w $label: ${why:-no RESULT line} (log: bench/out/logs/$w-$label.log)")
    printf '{"workload": "%s", "label": "%s", "contestant": "%s", "failed": %s}\n' "$w" "$label" "$name" \
      "$("$python" -c 'import json,sys; print(json.dumps(sys.argv[1]))' "${why:-no RESULT line}" 2>/dev/null || echo '"failed"')" >> "$results"
    say "  FAILED: ${why:-no RESULT line}"
  fi
}

java_run() { # java_run LABEL JAVA CONTESTANT WORKLOAD [VAR=VALUE...]: the variables set for that process alone
  run "$1" "$3" "$4" env "${@:5}" "$2" "${jvm_flags[@]}" -cp "$classpath" deltac.bench.Run --workload "$4" --contestant "$3" \
    --data "$data" --runs "$per_round" --warmup "$warmup" --seconds "$seconds"
}

for w in $workloads; do
 for round in $(seq 1 "$rounds"); do
  if [ "$rounds" -gt 1 ]; then round_note=" (round $round of $rounds)"; fi
  for c in deltac deltac-loop deltac-ejml hand-ejml hand-loops; do
    case "$skip" in *" $c "*) continue;; esac
    java_run "$c-jdk17" "$jdk17" "$c" "$w"
  done
  if [ "$jdk25" != none ]; then
    for c in deltac deltac-loop deltac-ejml; do
      case "$skip" in *" $c "*) continue;; esac
      java_run "$c-jdk25" "$jdk25" "$c" "$w"
    done
  fi
  if [ "$want_torch" = 1 ]; then
    # This machine may set OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE for old OpenBLAS builds; Debian's current
    # OpenBLAS picks its own kernels without them (faster, same loss), so they are unset here and nowhere else.
    run pytorch pytorch "$w" env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$python" "$root/bench/pytorch_bench.py" \
      --data "$data" --workload "$w" --runs "$per_round" --warmup "$warmup" --seconds "$seconds" \
      --threads "${BENCH_TORCH_THREADS:-0}"
    # and on one thread (its OpenBLAS pool too): on small products PyTorch may do better without the second core
    if [ "${BENCH_TORCH_THREADS:-0}" != 1 ]; then
      run pytorch-1t pytorch "$w" env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 \
        "$python" "$root/bench/pytorch_bench.py" --data "$data" --workload "$w" --runs "$per_round" --warmup "$warmup" \
        --seconds "$seconds" --threads 1
    fi
  fi
  # nd4j's default, an OpenMP thread per core for its own ops and for its OpenBLAS, ran DL4J 4 to 15 times slower
  # on this 2-core machine than OMP_NUM_THREADS=1 (one thread for both), so DL4J gets that here: its best setting.
  case "$skip" in *" dl4j "*) ;; *) java_run dl4j-jdk17 "$jdk17" dl4j "$w" OMP_NUM_THREADS="${BENCH_DL4J_OMP_THREADS:-1}" ;; esac
 done
done

check_quiet "after the timed runs"

# ---- the table, and the loss check ----
table_python="$python"
command -v "$table_python" >/dev/null 2>&1 || table_python=python3
baseline_args=()
[ "$baseline" != none ] && [ -f "$baseline" ] && baseline_args=(--baseline "$baseline")
status=0
"$table_python" "$root/bench/table.py" --results "$results" --data "$data" --tolerance "$tolerance" \
  --runs "$(( per_round * rounds ))" --note "PyTorch=$torch_note" --note "Machine=$busy_note" "${baseline_args[@]}" || status=$?
if [ ${#failures[@]} -gt 0 ]; then
  echo
  echo "Not in the table:"
  for f in "${failures[@]}"; do echo "- $f"; done
fi
exit "$status"
