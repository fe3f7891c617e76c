package com.ytempire.ops.rebuild;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.ytempire.ops.StatusLine;
import com.ytempire.ops.service.ServiceClient;
import com.ytempire.ops.service.ServiceOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "rebuild",
		description = {
				"Rebuild one projection's read models, or all of them, in the running service without downtime:"
						+ " the events are replayed into shadow tables, compared with the live ones and swapped in.",
				"Follows the rebuild's progress until it ends; exits 1 if it fails.",
				"Needs an admin API key in YTEMPIRE_API_KEY." })
public final class RebuildCommand implements Callable<Integer> {

	private static final Duration POLL = Duration.ofMillis(500);

	@Parameters(paramLabel = "PROJECTION", defaultValue = "all",
			description = "channel-summary, videos, cost-analytics, platform-overview, time-series or all (default)")
	String projection;

	@Mixin
	ServiceOptions service;

	@Option(names = "--no-wait", description = "start the rebuild and return at once")
	boolean noWait;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws InterruptedException {
		PrintWriter out = this.spec.commandLine().getOut();
		PrintWriter err = this.spec.commandLine().getErr();
		ServiceClient service = this.service.client();
		JsonNode status = service.post("api/v1/admin/projections/" + this.projection + "/rebuild");
		err.println("rebuild of " + status.path("projections") + " started");
		StatusLine line = StatusLine.on(err);
		while (!this.noWait && running(status)) {
			Thread.sleep(POLL.toMillis());
			status = service.get("api/v1/admin/projections/rebuild");
			line.show("rebuild: " + progress(status));
		}
		line.end();
		out.println("rebuild " + status.path("state").asText() + ": " + summary(status));
		out.flush();
		return status.path("state").asText().equals("FAILED") ? 1 : 0;
	}

	private static boolean running(JsonNode status) {
		String state = status.path("state").asText();
		return state.equals("REPLAYING") || state.equals("SWAPPING");
	}

	private static String progress(JsonNode status) {
		long done = status.path("eventsDone").asLong();
		long total = status.path("eventsTotal").asLong();
		String eta = status.path("etaSeconds").isNumber() ? ", about " + status.path("etaSeconds").asLong() + " s left"
				: "";
		return String.format("%s, events %d/%d, %.0f events/s%s", status.path("state").asText().toLowerCase(), done,
				total, status.path("eventsPerSecond").asDouble(), eta);
	}

	private static String summary(JsonNode status) {
		if (status.path("state").asText().equals("FAILED")) {
			return status.path("error").asText("no reason given");
		}
		long differing = 0;
		for (JsonNode table : status.path("differences")) {
			if (table.path("onlyLive").asLong() != 0 || table.path("onlyRebuilt").asLong() != 0) {
				differing++;
			}
		}
		return status.path("eventsDone").asLong() + " events replayed into " + status.path("projections") + "; "
				+ status.path("differences").size() + " tables compared, " + differing
				+ " differed from the live ones before the swap";
	}

}
