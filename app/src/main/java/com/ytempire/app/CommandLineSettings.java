package com.ytempire.app;

import java.util.function.Function;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service's settings, read for an operator command as the service would read them
 * (application.yml, the environment, {@code --name=value} overrides), without starting
 * any of the service.
 */
public final class CommandLineSettings {

	private CommandLineSettings() {
	}

	/**
	 * @param configuration the configuration class that binds what {@code reading} needs
	 * @param reading what to take from the settings before they are closed again
	 * @param overrides settings that take precedence, as {@code --name=value}
	 */
	public static <T> T read(Class<?> configuration, Function<ConfigurableApplicationContext, T> reading,
			String... overrides) {
		try (ConfigurableApplicationContext settings = new SpringApplicationBuilder(configuration)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.properties("logging.level.root=warn")
			.run(overrides)) {
			return reading.apply(settings);
		}
	}

}
