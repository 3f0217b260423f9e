#!/usr/bin/env bash
# Bitext benchmark: cold build, warm rebuild, synthetic editions beside Hugo. See BENCHMARKS.md.
#
#   bench/run.sh                      # the real edition, then 1 000 and 10 000 turns (5–10 min on 2 cores)
#   SIZES="10000" bench/run.sh        # one size only (SIZES="100000" also works: Hugo alone takes 6–20 min)
#   RUNS=10 bench/run.sh              # more runs of the cold build (default 5, after 2 warm-ups)
#
# Needs: JDK 17, Maven, python3, hyperfine, hugo, GNU time (apt-get install -y hyperfine hugo time).
# Results: a Markdown table on stdout and in $WORK/results.md; raw logs in $WORK.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${WORK:-/tmp/bitext-bench}
BUILD=${BUILD:-$WORK/build}
SIZES=${SIZES:-"1000 10000"}
RUNS=${RUNS:-5}
WARM_RUNS=${WARM_RUNS:-1000}
SEED=${SEED:-1}
# Heap of the synthetic builds. 800m keeps the whole process of a 100 000-turn build under 1 GiB of
# peak RSS (G1, the default collector; the heap plus ~150 MB of JIT code, metaspace and G1's own
# structures); -Xmx1g lets G1 grow the heap to 1 GiB and the process to ~1.25 GiB. SerialGC does not
# fit in 800m (its old generation is two thirds of the heap). See BENCHMARKS.md.
XMX=${XMX:-800m}
XMX_FALLBACK=${XMX_FALLBACK:-6g}   # used, and reported, when a build does not fit in $XMX
# the flags of the ./bitext launcher for build (see BENCHMARKS.md)
FAST_FLAGS="-XX:SharedArchiveFile=$WORK/bitext.jsa -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"

say() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
need() { command -v "$1" >/dev/null || { echo "bench: $1 is missing (apt-get install -y $2)" >&2; exit 2; }; }
need hyperfine hyperfine; need hugo hugo; need python3 python3; need mvn maven
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is missing (apt-get install -y time)" >&2; exit 2; }

mkdir -p "$WORK"
RESULTS=$WORK/results.md
: > "$RESULTS"

say "building the jar into $BUILD"
(cd "$ROOT" && mvn -q -o -Dbitext.build.dir="$BUILD" -DskipTests package 2>/dev/null \
  || mvn -q -Dbitext.build.dir="$BUILD" -DskipTests package)
JAR=$BUILD/bitext.jar
# the benchmark's own classes (src/bench/java) are compiled with the tests, outside the product jar
BENCH_CP=$JAR:$BUILD/test-classes

# Snapshots, so that edits made to the tree while the benchmark runs do not change what it measures.
rm -rf "$WORK/templates" "$WORK/real"
cp -r "$ROOT/templates" "$WORK/templates"
if [ -f "$ROOT/content/edition.yaml" ]; then
  cp -r "$ROOT/content" "$WORK/real"; REAL_NAME="real edition (content/)"
else
  cp -r "$ROOT/src/test/resources/fixtures/mini" "$WORK/real"; REAL_NAME="mini fixture (content/edition.yaml absent)"
fi
T=$WORK/templates

