#!/usr/bin/env bash
# Render benchmark: compositor frames/s (CPU 1 thread, all cores, GPU if present), encode frames/s,
# and the wall time of a 60-second 720p video from topic to outbox. Prints a Markdown table.
# Usage (from anywhere): render-engine/scripts/benchmark.sh [--frames N] [--video-seconds S]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
mvn -B -q -pl render-engine -am -DskipTests install
mvn -B -q -pl render-engine exec:java -Dexec.mainClass=com.ytempire.render.bench.RenderBenchmark -Dexec.args="$*"
