#!/usr/bin/env bash
# Runs one of the Java benchmarks on loopback; each prints a line describing the machine, measures
# its baseline in the same run, and stops everything it started.
#
#   bench/run.sh scale [--agents 1000] [--unrelated 20000]   operator scale on the embedded API
#   bench/run.sh alerts [--group-only]                        Alertmanager webhook to Incident and to mitigation
#   bench/run.sh scrape [--series 10000]                      /metrics scrape time of an agent's registry
#
# Builds the operator, the runtime and this module first; NO_BUILD=1 reuses bench/target.
# The agent runtime benchmark under wrk (and its Node.js peer) is bench/runtime/run.sh.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
declare -A mains=(
  [scale]=dev.progressive.bench.scale.OperatorScale
  [alerts]=dev.progressive.bench.alerts.AlertToAction
  [scrape]=dev.progressive.bench.scrape.ScrapeAtScale
)
name=${1:-}
main=""
[ -n "$name" ] && main=${mains[$name]:-}
[ -n "$main" ] || { sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
shift

java_home=$("$root/bin/find-jdk")
if [ -z "${NO_BUILD:-}" ]; then
  "$root/bin/mvn" -B -ntp -q -Pbench -pl bench -am -DskipTests package
fi
[ -d "$root/bench/target/lib" ] || { echo "bench/target/lib is missing: run without NO_BUILD" >&2; exit 1; }
cd "$root"
exec "$java_home/bin/java" -cp "bench/target/classes:bench/target/lib/*" \
  -Dproject.root="$root" -Dlogback.configurationFile=bench-logback.xml \
  -Djava.util.logging.config.file="$root/bench/src/main/resources/bench-jul.properties" \
  "$main" "$@"
