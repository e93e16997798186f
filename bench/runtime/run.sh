#!/usr/bin/env bash
# Throughput and latency of one agent under wrk, instrumented (metrics + tracing) and with
# AGENT_INSTRUMENTATION=off (same handler, no metrics filter, no spans), then the overhead ratio;
# and the seed's own stack as a peer (bench/node-peer: Express with prom-client and the seed's
# metrics, the same handler), for throughput against Node.js.
# Runs on loopback only and is bounded: ROUNDS x 3 runs of WARMUP + DURATION seconds each.
#
#   bench/runtime/run.sh            build the jar, then measure
#   NO_BUILD=1 bench/runtime/run.sh measure the jar already in agent-runtime/target
#
# Tunables (env): DURATION (s, default 10), WARMUP (s, 15: the JIT needs it on a busy machine),
# CONNECTIONS (16), THREADS (1), ROUNDS (3), PORT (18480), NODE_PEER (1; 0 skips it), LOG_LEVEL (WARN: both runs log the same; per-request INFO lines would
# measure logback instead of the instrumentation).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/bench/runtime"
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-15}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-1}
ROUNDS=${ROUNDS:-3}
PORT=${PORT:-18480}
export LOG_LEVEL=${LOG_LEVEL:-WARN}

java_home=$("$root/bin/find-jdk")
java="$java_home/bin/java"
if ! command -v wrk >/dev/null; then
  echo "installing wrk (Debian package)" >&2
  (apt-get install -y -qq wrk >/dev/null 2>&1) || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
fi
if [ -z "${NO_BUILD:-}" ]; then
  "$root/bin/mvn" -B -ntp -q -pl agent-runtime -DskipTests package
fi
jar="$root/agent-runtime/target/agent-runtime.jar"
[ -f "$jar" ] || { echo "no $jar: run without NO_BUILD" >&2; exit 1; }
NODE_PEER=${NODE_PEER:-1}
peer="$root/bench/node-peer"
modes="on off"
if [ "$NODE_PEER" = 1 ]; then
  command -v node >/dev/null || { echo "node is not installed: install Node.js 18+ or set NODE_PEER=0" >&2; exit 1; }
  [ -d "$peer/node_modules" ] || (cd "$peer" && npm ci --no-audit --no-fund --silent)
  modes="on off node"
fi

agent_pid=""
stop_agent() {
  if [ -n "$agent_pid" ]; then
    kill "$agent_pid" 2>/dev/null || true
    wait "$agent_pid" 2>/dev/null || true
    agent_pid=""
  fi
}
trap stop_agent EXIT

start_agent() { # $1 = on|off|node
  if [ "$1" = node ]; then
    PORT="$PORT" AGENT_ID=npa-bench-node node "$peer/server.js" >/dev/null 2>&1 &
  else
    env -u OTEL_TRACES_EXPORTER -u OTEL_EXPORTER_OTLP_ENDPOINT \
      AGENT_TYPE=npa AGENT_ID="npa-bench-$1" AGENT_HOST=127.0.0.1 AGENT_PORT="$PORT" AGENT_INSTRUMENTATION="$1" \
      "$java" -jar "$jar" >/dev/null 2>&1 &
  fi
  agent_pid=$!
  for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  echo "agent did not become ready on port $PORT" >&2
  exit 1
}

to_ms() { # wrk prints 512.00us, 1.20ms, 1.01s
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); print v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); print v + 0 }
    else if (v ~ /s$/) { sub(/s$/, "", v); print v * 1000 }
    else print v }'
}

cpu_ticks() { # user + system CPU of the agent so far, in clock ticks
  awk '{print $14 + $15}' "/proc/$agent_pid/stat"
}

