#!/usr/bin/env bash
# bin/bench scale: PostgreSQL filled with 10,000 essays of the seeds' size and 1,000,000 notes, nodes behind
# nginx, measured with wrk; the same measures on the five seed essays first. Prints a report (also written
# to target/bench-scale.txt). Needs postgresql, nginx and wrk (installed from Debian's packages when missing).
# ESSAYS (10000) and NOTES_PER_ESSAY (100) change the size; DURATION (20s) each wrk run, after an
# uncounted one of WARMUP_PER_NODE (20) seconds for each node;
# SKIP_SEEDS=1 leaves out the measures on the seeds (their notes are still written: the copies need them).
set -euo pipefail
cd "$(dirname "$0")/../.."
source bin/lib/postgres.sh
source bin/lib/cluster.sh
ESSAYS=${ESSAYS:-10000}
NOTES_PER_ESSAY=${NOTES_PER_ESSAY:-100}
DURATION=${DURATION:-20s}
WARMUP_PER_NODE=${WARMUP_PER_NODE:-20}
SLUG=breaking-from-stalinism
PROXY=8090
export NODE_JAVA_OPTS=${NODE_JAVA_OPTS:--Xms256m -Xmx2g -XX:+UseSerialGC}
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq wrk
fi
mvn -q -B -DskipTests package test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CLUSTER_DIR=$(mktemp -d /tmp/glossa-bench.XXXXXX)
# Run from copies, so that a build in this tree while the benchmark runs changes nothing under it.
cp target/glossa.jar "$CLUSTER_DIR/glossa.jar"
cp -r target/classes "$CLUSTER_DIR/classes"
cp -r target/test-classes "$CLUSTER_DIR/test-classes"
export GLOSSA_JAR="$CLUSTER_DIR/glossa.jar"
CP="$CLUSTER_DIR/classes:$CLUSTER_DIR/test-classes:$(cat target/bench-classpath.txt)"
OUT=target/bench-scale.txt
: >"$OUT"
N_MAX=3
stop_nodes() { nginx_stop; for i in $(seq 1 $N_MAX); do node_stop "$i"; done; }
trap 'stop_nodes; pg_stop; rm -rf "$CLUSTER_DIR"' EXIT
trap 'exit 130' INT TERM
say() { echo "$*" | tee -a "$OUT"; }

PG_FSYNC=on PG_OPTIONS="-c shared_buffers=256MB" pg_start
say "scale benchmark $(date -u +%FT%TZ) on $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
say "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

# start_timed I: starts node I and prints the seconds until /healthz answers.
start_timed() {
  local i=$1 t0 t1
  t0=$(date +%s.%N)
  node_start "$i" $((7070 + i)) "http://localhost:$PROXY" --write-limit 0
  wait_healthy $((7070 + i)) 1800
  t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc
}

# cpu_ticks NODES: CPU time so far (clock ticks) of the nodes, PostgreSQL, nginx; then the machine's busy
# and total ticks (all cores), for where the cores went during a measure.
cpu_ticks() {
  local pids=() i
  for i in $(seq 1 "$1"); do pids+=("$(cat "$CLUSTER_DIR/node$i.pid")"); done
  perl -e '
    my %nodes = map { $_ => 1 } @ARGV; my ($java, %by) = (0);
    for my $f (glob "/proc/[0-9]*/stat") {
      open my $h, "<", $f or next; my $s = <$h>; close $h;
      my ($pid) = $f =~ m{/proc/(\d+)/}; $s =~ /\((.*)\) \S+ (.*)/ or next; my @f = split / /, $2;
      my $t = $f[10] + $f[11];
      if ($nodes{$pid}) { $java += $t } else { $by{$1} += $t }
    }
    open my $h, "<", "/proc/stat" or die; my @c = split " ", scalar <$h>; shift @c;
    my $total = 0; $total += $_ for @c[0..7];
    printf "%d %d %d %d %d\n", $java, $by{postgres} // 0, $by{nginx} // 0, $total - $c[3] - $c[4], $total;
  ' "${pids[@]}"
}

# cpu_shares BEFORE AFTER: the shares of all cores each took between two cpu_ticks.
cpu_shares() {
  read -r j0 p0 n0 b0 t0 <<<"$1"
  read -r j1 p1 n1 b1 t1 <<<"$2"
  awk -v j=$((j1 - j0)) -v p=$((p1 - p0)) -v n=$((n1 - n0)) -v b=$((b1 - b0)) -v t=$((t1 - t0)) 'BEGIN {
    printf "cores busy %.0f%%: nodes %.0f%%, PostgreSQL %.0f%%, nginx %.0f%%, wrk and the rest %.0f%%",
      100 * b / t, 100 * j / t, 100 * p / t, 100 * n / t, 100 * (b - j - p - n) / t }'
}

