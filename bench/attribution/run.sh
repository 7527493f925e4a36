#!/usr/bin/env bash
# kpi attribution benchmark: every model over 20 million touchpoints (2 million journeys, 12 channels),
# next to first/last/linear in DuckDB SQL (JDBC) on the same files, with an agreement check.
# Run from anywhere; paths are relative to the repository root.
#
#   bench/attribution/run.sh                 full size: 20M touchpoints, 2M journeys; 3 runs per job
#   bench/attribution/run.sh --quick         2M touchpoints, 200k journeys
#   options: --runs K   --threads N (DuckDB, default 2)   --jobs all,fll,duckdb (default: all three)
#   env:     KPI_JAVA_OPTS  extra JVM flags for kpi (default none: the JVM's default heap)
#
# Data goes to bench/data/attribution[/quick] (git-ignored), results to bench/out/attribution[/quick].
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE=$ROOT/bench/attribution
DUCKDB_VERSION=2.0.0.1
LIB=$ROOT/bench/target/lib
KPI_JAR=$ROOT/target/kpi.jar

quick=0 runs=3 threads=2 jobs=all,fll,duckdb
while [ $# -gt 0 ]; do
  case $1 in
    --quick) quick=1 ;;
    --runs) runs=$2; shift ;;
    --threads) threads=$2; shift ;;
    --jobs) jobs=$2; shift ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
if [ "$quick" = 1 ]; then
  DATA=$ROOT/bench/data/attribution/quick; OUT=$ROOT/bench/out/attribution/quick; gen=(--journeys 200000 --touches 2000000)
else
  DATA=$ROOT/bench/data/attribution; OUT=$ROOT/bench/out/attribution; gen=(--journeys 2000000 --touches 20000000)
fi
mkdir -p "$DATA" "$OUT"
has() { [[ ",$jobs," == *",$1,"* ]]; }
log() { printf '\n== %s\n' "$*"; }

for cmd in java python3 mvn; do command -v $cmd >/dev/null || { echo "missing $cmd" >&2; exit 1; }; done
[ -x /usr/bin/time ] || { echo "GNU time (/usr/bin/time) is needed: apt-get install -y time" >&2; exit 1; }

if [ ! -f "$KPI_JAR" ] || [ -n "$(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$KPI_JAR" -print -quit)" ]; then
  log "building kpi: mvn -q -B package -DskipTests"
  (cd "$ROOT" && mvn -q -B package -DskipTests) || exit 1
fi
if has duckdb && [ ! -f "$LIB/duckdb_jdbc-$DUCKDB_VERSION.jar" ]; then
  log "fetching the DuckDB JDBC driver"
  (cd "$ROOT" && mvn -q -B dependency:copy -Dartifact=org.duckdb:duckdb_jdbc:$DUCKDB_VERSION -DoutputDirectory="$LIB") || exit 1
fi
if [ ! -f "$DATA/touchpoints.csv" ] || [ ! -f "$DATA/deals.csv" ]; then
  log "generating data: java bench/attribution/GenerateTouchpoints.java ${gen[*]} --out $DATA"
  (cd "$ROOT" && java "$HERE/GenerateTouchpoints.java" "${gen[@]}" --out "$DATA") || exit 1
fi
ls -l "$DATA"

# run NAME CMD...: $runs timed runs; prints each wall time and peak RSS, then the median
# (CPU = user + system seconds, all threads: steadier than wall time on a shared machine)
declare -A MEDIAN RSS CPU
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
run() {
  local name=$1; shift
  local walls=() cpus=() peak=0
  for i in $(seq 1 "$runs"); do
    /usr/bin/time -f '%e %M %U %S' -o "$OUT/$name.time" "$@" > "$OUT/$name.stdout" 2> "$OUT/$name.stderr" \
      || { echo "$name failed:"; cat "$OUT/$name.stderr"; exit 1; }
    read -r wall rss user sys < <(tail -1 "$OUT/$name.time")
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.2f", u + s}')
    walls+=("$wall"); cpus+=("$cpu"); [ "$rss" -gt "$peak" ] && peak=$rss
    printf '  %-8s run %d: %6.2f s wall, %6.2f s CPU, peak RSS %5d MB, load %s\n' "$name" "$i" "$wall" "$cpu" $((rss / 1024)) \
      "$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo ?)"
  done
  MEDIAN[$name]=$(printf '%s\n' "${walls[@]}" | median)
  CPU[$name]=$(printf '%s\n' "${cpus[@]}" | median)
  RSS[$name]=$((peak / 1024))
}