measure() { # $1 = on|off|node; prints "rps p50 p99 cpu_us_per_request"
  start_agent "$1"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s "$here/post-meal-plan.lua" \
    "http://127.0.0.1:$PORT/api/v1/meal-plans" >/dev/null
  local out ticks_before ticks_after
  ticks_before=$(cpu_ticks)
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$here/post-meal-plan.lua" \
    "http://127.0.0.1:$PORT/api/v1/meal-plans")
  ticks_after=$(cpu_ticks)
  stop_agent
  if echo "$out" | grep -q "Non-2xx"; then
    echo "errors during the run:" >&2
    echo "$out" >&2
    exit 1
  fi
  local rps p50 p99 requests cpu
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(to_ms "$(echo "$out" | awk '$1 == "50%" {print $2}')")
  p99=$(to_ms "$(echo "$out" | awk '$1 == "99%" {print $2}')")
  requests=$(echo "$out" | awk '/requests in/ {print $1}')
  # CPU per request is what the agent itself spends; unlike requests/s it barely moves when
  # other processes compete for the same cores.
  cpu=$(awk -v t=$((ticks_after - ticks_before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" \
    'BEGIN {print t / hz * 1e6 / n}')
  echo "$rps $p50 $p99 $cpu"
}

cpu=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)
jv=$("$java" -version 2>&1 | head -1)
mem=$(awk '/MemTotal/ {printf "%.1f GiB memory", $2 / 1048576}' /proc/meminfo)
echo "machine: $(nproc) cores, ${cpu:-unknown CPU}, $mem, $jv, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
[ "$NODE_PEER" = 1 ] && echo "node peer: node $(node --version), express $(cd "$peer" && node -p 'require("express/package.json").version'), prom-client $(cd "$peer" && node -p 'require("prom-client/package.json").version'), one process (the seed runs one per agent)"
echo "load: wrk -t$THREADS -c$CONNECTIONS, ${WARMUP}s warm-up + ${DURATION}s measured, POST /api/v1/meal-plans on npa, LOG_LEVEL=$LOG_LEVEL"
printf '%-6s %-13s %12s %10s %10s %14s\n' round mode "requests/s" "p50 ms" "p99 ms" "CPU us/request"
results=()
for round in $(seq 1 "$ROUNDS"); do
  # Even rounds measure plain first: whatever the order itself costs (the previous JVM still exiting,
  # the machine's other jobs) falls on both modes alike.
  order=$modes
  [ $((round % 2)) = 0 ] && order=$(echo "$modes" | sed 's/^on off/off on/')
  for mode in $order; do
    read -r rps p50 p99 cpu < <(measure "$mode")
    case $mode in on) label=instrumented ;; off) label=plain ;; node) label=node-peer ;; esac
    printf '%-6s %-13s %12.0f %10.2f %10.2f %14.0f\n' "$round" "$label" "$rps" "$p50" "$p99" "$cpu"
    results+=("$mode $rps $p50 $p99 $cpu")
  done
done
# Best of the rounds per mode: on a shared machine, other processes only ever make a round slower,
# so the best round is the closest to what the agent itself costs. Means are printed too.
printf '%s\n' "${results[@]}" | awk '
  function min(a, b) { return a < b ? a : b }
  function max(a, b) { return a > b ? a : b }
  { m = $1; n[m]++; rps[m] += $2; p50[m] += $3; p99[m] += $4; cpu[m] += $5
    if (n[m] == 1) { brps[m] = $2; bp50[m] = $3; bp99[m] = $4; bcpu[m] = $5 }
    else { brps[m] = max(brps[m], $2); bp50[m] = min(bp50[m], $3); bp99[m] = min(bp99[m], $4); bcpu[m] = min(bcpu[m], $5) } }
  END {
    for (m in n) { rps[m] /= n[m]; p50[m] /= n[m]; p99[m] /= n[m]; cpu[m] /= n[m] }
    printf "mean   %-13s %12.0f %10.2f %10.2f %14.0f\n", "instrumented", rps["on"], p50["on"], p99["on"], cpu["on"]
    printf "mean   %-13s %12.0f %10.2f %10.2f %14.0f\n", "plain", rps["off"], p50["off"], p99["off"], cpu["off"]
    if ("node" in n) printf "mean   %-13s %12.0f %10.2f %10.2f %14.0f\n", "node-peer", rps["node"], p50["node"], p99["node"], cpu["node"]
    printf "best   %-13s %12.0f %10.2f %10.2f %14.0f\n", "instrumented", brps["on"], bp50["on"], bp99["on"], bcpu["on"]
    printf "best   %-13s %12.0f %10.2f %10.2f %14.0f\n", "plain", brps["off"], bp50["off"], bp99["off"], bcpu["off"]
    if ("node" in n) printf "best   %-13s %12.0f %10.2f %10.2f %14.0f\n", "node-peer", brps["node"], bp50["node"], bp99["node"], bcpu["node"]
    change = 100 * (brps["on"] / brps["off"] - 1)
    printf "overhead (best rounds): throughput instrumented/plain = %.3f (%.1f%% %s requests/s),", brps["on"] / brps["off"], change < 0 ? -change : change, change < 0 ? "fewer" : "more"
    printf " p50 x%.2f, p99 x%.2f, CPU per request x%.2f\n", bp50["on"] / bp50["off"], bp99["on"] / bp99["off"], bcpu["on"] / bcpu["off"]
    if ("node" in n) {
      printf "against Node (best rounds): throughput instrumented/node-peer = x%.2f, p50 x%.2f, p99 x%.2f,", brps["on"] / brps["node"], bp50["on"] / bp50["node"], bp99["on"] / bp99["node"]
      printf " CPU per request x%.2f\n", bcpu["on"] / bcpu["node"]
    }
  }'
