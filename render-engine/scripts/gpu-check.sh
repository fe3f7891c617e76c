#!/usr/bin/env bash
# GPU acceptance in one go, on a machine with an NVIDIA GPU and driver:
#   1. build the module (skipped with SKIP_BUILD=1 when target/classes and target/lib are already there),
#   2. probe the GPU, 3. compare CPU and GPU frames on several timelines (max difference 1 per channel),
#   4. run the compositor benchmark, GPU row included. Prints a short table; exits non-zero on failure.
set -euo pipefail
module="$(cd "$(dirname "$0")/.." && pwd)"
cd "$module/.."
if [ "${SKIP_BUILD:-0}" != 1 ]; then
	mvn -B -q -pl render-engine -am -DskipTests install
	mvn -B -q -pl render-engine dependency:copy-dependencies -DincludeScope=runtime \
		-DoutputDirectory="$module/target/lib"
fi
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>/dev/null || echo "nvidia-smi not found"
java -cp "$module/target/classes:$module/target/lib/*" com.ytempire.render.bench.GpuCheck
