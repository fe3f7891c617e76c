package com.ytempire.query.feed;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import com.ytempire.query.support.BadQuery;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The live feed as Server-Sent Events: video stage changes, costs and alerts, each with
 * its global position as id, so a dashboard that reconnects with {@code Last-Event-ID}
 * misses nothing. Comments keep idle connections open through proxies.
 */
@RestController
class FeedController {

	private static final Set<String> KINDS = Set.of("stage", "cost", "alert");

	private final EventFeed feed;

	private final Duration heartbeat;

	FeedController(EventFeed feed, @Value("${ytempire.query.feed.heartbeat:15s}") Duration heartbeat) {
		this.feed = feed;
		this.heartbeat = heartbeat;
	}

	@GetMapping(path = "/api/v1/feed", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<FeedEvent>> feed(@RequestParam(required = false) String channelId,
			@RequestParam(required = false) String kinds,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
			@RequestParam(name = "lastEventId", required = false) String lastEventIdParameter) {
		Long resumeAfter = position((lastEventId != null) ? lastEventId : lastEventIdParameter);
		Set<String> wanted = kinds(kinds);
		Flux<ServerSentEvent<FeedEvent>> events = this.feed.subscribe(resumeAfter)
			.filter((event) -> channelId == null || channelId.equals(event.channelId()))
			.filter((event) -> wanted.contains(event.kind()))
			.map((event) -> ServerSentEvent.builder(event)
				.id(Long.toString(event.position()))
				.event(event.kind())
				.build());
		// The first heartbeat goes out at once: it commits the response, so a client
		// knows
		// it is connected without waiting for an event or a full heartbeat interval.
		Flux<ServerSentEvent<FeedEvent>> heartbeats = Flux.interval(Duration.ZERO, this.heartbeat)
			.map((tick) -> ServerSentEvent.<FeedEvent>builder().comment("heartbeat").build());
		return Flux.merge(events, heartbeats);
	}

	private static Long position(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			long position = Long.parseLong(value.strip());
			if (position >= 0) {
				return position;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw new BadQuery("Last-Event-ID must be the id of an event this feed sent (a non-negative number)");
	}

	private static Set<String> kinds(String kinds) {
		if (kinds == null || kinds.isBlank()) {
			return KINDS;
		}
		Set<String> wanted = Arrays.stream(kinds.split(",")).map(String::strip).collect(Collectors.toSet());
		if (!KINDS.containsAll(wanted)) {
			throw new BadQuery("'kinds' must list some of stage, cost, alert");
		}
		return wanted;
	}

}
