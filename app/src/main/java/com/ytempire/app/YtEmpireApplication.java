package com.ytempire.app;

import com.ytempire.app.database.CommandLineDatabase;
import com.ytempire.app.render.CommandLineGpu;
import com.ytempire.ops.OperatorCli;
import org.axonframework.springboot.autoconfig.UpdateCheckerAutoConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;

/**
 * Runs every part of YTEmpire in one process: the command API, the event store and (as
 * they arrive) projections, the query API and the render engine.
 */
// The update checker calls the vendor's server at start-up: a product must not phone
// home. Callers authenticate with API keys only: Boot's default user would be one more
// way in, with a password written to the log.
@SpringBootApplication(scanBasePackages = "com.ytempire",
		exclude = { UpdateCheckerAutoConfiguration.class, ReactiveUserDetailsServiceAutoConfiguration.class })
@ConfigurationPropertiesScan("com.ytempire")
public class YtEmpireApplication {

	/**
	 * Serves, or runs an operator command ({@code backup}, {@code restore}, ...) against
	 * the database the service would use.
	 */
	public static void main(String[] args) {
		new OperatorCli((serveArgs) -> SpringApplication.run(YtEmpireApplication.class, serveArgs),
				CommandLineDatabase::open, CommandLineGpu::probe)
			.run(args);
	}

}
