package com.ytempire.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "serve", description = "Run the service (what runs when no command is given).")
final class ServeCommand implements Callable<Integer> {

	private final ServiceStarter server;

	@Parameters(paramLabel = "SPRING_ARGUMENT", description = "passed to Spring Boot, e.g. --server.port=9000")
	List<String> arguments = new ArrayList<>();

	private boolean started;

	ServeCommand(ServiceStarter server) {
		this.server = server;
	}

	@Override
	public Integer call() {
		this.server.start(this.arguments.toArray(String[]::new));
		this.started = true;
		return 0;
	}

	boolean started() {
		return this.started;
	}

}
