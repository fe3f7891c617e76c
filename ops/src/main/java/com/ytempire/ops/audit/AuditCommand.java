package com.ytempire.ops.audit;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.ytempire.ops.OperatorException;
import com.ytempire.ops.service.ServiceOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "audit",
		description = {
				"Print a channel's or video's history from its events: when, what, who sent it and under"
						+ " which request; with --at, only the history up to that instant and the state it left.",
				"Asks the running service (its audit replays the events); needs an API key in YTEMPIRE_API_KEY." })
public final class AuditCommand implements Callable<Integer> {

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	@Parameters(paramLabel = "ID", description = "a channel id or a video id")
	String aggregateId;

	@Option(names = "--at", paramLabel = "INSTANT",
			description = "an ISO-8601 instant, such as 2026-12-01T10:00:00Z: the state at that moment")
	Instant at;

	@Mixin
	ServiceOptions service;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		String path = "api/v1/audit/" + URLEncoder.encode(this.aggregateId, StandardCharsets.UTF_8)
				+ ((this.at != null) ? "?at=" + this.at : "");
		JsonNode audit = this.service.client().get(path);
		out.println(this.aggregateId + ": " + audit.path("eventCount").asLong() + " events"
				+ ((this.at != null) ? " up to " + this.at : ""));
		for (JsonNode event : audit.path("events")) {
			out.printf("%6d  %s  %-28s by %s, request %s%n", event.path("sequence").asLong(),
					event.path("timestamp").asText(), event.path("type").asText(), event.path("issuedBy").asText("-"),
					event.path("requestId").asText("-"));
		}
		if (this.at != null) {
			out.println("state at " + this.at + ":");
			out.println(pretty(audit.path("state")));
		}
		out.flush();
		return 0;
	}

	private static String pretty(JsonNode state) {
		try {
			return JSON.writeValueAsString(state);
		}
		catch (JsonProcessingException ex) {
			throw new OperatorException("the service's answer could not be printed: " + ex.getMessage(), ex);
		}
	}

}
