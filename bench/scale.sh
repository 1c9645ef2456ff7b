#!/usr/bin/env bash
# Scale benchmark: one khabar replica polls FEEDS feeds served by a local
# feed farm (crates/khabar/examples/feed_farm.rs), most polls answered 304.
# Measures, over a steady-state window after a warm-up, the CPU used by the
# khabar process (utime+stime from /proc/PID/stat), its RSS and peak RSS
# (VmRSS / VmHWM from /proc/PID/status), the number of polls and the 304
# ratio (counted by the farm), and whether every feed was polled within its
# interval (the farm tracks the largest gap between two requests per feed).
#
#   bash bench/scale.sh                      # 10 000 feeds, 5 min, stdout sink
#   SINK=kafka KHABAR_TEST_BROKERS=127.0.0.1:9092 bash bench/scale.sh
#   FEEDS=1000 WARMUP=30 STEADY=60 bash bench/scale.sh   # quick smoke run
#
# Knobs (environment): FEEDS (10000), INTERVAL seconds (300), WARMUP seconds
# (200), STEADY seconds (300), ADDRS loopback addresses 127.0.0.1..N (16),
# PORT (18080), CHANGE_FRACTION of feeds changed per tick (0.01),
# CHANGE_EVERY seconds (60), CONCURRENCY fetches in flight (16), PER_HOST
# concurrency (4), SINK stdout|kafka (stdout), PERF_SECS: if > 0, right after the
# measured window record a `perf` profile of khabar for that long (0; khabar
# is idle between poll rounds, so this only sees work with short intervals),
# BUILD=1 to run the release build even when the binaries exist, KEEP=1 to
# keep the temp dir (config, logs, state).
#
# The build is the one command below, with its own target dir so it does not
# disturb other builds; nothing else is compiled.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target-bench}
BIN=$CARGO_TARGET_DIR/release
FEEDS=${FEEDS:-10000}
INTERVAL=${INTERVAL:-300}
WARMUP=${WARMUP:-200}
STEADY=${STEADY:-300}
ADDRS=${ADDRS:-16}
PORT=${PORT:-18080}
CHANGE_FRACTION=${CHANGE_FRACTION:-0.01}
CHANGE_EVERY=${CHANGE_EVERY:-60}
CONCURRENCY=${CONCURRENCY:-16}
PER_HOST=${PER_HOST:-4}
SINK=${SINK:-stdout}
PERF_SECS=${PERF_SECS:-0}

if [[ ${BUILD:-0} == 1 || ! -x $BIN/khabar || ! -x $BIN/examples/feed_farm ]]; then
    (cd "$ROOT" && cargo build --release -p khabar --examples --bins)
fi

TMP=$(mktemp -d /tmp/khabar-scale.XXXXXX)
FARM_PID= KHABAR_PID= SAMPLER_PID=
cleanup() {
    for p in $SAMPLER_PID $KHABAR_PID $FARM_PID; do
        kill "$p" 2>/dev/null || true
    done
    wait 2>/dev/null || true
    if [[ ${KEEP:-0} == 1 ]]; then echo "kept $TMP" >&2; else rm -rf "$TMP"; fi
}
trap cleanup EXIT

TCK=$(getconf CLK_TCK)
# CPU seconds (user+system, all threads) of a process.
cpu_s() { awk -v t="$TCK" '{ sub(/^.*\) /, ""); print ($12 + $13) / t }' "/proc/$1/stat"; }
# A field of /proc/PID/status in kB.
status_kb() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status"; }
now_s() { date +%s.%N; }
farm_line() { # the last farm output line starting with $1
    grep "^$1" "$TMP/farm.log" | tail -n 1
}
field() { # value of key=$2 in line $1
    sed -n "s/.*[[:space:]]$2=\([^[:space:]]*\).*/\1/p" <<<" $1"
}

# --- the farm ---------------------------------------------------------------
"$BIN/examples/feed_farm" --feeds "$FEEDS" --addrs "$ADDRS" --port "$PORT" \
    --interval "$INTERVAL" --change-fraction "$CHANGE_FRACTION" \
    --change-every "$CHANGE_EVERY" >"$TMP/farm.log" 2>&1 &
