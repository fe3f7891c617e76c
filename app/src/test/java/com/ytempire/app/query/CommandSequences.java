package com.ytempire.app.query;

import java.util.ArrayList;
import java.util.List;

import com.ytempire.api.video.CostCategory;
import com.ytempire.api.video.VideoStage;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * Random sequences of the commands that feed the read models. Channels and videos are
 * named by index into those created so far in the sequence (modulo their number), so a
 * shrunk sequence still makes sense; many steps do not fit the state they meet and must
 * be refused.
 */
final class CommandSequences {

	/** The cost caps channels are created with, in micro-dollars. */
	static final List<Long> CAPS = List.of(100_000L, 500_000L, 2_000_000L);

	private CommandSequences() {
	}

	/** One channel to start with, then up to {@code maxSteps - 1} random steps. */
	static Arbitrary<List<Step>> sequences(int maxSteps) {
		return Combinators
			.combine(createChannel(),
					step().list().ofMaxSize(maxSteps - 1).withSizeDistribution(RandomDistribution.uniform()))
			.as((first, rest) -> {
				List<Step> steps = new ArrayList<>(rest.size() + 1);
				steps.add(first);
				steps.addAll(rest);
				return steps;
			});
	}

	@SuppressWarnings("unchecked")
	private static Arbitrary<Step> step() {
		Arbitrary<Integer> index = Arbitraries.integers().between(0, 7);
		Arbitrary<Step> pause = index.map(PauseChannel::new);
		Arbitrary<Step> resume = index.map(ResumeChannel::new);
		Arbitrary<Step> archive = index.map(ArchiveChannel::new);
		Arbitrary<Step> schedule = Combinators.combine(index, Arbitraries.integers().between(1, 3))
			.as(ScheduleVideo::new);
		Arbitrary<Step> advance = Combinators.combine(index, Arbitraries.integers().between(1, 4))
			.as(AdvanceVideo::new);
		Arbitrary<Step> stageCommand = Combinators
			.combine(index,
					Arbitraries.of(VideoStage.SCRIPT_READY, VideoStage.VOICE_READY, VideoStage.IMAGES_READY,
							VideoStage.RENDERING, VideoStage.RENDERED, VideoStage.PUBLISHED))
			.as(SendStageCommand::new);
		Arbitrary<Step> fail = index.map(FailVideo::new);
		Arbitrary<Step> cancel = index.map(CancelVideo::new);
		Arbitrary<Step> cost = Combinators
			.combine(index, Arbitraries.of(CostCategory.class),
					Arbitraries.longs().between(0, 250_000).withDistribution(RandomDistribution.uniform()))
			.as(RecordCost::new);
		Arbitrary<Step> repeatCost = Combinators.combine(index, index, Arbitraries.of(true, false)).as(RepeatCost::new);
		// Archiving ends a channel for good, so it is rare enough to leave most sequences
		// something to do. Without edge cases: jqwik would mix in those of every kind of
		// step alike, whatever their frequencies.
		return Arbitraries
			.frequencyOf(Tuple.of(3, createChannel()), Tuple.of(3, pause), Tuple.of(4, resume), Tuple.of(1, archive),
					Tuple.of(14, schedule), Tuple.of(16, advance), Tuple.of(2, stageCommand), Tuple.of(2, fail),
					Tuple.of(3, cancel), Tuple.of(20, cost), Tuple.of(4, repeatCost))
			.withoutEdgeCases();
	}

	private static Arbitrary<Step> createChannel() {
		return Combinators
			.combine(Arbitraries.integers().between(1, 4), Arbitraries.of(CAPS),
					Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(-1)),
							Tuple.of(1, Arbitraries.integers().between(0, 3))))
			.as(CreateChannel::new);
	}

	sealed interface Step permits CreateChannel, PauseChannel, ResumeChannel, ArchiveChannel, ScheduleVideo,
			AdvanceVideo, SendStageCommand, FailVideo, CancelVideo, RecordCost, RepeatCost {

	}

	/**
	 * @param sameNameAs -1 for a fresh name, otherwise the index of a channel whose name
	 * is taken again (refused)
	 */
	record CreateChannel(int dailyQuota, long capMicros, int sameNameAs) implements Step {
	}

	record PauseChannel(int channel) implements Step {
	}

	record ResumeChannel(int channel) implements Step {
	}

	record ArchiveChannel(int channel) implements Step {
	}

	/**
	 * @param publishDay days from today; the daily quota counts per publish day
	 */
	record ScheduleVideo(int channel, int publishDay) implements Step {
	}

	/**
	 * The stage commands that would move the video on from the stage it is in, up to the
	 * given number of times.
	 */
	record AdvanceVideo(int video, int stages) implements Step {
	}

	/** A stage command whatever the video's stage. */
	record SendStageCommand(int video, VideoStage target) implements Step {
	}

	record FailVideo(int video) implements Step {
	}

	record CancelVideo(int video) implements Step {
	}

	record RecordCost(int video, CostCategory category, long micros) implements Step {
	}

	/**
	 * Sends one of the video's recorded costs again, with the same values (harmless) or
	 * another amount (refused).
	 */
	record RepeatCost(int video, int cost, boolean sameValues) implements Step {
	}

}