KPI=(java ${KPI_JAVA_OPTS:-} -jar "$KPI_JAR" attribution --touchpoints "$DATA/touchpoints.csv" --deals "$DATA/deals.csv"
     --lookback 90d --touch-order sorted --format json -q)
if has all; then
  log "kpi, every model: ${KPI[*]} --model all -o $OUT/kpi-all.json"
  run kpi-all "${KPI[@]}" --model all -o "$OUT/kpi-all.json"
fi
if has fll; then
  log "kpi, first/last/linear: ${KPI[*]} --model first,last,linear -o $OUT/kpi-fll.json"
  run kpi-fll "${KPI[@]}" --model first,last,linear -o "$OUT/kpi-fll.json"
fi
if has duckdb; then
  # compiled once so that javac's time is not counted (java -cp 'bench/target/lib/*' DuckAttribution.java runs it too)
  CLASSES=$ROOT/bench/target/attribution-classes
  mkdir -p "$CLASSES" && javac -cp "$LIB/*" -d "$CLASSES" "$HERE/DuckAttribution.java" || exit 1
  DUCK=(java -cp "$CLASSES:$LIB/*" DuckAttribution --data "$DATA" --lookback-days 90 --threads "$threads" --out "$OUT/duckdb.csv")
  log "DuckDB $DUCKDB_VERSION (JDBC, $threads threads), first/last/linear: ${DUCK[*]}"
  run duckdb "${DUCK[@]}"
fi

log "agreement of first/last/linear"
status=0
for k in kpi-all kpi-fll; do
  if [ -f "$OUT/$k.json" ] && [ -f "$OUT/duckdb.csv" ]; then
    printf '  %s vs duckdb: ' "$k"; python3 "$HERE/compare.py" "$OUT/$k.json" "$OUT/duckdb.csv" || status=1
  fi
done

log "summary (median of $runs runs; peak RSS over the runs)"
printf '  %-10s %10s %12s %10s %10s %12s\n' job "wall s" "wall/duckdb" "CPU s" "CPU/duckdb" "RSS MB"
for k in kpi-all kpi-fll duckdb; do
  [ -n "${MEDIAN[$k]:-}" ] || continue
  ratio=- cratio=-
  [ -n "${MEDIAN[duckdb]:-}" ] && ratio=$(awk -v a="${MEDIAN[$k]}" -v b="${MEDIAN[duckdb]}" 'BEGIN {printf "%.1fx", a / b}')
  [ -n "${CPU[duckdb]:-}" ] && cratio=$(awk -v a="${CPU[$k]}" -v b="${CPU[duckdb]}" 'BEGIN {printf "%.1fx", a / b}')
  printf '  %-10s %10s %12s %10s %10s %12s\n' "$k" "${MEDIAN[$k]}" "$ratio" "${CPU[$k]}" "$cratio" "${RSS[$k]}"
done
[ -f "$OUT/duckdb.stdout" ] && echo "  (last DuckDB run, inside the JVM: $(cat "$OUT/duckdb.stdout"))"
if [ -f "$OUT/kpi-all.json" ]; then
  python3 - "$OUT/kpi-all.json" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
i = j["inputs"]
print(f"  kpi inputs: {i['touchpoints']} touchpoints, {i['convertingJourneys']} converting and {i['nonConvertingJourneys']}"
      f" non-converting journeys, {i['distinctPaths']} distinct paths; models: {', '.join(j['models'])}")
PY
fi
exit $status