FARM_PID=$!
for _ in $(seq 100); do
    grep -q '^feed_farm:' "$TMP/farm.log" 2>/dev/null && break
    sleep 0.1
done
grep -q '^feed_farm:' "$TMP/farm.log" || { cat "$TMP/farm.log"; echo "farm did not start" >&2; exit 1; }

# --- the config ---------------------------------------------------------------
CFG=$TMP/khabar.toml
{
    cat <<EOF
[output]
sink = "$SINK"

[kafka]
brokers = "${KHABAR_TEST_BROKERS:-127.0.0.1:9092}"
topic = "khabar.bench.$$"
partitions = 3
replication_factor = 1

[state]
backend = "embedded"
dir = "$TMP/state"

[fetch]
allow_private_networks = true
concurrency = $CONCURRENCY
per_host_concurrency = $PER_HOST
default_interval = "${INTERVAL}s"

[dedup]
near_duplicates = "mark"

EOF
    awk -v n="$FEEDS" -v a="$ADDRS" -v p="$PORT" -v iv="$INTERVAL" 'BEGIN {
        for (i = 0; i < n; i++)
            printf "[[feeds]]\nurl = \"http://127.0.0.%d:%d/feed/%d.xml\"\ninterval = \"%ds\"\n\n", (i % a) + 1, p, i, iv
    }'
} >"$CFG"

# --- khabar ---------------------------------------------------------------------
"$BIN/khabar" run --config "$CFG" >/dev/null 2>"$TMP/khabar.log" &
KHABAR_PID=$!
T0=$(now_s)

# Sample CPU and RSS every 10 s (a time series for the write-up).
(
    while kill -0 "$KHABAR_PID" 2>/dev/null; do
        printf '%.1f %s %s %s\n' "$(bc <<<"$(now_s) - $T0")" "$(cpu_s "$KHABAR_PID")" \
            "$(status_kb "$KHABAR_PID" VmRSS)" "$(status_kb "$KHABAR_PID" VmHWM)" 2>/dev/null || true
        sleep 10
    done
) >"$TMP/samples.txt" &
SAMPLER_PID=$!

echo "scale: $FEEDS feeds, interval ${INTERVAL}s, sink $SINK; warm-up ${WARMUP}s, steady window ${STEADY}s (tmp $TMP)" >&2
sleep "$WARMUP"
kill -0 "$KHABAR_PID" || { tail -n 20 "$TMP/khabar.log"; echo "khabar died during warm-up" >&2; exit 1; }

# --- steady-state window --------------------------------------------------------
CPU_WARM=$(cpu_s "$KHABAR_PID")
kill -USR1 "$FARM_PID"
A_T=$(now_s) A_CPU=$(cpu_s "$KHABAR_PID") A_RSS=$(status_kb "$KHABAR_PID" VmRSS) A_HWM=$(status_kb "$KHABAR_PID" VmHWM)
A_FARM_CPU=$(cpu_s "$FARM_PID")
sleep 0.5
SNAP_A=$(farm_line snapshot)
sleep "$(bc <<<"$STEADY - 0.5")"
kill -USR1 "$FARM_PID"
B_T=$(now_s) B_CPU=$(cpu_s "$KHABAR_PID") B_RSS=$(status_kb "$KHABAR_PID" VmRSS) B_HWM=$(status_kb "$KHABAR_PID" VmHWM)
B_FARM_CPU=$(cpu_s "$FARM_PID")
sleep 0.5
SNAP_B=$(farm_line snapshot)

if ((PERF_SECS > 0)) && command -v perf >/dev/null; then
    perf record -F 199 -g -p "$KHABAR_PID" -o "$TMP/perf.data" -- sleep "$PERF_SECS" >/dev/null 2>&1 || true
    perf report -i "$TMP/perf.data" --no-children --percent-limit 1.5 --stdio 2>/dev/null \
        | grep -E '^ +[0-9]' | head -n 25 >"$TMP/perf.txt" || true
