// Frame compositor kernel: one thread per output pixel.
//
// Every operation mirrors the CPU path (CpuCompositor, PackedRgb, LevelSampling) step for step:
// float positions evaluated in the same order, then integer blends on packed pixels. Compiled with
// -fmad=false so no multiply-add is fused, which keeps the float results bit-identical to Java's.
//
// Layer parameters (ints, floats stored as their bits), LAYER_INTS per layer, two layers, then the
// crossfade weight:
//   0 fine level offset, 1 width, 2 height, 3 originX, 4 stepX, 5 originY, 6 stepY,
//   7 coarse level offset, 8 width, 9 height, 10 originX, 11 stepX, 12 originY, 13 stepY,
//   14 coarse weight (0..256), 15 caption x, 16 caption y, 17 caption width, 18 caption height

#define LAYER_INTS 19

__device__ unsigned int lerp_rgb(unsigned int a, unsigned int b, unsigned int weight)
{
	unsigned int inverse = 256u - weight;
	unsigned int red_blue = ((a & 0xFF00FFu) * inverse + (b & 0xFF00FFu) * weight) >> 8 & 0xFF00FFu;
	unsigned int green = ((a & 0x00FF00u) * inverse + (b & 0x00FF00u) * weight) >> 8 & 0x00FF00u;
	return red_blue | green;
}

__device__ float position(float origin, float step, int coordinate)
{
	return origin + ((float) coordinate + 0.5f) * step - 0.5f;
}

__device__ int clamp_texel(int texel, int last)
{
	return texel < 0 ? 0 : min(texel, last);
}

__device__ unsigned int sample_level(const unsigned int *pyramid, const int *p, int x, int y)
{
	const unsigned int *level = pyramid + p[0];
	int width = p[1];
	int height = p[2];
	float px = position(__int_as_float(p[3]), __int_as_float(p[4]), x);
	float py = position(__int_as_float(p[5]), __int_as_float(p[6]), y);
	float fx = floorf(px);
	float fy = floorf(py);
	int tx = (int) fx;
	int ty = (int) fy;
	unsigned int wx = (unsigned int) (int) ((px - fx) * 256.0f);
	unsigned int wy = (unsigned int) (int) ((py - fy) * 256.0f);
	int x0 = clamp_texel(tx, width - 1);
	int x1 = clamp_texel(tx + 1, width - 1);
	int top = clamp_texel(ty, height - 1) * width;
	int bottom = clamp_texel(ty + 1, height - 1) * width;
	unsigned int upper = lerp_rgb(level[top + x0], level[top + x1], wx);
	unsigned int lower = lerp_rgb(level[bottom + x0], level[bottom + x1], wx);
	return lerp_rgb(upper, lower, wy);
}

__device__ unsigned int paint_layer(const unsigned int *pyramid, const unsigned int *caption, const int *p, int x,
		int y)
{
	unsigned int value = sample_level(pyramid, p, x, y);
	unsigned int coarse_weight = (unsigned int) p[14];
	if (coarse_weight > 0u) {
		value = lerp_rgb(value, sample_level(pyramid, p + 7, x, y), coarse_weight);
	}
	int cx = x - p[15];
	int cy = y - p[16];
	if (cx >= 0 && cy >= 0 && cx < p[17] && cy < p[18]) {
		unsigned int pixel = caption[cy * p[17] + cx];
		unsigned int alpha = pixel >> 24;
		unsigned int weight = alpha + (alpha >> 7);
		if (weight > 0u) {
			value = lerp_rgb(value, pixel, weight);
		}
	}
	return value;
}

extern "C" __global__ void compose(unsigned int *frame, int width, int height, const int *params,
		const unsigned int *base_pyramid, const unsigned int *base_caption, const unsigned int *over_pyramid,
		const unsigned int *over_caption)
{
	int x = blockIdx.x * blockDim.x + threadIdx.x;
	int y = blockIdx.y * blockDim.y + threadIdx.y;
	if (x >= width || y >= height) {
		return;
	}
	unsigned int value = paint_layer(base_pyramid, base_caption, params, x, y);
	unsigned int over_weight = (unsigned int) params[2 * LAYER_INTS];
	if (over_weight > 0u) {
		unsigned int over = paint_layer(over_pyramid, over_caption, params + LAYER_INTS, x, y);
		value = lerp_rgb(value, over, over_weight);
	}
	frame[y * width + x] = value | 0xFF000000u;
}
