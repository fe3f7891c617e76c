package com.ytempire.app;

import com.ytempire.app.database.CommandLineDatabase;
import com.ytempire.ops.OperatorCli;
import org.axonframework.springboot.autoconfig.UpdateCheckerAutoConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Runs every part of YTEmpire in one process: the command API, the event store and (as
 * they arrive) projections, the query API and the render engine.
 */
// The update checker calls the vendor's server at start-up: a product must not phone
// home.
@SpringBootApplication(scanBasePackages = "com.ytempire", exclude = UpdateCheckerAutoConfiguration.class)
@ConfigurationPropertiesScan("com.ytempire")
public class YtEmpireApplication {

	/**
	 * Serves, or runs an operator command ({@code backup}, {@code restore}, ...) against
	 * the database the service would use.
	 */
	public static void main(String[] args) {
		new OperatorCli((serveArgs) -> SpringApplication.run(YtEmpireApplication.class, serveArgs),
				CommandLineDatabase::open)
			.run(args);
	}

}