# measure LABEL NODES: wrk on the essay page through nginx, then search latency.
measure() {
  local label=$1 n=$2 ports=() i
  for i in $(seq 1 "$n"); do ports+=($((7070 + i))); done
  nginx_start $PROXY "${ports[@]}"
  for _ in $(seq 1 50); do curl -fsS -o /dev/null "http://127.0.0.1:$PROXY/essays/$SLUG"; done
  # Not counted: a first run, so the measure is of compiled code on every node, not of their JITs. Each
  # node gets as much load as one node would: behind the proxy a node sees 1/N of the requests.
  wrk -t2 -c64 -d"$((WARMUP_PER_NODE * n))s" --timeout 30s "http://127.0.0.1:$PROXY/essays/$SLUG" >/dev/null
  local notes
  notes=$(curl -fsS "http://127.0.0.1:$PROXY/essays/$SLUG" | grep -o 'class="note-body' | wc -l || true)
  local before after
  before=$(cpu_ticks "$n")
  wrk -t2 -c64 -d"$DURATION" --timeout 30s --latency "http://127.0.0.1:$PROXY/essays/$SLUG" >"$CLUSTER_DIR/wrk.txt"
  after=$(cpu_ticks "$n")
  local p50 p99 rps
  p50=$(awk '$1 == "50%" {print $2}' "$CLUSTER_DIR/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$CLUSTER_DIR/wrk.txt")
  rps=$(awk '/Requests\/sec/ {print $2}' "$CLUSTER_DIR/wrk.txt")
  say "$label, $n node(s): essay page ($notes note cards) at 64 connections: p50 $p50, p99 $p99, $rps req/s; $(grep -E 'Non-2xx|Socket errors' "$CLUSTER_DIR/wrk.txt" | tr -s ' ' || echo 'no errors')"
  say "$label, $n node(s): during it, $(cpu_shares "$before" "$after")"
  local times=()
  for q in stalinism healthcare "soviet union" literacy; do
    for _ in $(seq 1 25); do
      times+=("$(curl -fsS -o /dev/null -w '%{time_total}' "http://127.0.0.1:$PROXY/search?q=${q// /+}")")
    done
  done
  say "$label, $n node(s): search, 100 queries one at a time: $(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "p50 %.1f ms, p99 %.1f ms", a[int(NR*0.5)]*1000, a[int(NR*0.99)]*1000}')"
  nginx_stop
}

db_size() {
  psql -h 127.0.0.1 -p "$PG_PORT" -U glossa -d postgres -Atc "SELECT pg_size_pretty(pg_database_size('postgres')) || ', ' || (SELECT COUNT(*) FROM essay) || ' essays, ' || (SELECT COUNT(*) FROM annotation) || ' notes'"
}

# Five seed essays, NOTES_PER_ESSAY notes each (written through the API).
say "seeds: first start (migrations, corpus import, search index): $(start_timed 1) s"
java -cp "$CP" glossa.bench.ScaleData notes "http://127.0.0.1:7071" "$NOTES_PER_ESSAY" "http://localhost:$PROXY" | tee -a "$OUT"
node_stop 1
if [ "${SKIP_SEEDS:-0}" != 1 ]; then
  say "seeds: restart: $(start_timed 1) s"
  say "seeds: database $(db_size)"
  measure seeds 1
  for i in 2 3; do say "seeds: node $i start: $(start_timed $i) s"; done
  measure seeds 3
  stop_nodes
fi

# ESSAYS essays: copies of the seeds with their notes.
t0=$(date +%s)
java -cp "$CP" glossa.bench.ScaleData clone "$PG_URL" "$ESSAYS" | tee -a "$OUT"
say "generator: $(( $(date +%s) - t0 )) s"
say "large: database $(db_size)"
# A new node: no search index yet, so its first start builds one from every essay and note.
rm -rf "$CLUSTER_DIR/node1"
say "large: first start of a new node (builds its search index from every essay and note): $(start_timed 1) s"
# Measured only once the index is whole: a build running beside the measures would take their cores.
until grep -q "search index built in the background" "$CLUSTER_DIR/node1.log"; do
  kill -0 "$(cat "$CLUSTER_DIR/node1.pid")" 2>/dev/null || { say "node 1 stopped while building its index"; exit 1; }
  sleep 2
done
say "large: $(grep -o 'search index built in the background in [0-9]* s' "$CLUSTER_DIR/node1.log")"
node_stop 1
say "large: restart: $(start_timed 1) s"
measure large 1
node_stop 1
for i in 2 3; do rm -rf "$CLUSTER_DIR/node$i"; mkdir -p "$CLUSTER_DIR/node$i"; cp -r "$CLUSTER_DIR/node1/search-index" "$CLUSTER_DIR/node$i/"; done
for i in 1 2 3; do say "large: node $i start (with a copy of the search index): $(start_timed $i) s"; done
measure large 3
stop_nodes
say "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
