package com.ytempire.app.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.ytempire.app.Api;
import com.ytempire.app.IntegrationTest;
import com.ytempire.app.TestKeys;
import com.ytempire.app.query.CommandSequences.Step;
import com.ytempire.app.query.ExpectedReadModels.Event;
import com.ytempire.projections.rebuild.ProjectionRebuilds;
import com.ytempire.projections.rebuild.RebuildStatus;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.axonframework.commandhandling.gateway.CommandGateway;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestContextManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For random sequences of commands, valid or not, the read models the projections build
 * event by event are the ones a rebuild from scratch gives, and they hold what an
 * independent model of the accepted commands expects.
 * <p>
 * jqwik does not run Spring's JUnit extension, so the application comes from Spring's
 * test context cache through a {@link TestContextManager}: the same running application
 * (and embedded database) that every other {@link IntegrationTest} class uses.
 */
@IntegrationTest
class ReadModelPropertiesTest {

	private static TestContextManager testContext;

	private static JdbcTemplate jdbc;

	private static CommandGateway gateway;

	private static ProjectionRebuilds rebuilds;

	private static Api operator;

	private static Api viewer;

	@BeforeContainer
	static void useTheRunningApplication() throws Exception {
		testContext = new TestContextManager(ReadModelPropertiesTest.class);
		testContext.beforeTestClass();
		ApplicationContext application = testContext.getTestContext().getApplicationContext();
		jdbc = application.getBean(JdbcTemplate.class);
		gateway = application.getBean(CommandGateway.class);
		rebuilds = application.getBean(ProjectionRebuilds.class);
		int port = ((WebServerApplicationContext) application).getWebServer().getPort();
		operator = Api.at(port, TestKeys.OPERATOR);
		viewer = Api.at(port, TestKeys.VIEWER);
	}

	@AfterContainer
	static void releaseTheApplication() throws Exception {
		if (testContext != null) {
			testContext.afterTestClass();
		}
	}

	@Provide
	Arbitrary<List<Step>> sequences() {
		return CommandSequences.sequences(40);
	}

	// Edge cases are off: those of the list (empty, one step) would take many of the few
	// tries.
	@Property(tries = 12, edgeCases = EdgeCasesMode.NONE)
	void readModelsEqualARebuildAndTheModelOfTheAcceptedCommands(@ForAll("sequences") List<Step> steps) {
		awaitProjections();
		Map<String, long[]> overviewDaysBefore = overviewDays();
		Map<String, long[]> platformSeriesBefore = platformSeries();

		ExpectedReadModels expected = new SequenceDriver(operator, gateway, "Prop " + shortId()).run(steps);
		awaitProjections();
		Statistics.label("videos").collect(expected.videos.size());
		Statistics.label("a cost halted a video").collect(expected.videos.stream().anyMatch((video) -> video.halted));
		Statistics.label("stages reached")
			.collect(expected.videos.stream().map((video) -> video.stage).distinct().sorted().toList());

		Map<Event, Instant> stampedAt = storedEventsMatch(expected);
		List<String> channels = expected.channels.stream().map((channel) -> channel.id).toList();
		assertThat(rows("SELECT channel_id, name, status, daily_video_quota, cost_cap_micros,"
				+ " '[' || array_to_string(videos_by_stage, ', ') || ']', videos_total, published, failed, total_cost_micros"
				+ " FROM rm_channel WHERE channel_id = ANY (?)", channels))
			.as("rm_channel")
			.containsExactlyInAnyOrderElementsOf(expected.channelRows());
		assertThat(
				rows("SELECT video_id, channel_id, stage FROM rm_channel_video WHERE channel_id = ANY (?)", channels))
			.as("rm_channel_video")
			.containsExactlyInAnyOrderElementsOf(expected.channelVideoRows());
		assertThat(rows("SELECT video_id, channel_id, cost_cap_micros, stage, stage_count, failure_reason,"
				+ " total_cost_micros, cost_items FROM rm_video WHERE channel_id = ANY (?)", channels))
			.as("rm_video")
			.containsExactlyInAnyOrderElementsOf(expected.videoRows());
		assertThat(rows("SELECT s.video_id, s.stage_index, s.stage FROM rm_video_stage s"
				+ " JOIN rm_video v ON v.video_id = s.video_id WHERE v.channel_id = ANY (?)", channels))
			.as("rm_video_stage")
			.containsExactlyInAnyOrderElementsOf(expected.videoStageRows());
		assertThat(rows("SELECT video_id, cost_id, channel_id, category, amount_micros FROM rm_video_cost"
				+ " WHERE channel_id = ANY (?)", channels))
			.as("rm_video_cost")
			.containsExactlyInAnyOrderElementsOf(expected.videoCostRows());
		assertThat(rows("SELECT video_id, channel_id, cap_micros, total_micros, halted FROM rm_cost_video"
				+ " WHERE channel_id = ANY (?)", channels))
			.as("rm_cost_video")
			.containsExactlyInAnyOrderElementsOf(expected.costVideoRows());
		assertThat(rows("SELECT day, channel_id, category, '[' || total_micros || ', ' || items || ']'"
				+ " FROM rm_cost_daily WHERE channel_id = ANY (?)", channels))
			.as("rm_cost_daily")
			.containsExactlyInAnyOrderElementsOf(expected.costDailyRows(stampedAt));
		assertThat(rows("SELECT channel_id, status FROM rm_overview_channel WHERE channel_id = ANY (?)", channels))
			.as("rm_overview_channel")
			.containsExactlyInAnyOrderElementsOf(expected.overviewChannelRows());
		assertThat(rows("SELECT channel_id, to_char(minute AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),"
				+ " '[' || videos_generated || ', ' || failures || ', ' || cost_micros || ']'"
				+ " FROM rm_series_minute WHERE channel_id = ANY (?)", channels))
			.as("rm_series_minute per channel")
			.containsExactlyInAnyOrderElementsOf(expected.seriesRows(stampedAt));
		assertThat(increments(overviewDaysBefore, overviewDays())).as("rm_overview_day")
			.containsExactlyElementsOf(expected.overviewDayIncrements(stampedAt));
		assertThat(increments(platformSeriesBefore, platformSeries())).as("rm_series_minute for the platform")
			.containsExactlyElementsOf(expected.platformSeriesIncrements(stampedAt));

		RebuildStatus rebuilt = rebuilds.rebuild(ProjectionRebuilds.ALL);
		assertThat(rebuilt.state()).as(String.valueOf(rebuilt.error())).isEqualTo("DONE");
		assertThat(rebuilt.differences()).extracting(RebuildStatus.TableDifference::table)
			.containsAll(ReadModelTables.NAMES);
		assertThat(rebuilt.differences()).allSatisfy((difference) -> assertThat(difference.same())
			.as("%s differs from its rebuild: %s", difference.table(), difference)
			.isTrue());
	}

