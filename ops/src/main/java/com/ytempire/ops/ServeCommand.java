package com.ytempire.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "serve", description = "Run the service (what runs when no command is given).")
final class ServeCommand implements Callable<Integer> {

	private final ServiceStarter server;

	@Parameters(paramLabel = "SPRING_ARGUMENT",
			description = "--server.port=9000 or another Spring Boot property, --debug or --trace")
	List<String> arguments = new ArrayList<>();

	@Spec
	CommandSpec spec;

	private boolean started;

	ServeCommand(ServiceStarter server) {
		this.server = server;
	}

	@Override
	public Integer call() {
		// Spring Boot ignores what it does not know: a mistyped option would go
		// unnoticed.
		for (String argument : this.arguments) {
			if (!SpringArguments.isSpringArgument(argument)) {
				throw new ParameterException(this.spec.commandLine(), "Not a Spring Boot argument: '" + argument
						+ "' (expected --name.with.dots=value, --debug or --trace)");
			}
		}
		this.server.start(this.arguments.toArray(String[]::new));
		this.started = true;
		return 0;
	}

	boolean started() {
		return this.started;
	}

}
