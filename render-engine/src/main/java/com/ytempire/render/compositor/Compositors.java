package com.ytempire.render.compositor;

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Chooses the rendering path from the {@code gpu} setting and says which one it took. */
public final class Compositors {

	private static final Logger log = LoggerFactory.getLogger(Compositors.class);

	private Compositors() {
	}

	public static Compositor select(GpuMode mode) {
		return select(mode, GpuProbe::status, CudaCompositor::new);
	}

	static Compositor select(GpuMode mode, Supplier<GpuStatus> probe, Supplier<Compositor> gpu) {
		if (mode == GpuMode.OFF) {
			return cpu("gpu=off");
		}
		GpuStatus status = probe.get();
		if (!status.available()) {
			if (mode == GpuMode.REQUIRE) {
				throw new IllegalStateException("gpu=require but no usable GPU: " + status.detail());
			}
			return cpu("no usable GPU: " + status.detail());
		}
		try {
			Compositor compositor = gpu.get();
			log.info("Frames render on the GPU ({})", status.detail());
			return compositor;
		}
		catch (RuntimeException | LinkageError ex) {
			if (mode == GpuMode.REQUIRE) {
				throw new IllegalStateException(
						"gpu=require but the GPU compositor failed to start: " + GpuProbe.firstLine(ex), ex);
			}
			return cpu("the GPU compositor failed to start: " + GpuProbe.firstLine(ex));
		}
	}

	private static Compositor cpu(String why) {
		CpuCompositor compositor = CpuCompositor.allCores();
		log.info("Frames render on the {} ({})", compositor.description(), why);
		return compositor;
	}

}
