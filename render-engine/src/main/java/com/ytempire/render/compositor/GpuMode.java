package com.ytempire.render.compositor;

import java.util.Locale;

/** Whether frames may, must not, or must render on the GPU. */
public enum GpuMode {

	/** The GPU when a usable one is found, else the CPU. */
	AUTO,
	/** Always the CPU, for example to keep the GPU free for other work. */
	OFF,
	/**
	 * The GPU or fail at start-up: a GPU node silently rendering on its CPU would miss
	 * its budget.
	 */
	REQUIRE;

	public static GpuMode parse(String value) {
		try {
			return valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new IllegalArgumentException("gpu must be one of auto, off, require; got '" + value + "'", ex);
		}
	}

}