fi

# The farm's verdict while khabar is still running, then stop khabar.
kill -INT "$FARM_PID"
wait "$FARM_PID" 2>/dev/null || true
FARM_PID=
REPORT=$(farm_line report)
kill -TERM "$KHABAR_PID"
wait "$KHABAR_PID" 2>/dev/null || true
KHABAR_PID=
kill "$SAMPLER_PID" 2>/dev/null || true
SAMPLER_PID=
MAX_RSS_STEADY=$(awk -v a="$WARMUP" '$1 >= a && $3 > m { m = $3 } END { print m + 0 }' "$TMP/samples.txt")

# --- results ----------------------------------------------------------------------
WALL=$(bc -l <<<"$B_T - $A_T")
CPU=$(bc -l <<<"$B_CPU - $A_CPU")
POLLS=$(($(field "$SNAP_B" requests) - $(field "$SNAP_A" requests)))
NM=$(($(field "$SNAP_B" not_modified) - $(field "$SNAP_A" not_modified)))
OK=$(($(field "$SNAP_B" ok) - $(field "$SNAP_A" ok)))
echo
echo "== khabar scale benchmark ($(date -u +%FT%TZ), $(nproc) cores, load avg $(cut -d' ' -f1-3 /proc/loadavg)) =="
printf 'feeds                     %d on %d loopback addresses, interval %ss, %s%% of feeds change every %ss\n' \
    "$FEEDS" "$ADDRS" "$INTERVAL" "$(bc -l <<<"$CHANGE_FRACTION * 100" | sed 's/0*$//;s/\.$//')" "$CHANGE_EVERY"
printf 'sink                      %s\n' "$SINK"
printf 'warm-up                   %ss, khabar CPU %.1f s (%.3f cores on average)\n' "$WARMUP" "$CPU_WARM" "$(bc -l <<<"$CPU_WARM / $WARMUP")"
printf 'steady window             %.1f s\n' "$WALL"
printf 'polls in window           %d (%.1f/s): %d × 304, %d × 200\n' "$POLLS" "$(bc -l <<<"$POLLS / $WALL")" "$NM" "$OK"
printf '304 ratio                 %.3f\n' "$(bc -l <<<"if ($POLLS > 0) $NM / $POLLS else 0")"
printf 'CPU, steady state         %.2f s over %.1f s = %.3f cores (farm: %.3f cores)\n' \
    "$CPU" "$WALL" "$(bc -l <<<"$CPU / $WALL")" "$(bc -l <<<"($B_FARM_CPU - $A_FARM_CPU) / $WALL")"
printf 'RSS                       %.1f MiB at window start, %.1f MiB at end, max sampled in window %.1f MiB\n' \
    "$(bc -l <<<"$A_RSS / 1024")" "$(bc -l <<<"$B_RSS / 1024")" "$(bc -l <<<"$MAX_RSS_STEADY / 1024")"
printf 'peak RSS (VmHWM)          %.1f MiB (whole run, includes the first round)\n' "$(bc -l <<<"$B_HWM / 1024")"
printf 'farm verdict              %s\n' "${REPORT#report }"
echo "khabar exit summary       $(grep -o 'khabar: .*' "$TMP/khabar.log" | tail -n 1)"
WARNS=$(grep -c -E 'WARN|ERROR' "$TMP/khabar.log" || true)
echo "khabar warnings/errors    $WARNS"
if ((WARNS > 0)); then grep -E 'WARN|ERROR' "$TMP/khabar.log" | sed 's/\x1b\[[0-9;]*m//g' | cut -c1-200 | sort | uniq -c | sort -rn | head -n 5; fi
echo "samples (t s, cpu s, VmRSS kB, VmHWM kB):"
awk 'NR % 3 == 1' "$TMP/samples.txt" | sed 's/^/  /'
if [[ -s $TMP/perf.txt ]]; then
    echo "perf (${PERF_SECS}s after the window, self time):"
    sed 's/^/  /' "$TMP/perf.txt"
fi
