#!/usr/bin/env bash
# Compiles the CUDA kernels to PTX, the form the JCuda driver API loads at run time.
# -arch=compute_75: the oldest target nvcc 13 accepts; the driver JIT-compiles it for newer GPUs.
# -fmad=false and no fast-math: the GPU must round exactly like Java so frames match the CPU path.
# Usage: build-ptx.sh [output-dir]   (default: the committed resource folder)
set -euo pipefail
module="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$module/src/main/resources/com/ytempire/render/compositor}"
nvcc="${NVCC:-nvcc}"
mkdir -p "$out"
for source in "$module"/src/main/cuda/*.cu; do
	name="$(basename "$source" .cu)"
	"$nvcc" -ptx -arch=compute_75 -fmad=false -o "$out/$name.ptx" "$source"
done
