package com.ytempire.render.compositor;

/**
 * What one frame shows: a base layer and, during a crossfade, the next scene over it with
 * {@code overWeight} out of 256. {@code over} is null outside crossfades.
 */
record FramePlan(LayerSampling base, LayerSampling over, int overWeight) {

	boolean crossfading() {
		return this.over != null && this.overWeight > 0;
	}

}