# time -v output → "wall_s rss_mib"
timev() { python3 - "$1" <<'EOF'
import re, sys
t = open(sys.argv[1]).read()
w = re.search(r'Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)', t).group(1).split(':')
secs = sum(float(x) * 60 ** i for i, x in enumerate(reversed(w)))
rss = int(re.search(r'Maximum resident set size \(kbytes\): (\d+)', t).group(1))
print(f"{secs:.2f} {rss / 1024:.0f}")
EOF
}
hmedian() { python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results']; print(' '.join(f\"{x['median']*1000:.0f}\" for x in r))" "$1"; }
size_mib() { du -sb "$1" | awk '{printf "%.1f", $1/1048576}'; }
# one synthetic build of ours under time -v: ours NAME JVM-FLAGS... writes $D/NAME.time and $D/NAME.log,
# the site into $D/out (NAME=ours) or $D/out-NAME
ours() {
  local name=$1; shift
  local out=$D/out; [ "$name" = ours ] || out=$D/out-$name
  /usr/bin/time -v -o "$D/$name.time" java "$@" -jar "$JAR" build --content "$D/content" --templates "$T" \
    --out "$out" > "$D/$name.log" 2>&1
}

# ---- (1) cold build of the real edition, whole process ----
say "(1) cold build of the $REAL_NAME: creating the class-data sharing archive"
rm -f "$WORK/bitext.jsa"
java -XX:ArchiveClassesAtExit="$WORK/bitext.jsa" -jar "$JAR" build --content "$WORK/real" --templates "$T" \
  --out "$WORK/out-real" >/dev/null 2>"$WORK/cds.log"
# A JDK 24 or newer, if the machine has one (AOT_JAVA=path/to/java to choose): the same jar on its
# ahead-of-time cache (JEP 483: classes loaded and linked in a training run), reported beside the
# Java 17 rows for comparison. Bitext itself targets Java 17.
if [ -z "${AOT_JAVA:-}" ]; then
  for j in /usr/lib/jvm/*/bin/java; do
    v=$("$j" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    if [ -n "$v" ] && [ "${v%%.*}" -ge 24 ] 2>/dev/null; then AOT_JAVA=$j; break; fi
  done
fi
COLD_ARGS=(
  -n "java -jar" "java -jar $JAR build --content $WORK/real --templates $T --out $WORK/out-real"
  -n "java -XX:TieredStopAtLevel=1 -jar" "java -XX:TieredStopAtLevel=1 -jar $JAR build --content $WORK/real --templates $T --out $WORK/out-real"
  -n "java AppCDS + C1 -jar" "java -XX:SharedArchiveFile=$WORK/bitext.jsa -XX:TieredStopAtLevel=1 -jar $JAR build --content $WORK/real --templates $T --out $WORK/out-real"
  -n "java AppCDS + C1 + SerialGC -jar" "java $FAST_FLAGS -jar $JAR build --content $WORK/real --templates $T --out $WORK/out-real"
)
AOT_NAME=""
if [ -n "${AOT_JAVA:-}" ]; then
  AOT_NAME=$("$AOT_JAVA" -version 2>&1 | head -1)
  say "(1) ahead-of-time cache for $AOT_NAME ($AOT_JAVA)"
  rm -f "$WORK/bitext.aot" "$WORK/bitext.aotconf"
  # record, then create: the two-step form works on JDK 24 as well as 25
  if "$AOT_JAVA" -XX:AOTMode=record -XX:AOTConfiguration="$WORK/bitext.aotconf" -jar "$JAR" build --content "$WORK/real" \
       --templates "$T" --out "$WORK/out-real" >/dev/null 2>"$WORK/aot.log" \
     && "$AOT_JAVA" -XX:AOTMode=create -XX:AOTConfiguration="$WORK/bitext.aotconf" -XX:AOTCache="$WORK/bitext.aot" \
       -jar "$JAR" >>"$WORK/aot.log" 2>&1; then
    COLD_ARGS+=(-n "JDK 24+ AOT cache + C1 + SerialGC -jar"
      "$AOT_JAVA -XX:AOTCache=$WORK/bitext.aot -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar $JAR build --content $WORK/real --templates $T --out $WORK/out-real")
  else
    say "(1) no ahead-of-time cache for $AOT_JAVA, row left out (see $WORK/aot.log)"; AOT_NAME=""
  fi
fi
say "(1) hyperfine: 2 warm-ups, $RUNS runs per variant"
hyperfine -N --warmup 2 --runs "$RUNS" --export-json "$WORK/cold.json" --style basic "${COLD_ARGS[@]}" >&2
read -r COLD_PLAIN COLD_C1 COLD_CDS COLD_FAST COLD_AOT <<<"$(hmedian "$WORK/cold.json")"

# ---- (2) warm rebuild after one note edit, in one JVM ----
say "(2) warm rebuild: $WARM_RUNS rebuilds after a note edit, in one JVM"
# with the collector the launcher gives serve, and with the default one (G1)
java -XX:+UseParallelGC -cp "$BENCH_CP" org.bitext.bench.Bench warm "$WORK/real" "$T" "$WORK/out-warm" "$WARM_RUNS" | tee "$WORK/warm.log" | tail -3 >&2
WARM=$(sed -n 's/.*warm_rebuild_median_ms=\([0-9.]*\).*/\1/p' "$WORK/warm.log")
WARM_LATE=$(sed -n 's/.*late_median_ms=\([0-9.]*\).*/\1/p' "$WORK/warm.log")
java -cp "$BENCH_CP" org.bitext.bench.Bench warm "$WORK/real" "$T" "$WORK/out-warm" "$WARM_RUNS" | tee "$WORK/warm-g1.log" | tail -1 >&2
WARM_G1=$(sed -n 's/.*warm_rebuild_median_ms=\([0-9.]*\).*/\1/p' "$WORK/warm-g1.log")
WARM_G1_LATE=$(sed -n 's/.*late_median_ms=\([0-9.]*\).*/\1/p' "$WORK/warm-g1.log")
java -cp "$BENCH_CP" org.bitext.bench.Bench stages "$WORK/real" "$T" "$WORK/out-stages" 20 > "$WORK/stages.log"
STAGES=$(sed -n 's/^RESULT stages median (first run excluded when n>1): //p' "$WORK/stages.log")

{
  echo "### Real edition ($REAL_NAME), $(nproc) cores, $(java -version 2>&1 | head -1)"
  echo
  echo "| measurement | median | target |"
  echo "|---|---:|---:|"
  echo "| cold build, \`java -jar bitext.jar build\` | ${COLD_PLAIN} ms | ≤ 500 ms |"
  echo "| cold build, \`java -XX:TieredStopAtLevel=1 -jar …\` | ${COLD_C1} ms | ≤ 500 ms |"
  echo "| cold build, \`java -XX:SharedArchiveFile=… -XX:TieredStopAtLevel=1 -jar …\` | ${COLD_CDS} ms | ≤ 500 ms |"
  echo "| cold build, \`java $FAST_FLAGS -jar …\` | ${COLD_FAST} ms | ≤ 500 ms |"
  [ -z "$AOT_NAME" ] || echo "| for comparison: the same jar on $AOT_NAME, \`-XX:AOTCache=… -XX:TieredStopAtLevel=1 -XX:+UseSerialGC\` | ${COLD_AOT} ms | |"
  echo "| warm rebuild after one note edit (\`Bitext.build\` in one JVM, -XX:+UseParallelGC, $WARM_RUNS runs) | ${WARM} ms | ≤ 20 ms |"
  echo "| the same, second half of the runs (JIT settled) | ${WARM_LATE} ms | ≤ 20 ms |"
  echo "| the same with the default collector (G1): all runs, second half | ${WARM_G1} ms, ${WARM_G1_LATE} ms | ≤ 20 ms |"
  echo
  echo "Stages of a warm rebuild after a note edit (median of 19): $STAGES"
  echo
} >> "$RESULTS"

# ---- (3) + (4) synthetic editions, ours and Hugo ----
{
  echo "### Synthetic editions (seed $SEED), ours with -Xmx$XMX, beside Hugo $(hugo version | awk '{print $2}')"
  echo
  echo "\"ours\" is \`java -Xmx$XMX -jar\`; \"ours, launcher flags\" adds the launcher's \`$FAST_FLAGS\` (same output, checked with \`diff -r\`)."
  echo
  echo "| turns | input MiB | ours: wall s | ours: peak RSS MiB | ours: output MiB | ours, launcher flags: wall s | ours, launcher flags: peak RSS MiB | Hugo: wall s | Hugo: peak RSS MiB | Hugo: output MiB | ours/Hugo time | ours with launcher flags/Hugo time |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
} >> "$RESULTS"
for N in $SIZES; do
  D=$WORK/syn-$N
  say "(3) $N turns: generating"
  java -Xmx4g -cp "$BENCH_CP" org.bitext.bench.Synth --turns "$N" --seed "$SEED" --out "$D/content" >&2
  IN=$(size_mib "$D/content")
  rm -rf "$D/out"
  say "(3) $N turns: bitext build (-Xmx$XMX)"
  HEAP=$XMX
  if ours ours -Xmx"$XMX"; then
    tail -1 "$D/ours.log" >&2
  else
    say "(3) $N turns: our build FAILED with -Xmx$XMX: $(grep -m1 -o 'OutOfMemoryError[^\"]*' "$D/ours.log" || tail -1 "$D/ours.log")"
    read -r FW FR <<<"$(timev "$D/ours.time")"; FAILED_AT="failed at -Xmx$XMX after ${FW}s, ${FR} MiB"
    HEAP=$XMX_FALLBACK
    say "(3) $N turns: again with -Xmx$HEAP"
    rm -rf "$D/out"
    ours ours -Xmx"$HEAP" || say "(3) $N turns: failed again, see $D/ours.log"
    tail -1 "$D/ours.log" >&2
  fi
  read -r OW OR <<<"$(timev "$D/ours.time")"; OS=$(size_mib "$D/out")
  [ "$HEAP" = "$XMX" ] || OS="$OS (-Xmx$HEAP; $FAILED_AT)"
  # the same build with the launcher's flags for build (C1 only, the class-data sharing archive,
  # SerialGC): faster up to tens of thousands of turns, slower at 100 000 (BENCHMARKS.md)
  say "(3) $N turns: bitext build with the launcher's flags (-Xmx$XMX $FAST_FLAGS)"
  rm -rf "$D/out-fast"
  if ours fast -Xmx"$XMX" $FAST_FLAGS; then
    tail -1 "$D/fast.log" >&2
    read -r QW QR <<<"$(timev "$D/fast.time")"
    QNUM=$QW
    if ! diff -rq "$D/out" "$D/out-fast" > "$D/fast.diff" 2>&1; then
      say "(3) $N turns: the launcher flags gave DIFFERENT output, see $D/fast.diff"; QW="$QW (output differs!)"
    fi
  else
    read -r QW QR <<<"$(timev "$D/fast.time")"
    say "(3) $N turns: the build with the launcher's flags FAILED, see $D/fast.log"; QW="failed after $QW"; QNUM=""
  fi
  rm -rf "$D/out-fast"
  say "(4) $N turns: writing the equivalent Hugo site"
  rm -rf "$D/hugo" "$D/hugo-out"
  java -Xmx4g -cp "$BENCH_CP" org.bitext.bench.HugoSite "$D/content" "$D/hugo" >&2
  say "(4) $N turns: hugo build"
  /usr/bin/time -v -o "$D/hugo.time" hugo --quiet -s "$D/hugo" -d "$D/hugo-out" > "$D/hugo.log" 2>&1 || say "hugo failed, see $D/hugo.log"
  read -r HW HR <<<"$(timev "$D/hugo.time")"; HS=$(size_mib "$D/hugo-out")
  RATIO=$(python3 -c "print(f'{$OW/$HW:.2f}')")
  QRATIO=""; [ -z "$QNUM" ] || QRATIO=$(python3 -c "print(f'{$QNUM/$HW:.2f}')")
  say "(3/4) $N turns: ours ${OW}s ${OR}MiB ${OS}MiB; with the launcher flags ${QW}s ${QR}MiB; Hugo ${HW}s ${HR}MiB ${HS}MiB; ratios $RATIO, $QRATIO"
  echo "| $N | $IN | $OW | $OR | $OS | $QW | $QR | $HW | $HR | $HS | $RATIO | $QRATIO |" >> "$RESULTS"
  rm -rf "$D/out" "$D/hugo-out" "$D/hugo/public" # keep the inputs, drop the big outputs
done
echo >> "$RESULTS"
say "done; results in $RESULTS"
cat "$RESULTS"
