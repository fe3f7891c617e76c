package com.ytempire.app.query;

import java.util.List;
import java.util.Map;

import com.ytempire.app.Api;
import com.ytempire.app.IntegrationTest;
import com.ytempire.app.TestKeys;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class QueryApiTest {

	@LocalServerPort
	int port;

	@Autowired
	CommandGateway gateway;

	@Autowired
	JdbcTemplate jdbc;

	private Api viewer;

	private ReadModelFixture fixture;

	@BeforeEach
	void setUp() {
		this.viewer = Api.at(this.port, TestKeys.VIEWER);
		this.fixture = new ReadModelFixture(Api.at(this.port, TestKeys.OPERATOR), this.gateway);
	}

	@Test
	void drillsDownFromChannelToVideoWithStagesAndCosts() {
		String channelId = this.fixture.channel("Drill");
		String videoId = this.fixture.video(channelId);
		this.fixture.cost(videoId, "script-1", "SCRIPT", "0.02");
		this.fixture.cost(videoId, "storage-1", "STORAGE", "0.01");
		this.fixture.produce(videoId, true);
		long position = ReadModelFixture.head(this.jdbc);

		this.viewer.client()
			.get()
			.uri("/api/v1/channels/{id}?minPosition={p}", channelId, position)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.videosTotal")
			.isEqualTo(1)
			.jsonPath("$.published")
			.isEqualTo(1)
			.jsonPath("$.videosByStage.PUBLISHED")
			.isEqualTo(1)
			.jsonPath("$.videosByStage.SCHEDULED")
			.isEqualTo(0)
			.jsonPath("$.totalCostMicros")
			.isEqualTo(30000)
			.jsonPath("$.avgCostMicros")
			.isEqualTo(30000);
		this.viewer.client()
			.get()
			.uri("/api/v1/videos/{id}?minPosition={p}", videoId, position)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.stage")
			.isEqualTo("PUBLISHED")
			.jsonPath("$.stages.length()")
			.isEqualTo(7)
			.jsonPath("$.stages[0].durationMillis")
			.isNumber()
			.jsonPath("$.costs.length()")
			.isEqualTo(2)
			.jsonPath("$.totalCostMicros")
			.isEqualTo(30000);
		this.viewer.client()
			.get()
			.uri("/api/v1/channels/{id}/videos?minPosition={p}", channelId, position)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[0].videoId")
			.isEqualTo(videoId);
	}

	@Test
	void pagesThroughChannelsWithACursor() {
		String prefix = "Page" + System.nanoTime();
		for (int i = 0; i < 5; i++) {
			this.fixture.channel(prefix);
		}
		long head = ReadModelFixture.head(this.jdbc);
		List<Object> seen = new java.util.ArrayList<>();
		String cursor = null;
		do {
			Map<?, ?> page = this.viewer.client()
				.get()
				.uri((uri) -> uri.path("/api/v1/channels")
					.queryParam("q", prefix)
					.queryParam("limit", 2)
					.queryParam("sort", "name")
					.queryParam("minPosition", head)
					.queryParamIfPresent("cursor", java.util.Optional.ofNullable(this.cursorOf(seen)))
					.build())
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody();
			((List<?>) page.get("items")).forEach((item) -> seen.add(((Map<?, ?>) item).get("name")));
			cursor = (String) page.get("nextCursor");
			this.nextCursor = cursor;
		}
		while (cursor != null);
		assertThat(seen).hasSize(5).isSortedAccordingTo((a, b) -> ((String) a).compareTo((String) b));
	}

	private String nextCursor;

	private String cursorOf(List<Object> seen) {
		return seen.isEmpty() ? null : this.nextCursor;
	}

	@Test
	void exportsStreamAsCsvAndJson() {
		String channelId = this.fixture.channel("Export, \"quoted\"");
		long head = ReadModelFixture.head(this.jdbc);
		String csv = this.viewer.client()
			.get()
			.uri("/api/v1/channels?format=csv&minPosition={p}", head)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(csv).startsWith("channelId,name,").contains(channelId).contains("\"Export, \"\"quoted\"\"");
		this.viewer.client()
			.get()
			.uri("/api/v1/channels?format=json&minPosition={p}", head)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$[?(@.channelId == '" + channelId + "')].status")
			.isEqualTo("ACTIVE");
	}

	@Test
	void badParametersAreProblemsNotServerErrors() {
		for (String uri : List.of("/api/v1/channels?limit=0", "/api/v1/channels?sort=bogus",
				"/api/v1/channels?status=sleeping", "/api/v1/channels?cursor=%%%", "/api/v1/videos?from=yesterday",
				"/api/v1/series/cost?maxPoints=1", "/api/v1/series/unknown", "/api/v1/costs?from=2026-13-01",
				"/api/v1/channels?minPosition=minus", "/api/v1/channels?format=xml", "/api/v1/channels?limit=abc")) {
			this.viewer.client()
				.get()
				.uri(uri)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		}
		this.viewer.client().get().uri("/api/v1/channels/nope").exchange().expectStatus().isNotFound();
		this.viewer.client().get().uri("/api/v1/videos/nope").exchange().expectStatus().isNotFound();
	}

	@Test
	void aPositionNotYetReachedIsAnsweredAsStale() {
		this.viewer.client()
			.get()
			.uri("/api/v1/overview?minPosition={p}", Long.MAX_VALUE / 2)
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.exists("Retry-After");
		this.viewer.client().get().uri("/api/v1/overview?minPosition=0").exchange().expectStatus().isOk();
	}

	@Test
	void overviewCostsAndSeriesCountWhatHappened() {
		String channelId = this.fixture.channel("Overview");
		String published = this.fixture.video(channelId);
		this.fixture.cost(published, "c1", "RENDER", "0.10");
		this.fixture.produce(published, true);
		String failed = this.fixture.video(channelId);
		this.fixture.fail(failed, "voice provider down");
		long head = ReadModelFixture.head(this.jdbc);
		this.viewer.client()
			.get()
			.uri("/api/v1/overview?minPosition={p}", head)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.activeChannels")
			.value((n) -> assertThat(((Number) n).longValue()).isPositive())
			.jsonPath("$.videosGeneratedToday")
			.value((n) -> assertThat(((Number) n).longValue()).isPositive())
			.jsonPath("$.failuresLastHour")
			.value((n) -> assertThat(((Number) n).longValue()).isPositive());
		this.viewer.client()
			.get()
			.uri("/api/v1/costs?channelId={c}&period=month", channelId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.totals[0].totalMicros")
			.isEqualTo(100000)
			.jsonPath("$.totals[0].category")
			.isEqualTo("RENDER");
		this.viewer.client()
			.get()
			.uri("/api/v1/costs/videos?channelId={c}", channelId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.videos")
			.isEqualTo(2);
		this.viewer.client().get().uri("/api/v1/costs/budget").exchange().expectStatus().isOk();
		this.viewer.client()
			.get()
			.uri("/api/v1/series/cost?channelId={c}", channelId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.points[0].v")
			.isEqualTo(100000);
		this.viewer.client()
			.get()
			.uri("/api/v1/channels/{c}/videos?stage=failed&format=csv", channelId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((csv) -> assertThat(csv).contains(failed).contains("voice provider down").doesNotContain(published));
	}

}
