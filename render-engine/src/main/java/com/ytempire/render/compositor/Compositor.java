package com.ytempire.render.compositor;

/**
 * Draws frames of a prepared timeline. Implementations produce the same pixels (within
 * one step per channel), so callers never care which one they were given.
 */
public interface Compositor extends AutoCloseable {

	/**
	 * Fills {@code frame} (width x height packed {@code 0xFFRRGGBB}) with frame
	 * {@code frameIndex}.
	 */
	void render(PreparedTimeline timeline, int frameIndex, int[] frame);

	/** Which path renders, for the start-up log line and benchmark tables. */
	String description();

	@Override
	void close();

}
