package com.ytempire.app.query;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import com.ytempire.app.Api;
import com.ytempire.app.IntegrationTest;
import com.ytempire.app.TestKeys;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SeriesRollUpTest {

	private static final String HOURS_FROM_MINUTES = "SELECT channel_id,"
			+ " date_trunc('hour', minute AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS hour, count(*)::int AS minutes,"
			+ " min(minute) AS first_minute, max(minute) AS last_minute,"
			+ " min(videos_generated) AS videos_generated_min, max(videos_generated) AS videos_generated_max,"
			+ " min(failures) AS failures_min, max(failures) AS failures_max, min(cost_micros) AS cost_micros_min,"
			+ " max(cost_micros) AS cost_micros_max FROM rm_series_minute";

	/** Rows written here without events, which a rebuild elsewhere would not repeat. */
	private final List<String> writtenChannels = new ArrayList<>();

	@LocalServerPort
	int port;

	@Autowired
	CommandGateway gateway;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void removeRowsWithoutEvents() {
		for (String channelId : this.writtenChannels) {
			this.jdbc.update("DELETE FROM rm_series_minute WHERE channel_id = ?", channelId);
			this.jdbc.update("DELETE FROM rm_series_hour WHERE channel_id = ?", channelId);
		}
	}

	@Test
	void hourRollUpsAgreeWithTheirMinutes() {
		ReadModelFixture fixture = new ReadModelFixture(Api.at(this.port, TestKeys.OPERATOR), this.gateway);
		String channelId = fixture.channel("Roll-up");
		String videoId = fixture.video(channelId);
		fixture.cost(videoId, "script-1", "SCRIPT", "0.02");
		fixture.cost(videoId, "voice-1", "VOICE", "0.03");
		fixture.produce(videoId, true);
		CatchUp.await(Api.at(this.port, TestKeys.VIEWER), ReadModelFixture.head(this.jdbc), Duration.ofSeconds(30));

		List<Map<String, Object>> rolledUp = this.jdbc.queryForList(
				"SELECT * FROM rm_series_hour" + " WHERE channel_id IN (?, '*') ORDER BY channel_id, hour", channelId);
		List<Map<String, Object>> fromMinutes = this.jdbc
			.queryForList(HOURS_FROM_MINUTES + " WHERE channel_id IN (?, '*') GROUP BY 1, 2 ORDER BY 1, 2", channelId);
		assertThat(rolledUp).isNotEmpty();
		assertThat(rolledUp).isEqualTo(fromMinutes);
	}

	@Test
	void longRangesAreDownsampledFromHourRollUpsWithTheSameAnswerAsFromMinutes() {
		String channelId = "rollup-" + System.nanoTime();
		this.writtenChannels.add(channelId);
		Instant start = Instant.parse("2025-03-01T00:17:00Z");
		// Three days of minutes with a gap every seventh minute and a longer gap of two
		// hours.
		this.jdbc.update("INSERT INTO rm_series_minute (channel_id, minute, videos_generated, failures, cost_micros)"
				+ " SELECT ?, CAST(? AS timestamptz) + i * interval '1 minute', i % 3, i % 2, (i * 37) % 1000 + 1"
				+ " FROM generate_series(0, 4319) i WHERE i % 7 <> 0 AND i NOT BETWEEN 2000 AND 2119", channelId,
				start.toString());
		this.jdbc.update("INSERT INTO rm_series_hour " + HOURS_FROM_MINUTES + " WHERE channel_id = ? GROUP BY 1, 2",
				channelId);
		Instant from = start.plus(13, ChronoUnit.MINUTES);
		Instant to = start.plus(4300, ChronoUnit.MINUTES);

		String body = Api.at(this.port, TestKeys.VIEWER)
			.client()
			.get()
			.uri("/api/v1/series/cost?channelId={c}&from={f}&to={t}&maxPoints=20", channelId, from, to)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		long width = ((Number) JsonPath.read(body, "$.bucketMinutes")).longValue();
		assertThat(width % 60).isZero();
		Instant origin = from.truncatedTo(ChronoUnit.HOURS);
		List<String> expected = new ArrayList<>();
		this.jdbc.query("SELECT floor(extract(epoch FROM minute - CAST(? AS timestamptz)) / ?)::bigint AS b,"
				+ " min(minute) AS first, max(minute) AS last, min(cost_micros) AS lo, max(cost_micros) AS hi,"
				+ " count(*) AS n FROM rm_series_minute WHERE channel_id = ? AND minute >= CAST(? AS timestamptz)"
				+ " AND minute < CAST(? AS timestamptz) GROUP BY b ORDER BY b", (rs) -> {
					long low = (rs.getLong("n") < width) ? 0 : rs.getLong("lo");
					long high = rs.getLong("hi");
					if (rs.getLong("n") > 1 && low != high) {
						expected.add(rs.getTimestamp("first").toInstant() + "=" + low);
					}
					expected.add(rs.getTimestamp("last").toInstant() + "=" + high);
				}, origin.toString(), width * 60, channelId, from.toString(), to.toString());
		List<String> points = new ArrayList<>();
		List<Map<String, Object>> answered = JsonPath.read(body, "$.points");
		answered.forEach((point) -> points.add(point.get("t") + "=" + point.get("v")));
		assertThat(points).hasSizeLessThanOrEqualTo(20).isEqualTo(expected);
	}

}