	/**
	 * The store holds exactly the events the model expects from the accepted commands, in
	 * order; a refused command left nothing behind. Returns when each was stamped.
	 */
	private static Map<Event, Instant> storedEventsMatch(ExpectedReadModels expected) {
		Map<String, List<String>> expectedTypes = new LinkedHashMap<>();
		expected.channels.forEach((channel) -> expectedTypes.put(channel.id, channel.events));
		expected.videos
			.forEach((video) -> expectedTypes.put(video.id, video.events.stream().map(Event::type).toList()));
		Map<String, List<String>> storedTypes = new LinkedHashMap<>();
		Map<String, List<Instant>> stamps = new TreeMap<>();
		jdbc.query("SELECT aggregateIdentifier, payloadType, timeStamp FROM DomainEventEntry"
				+ " WHERE aggregateIdentifier = ANY (?) ORDER BY aggregateIdentifier, sequenceNumber", (rs) -> {
					String id = rs.getString(1);
					String type = rs.getString(2);
					storedTypes.computeIfAbsent(id, (key) -> new ArrayList<>())
						.add(type.substring(type.lastIndexOf('.') + 1));
					stamps.computeIfAbsent(id, (key) -> new ArrayList<>()).add(Instant.parse(rs.getString(3)));
				}, (Object) expectedTypes.keySet().toArray(String[]::new));
		expectedTypes
			.forEach((id, types) -> assertThat(storedTypes.getOrDefault(id, List.of())).as("events stored for %s", id)
				.containsExactlyElementsOf(types));
		Map<Event, Instant> stampedAt = new IdentityHashMap<>();
		expected.videos.forEach((video) -> {
			for (int i = 0; i < video.events.size(); i++) {
				stampedAt.put(video.events.get(i), stamps.get(video.id).get(i));
			}
		});
		return stampedAt;
	}

	private static void awaitProjections() {
		long head = ReadModelFixture.head(jdbc);
		// Before the first event no token has a position to compare.
		if (head > 0) {
			CatchUp.await(viewer, head, Duration.ofSeconds(60));
		}
	}

	private static List<String> rows(String sql, List<String> channelIds) {
		return jdbc.query(sql, (rs, n) -> {
			Object[] values = new Object[rs.getMetaData().getColumnCount()];
			for (int i = 0; i < values.length; i++) {
				values[i] = rs.getObject(i + 1);
			}
			return ExpectedReadModels.line(values);
		}, (Object) channelIds.toArray(String[]::new));
	}

	private static Map<String, long[]> overviewDays() {
		Map<String, long[]> days = new TreeMap<>();
		jdbc.query("SELECT day, videos_scheduled, videos_generated, videos_published, failures, halted, cost_micros"
				+ " FROM rm_overview_day", (rs) -> {
					days.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
							rs.getLong(6), rs.getLong(7) });
				});
		return days;
	}

	private static Map<String, long[]> platformSeries() {
		Map<String, long[]> minutes = new TreeMap<>();
		jdbc.query("SELECT minute, videos_generated, failures, cost_micros FROM rm_series_minute"
				+ " WHERE channel_id = '*'", (rs) -> {
					minutes.put(rs.getObject(1, java.time.OffsetDateTime.class).toInstant().toString(),
							new long[] { rs.getLong(2), rs.getLong(3), rs.getLong(4) });
				});
		return minutes;
	}

	private static List<String> increments(Map<String, long[]> before, Map<String, long[]> after) {
		Map<String, long[]> increments = new TreeMap<>();
		after.forEach((key, values) -> {
			long[] earlier = before.getOrDefault(key, new long[values.length]);
			long[] increment = new long[values.length];
			for (int i = 0; i < values.length; i++) {
				increment[i] = values[i] - earlier[i];
			}
			increments.put(key, increment);
		});
		return ExpectedReadModels.nonZeroLines(increments);
	}

	private static String shortId() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
