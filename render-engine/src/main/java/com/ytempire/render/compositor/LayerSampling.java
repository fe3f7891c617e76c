package com.ytempire.render.compositor;

/**
 * One scene's contribution to a frame: a bilinear sample from two neighbouring pyramid
 * levels blended by {@code coarseWeight} out of 256 (trilinear filtering), so the
 * sharpness changes smoothly while the zoom crosses a power of two instead of popping.
 */
record LayerSampling(int sceneIndex, LevelSampling fine, LevelSampling coarse, int coarseWeight) {
}
