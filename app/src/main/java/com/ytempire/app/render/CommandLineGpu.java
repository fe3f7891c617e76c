package com.ytempire.app.render;

import com.ytempire.app.CommandLineSettings;
import com.ytempire.ops.doctor.GpuState;
import com.ytempire.render.compositor.GpuMode;
import com.ytempire.render.compositor.GpuProbe;
import com.ytempire.render.compositor.GpuStatus;

import org.springframework.context.annotation.Configuration;

/**
 * The GPU for {@code doctor}, judged as the service would judge it at start: the render
 * path setting read from the service's own configuration ({@code ytempire.render.gpu},
 * which {@code YTEMPIRE_GPU} sets), and the renderer's own probe, which initialises CUDA
 * and counts its devices.
 */
public final class CommandLineGpu {

	private CommandLineGpu() {
	}

	/**
	 * @param overrides settings that take precedence, as {@code --name=value}
	 */
	public static GpuState probe(String... overrides) {
		GpuMode mode = GpuMode.parse(setting(overrides));
		if (mode == GpuMode.OFF) {
			return new GpuState(false, false, false, "not probed");
		}
		GpuStatus status = GpuProbe.status();
		return new GpuState(true, mode == GpuMode.REQUIRE, status.available(), status.detail());
	}

	private static String setting(String... overrides) {
		return CommandLineSettings.read(Settings.class,
				(settings) -> settings.getEnvironment().getRequiredProperty("ytempire.render.gpu"), overrides);
	}

	@Configuration(proxyBeanMethods = false)
	static class Settings {

	}

}
