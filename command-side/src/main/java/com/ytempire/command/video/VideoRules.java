package com.ytempire.command.video;

import com.ytempire.api.video.MediaRef;
import com.ytempire.api.video.RecordCostCommand;
import com.ytempire.api.video.ScheduleVideoCommand;
import com.ytempire.api.video.VideoStyle;

import static com.ytempire.command.CommandRejectedException.invalid;

/**
 * Limits on the values of video commands, checked by the aggregate whatever the caller.
 */
final class VideoRules {

	/** The read models keep the platform's id in 200 characters. */
	static final int MAX_EXTERNAL_ID = 200;

	/**
	 * No single provider call costs $1,000; a larger figure is a unit mistake, not a
	 * cost.
	 */
	static final long MAX_COST_ITEM_MICROS = 1_000_000_000L;

	static final int MIN_LENGTH_SECONDS = 5;

	static final int MAX_LENGTH_SECONDS = 3 * 3600;

	static final int MAX_TEXT = 500;

	private VideoRules() {
	}

	static void checkSchedule(ScheduleVideoCommand command) {
		requireText(command.title(), "title");
		requireText(command.topic(), "topic");
		if (command.publishAt() == null) {
			throw invalid("A video needs a publish time");
		}
		if (command.targetLengthSeconds() < MIN_LENGTH_SECONDS || command.targetLengthSeconds() > MAX_LENGTH_SECONDS) {
			throw invalid("The target length must be between " + MIN_LENGTH_SECONDS + " and " + MAX_LENGTH_SECONDS
					+ " seconds, not " + command.targetLengthSeconds());
		}
	}

	/**
	 * The style's own name, so every stored video names one the production line knows.
	 */
	static String style(String requested) {
		return VideoStyle.named(requested)
			.orElseThrow(() -> invalid(
					"There is no style '" + requested + "'; choose one of " + String.join(", ", VideoStyle.ids())))
			.id();
	}

	static RecordedCost checkCost(RecordCostCommand command) {
		requireText(command.costId(), "cost id");
		requireText(command.provider(), "provider");
		if (command.category() == null) {
			throw invalid("A cost needs a category");
		}
		if (command.amountMicros() < 0) {
			throw invalid("A cost cannot be negative");
		}
		if (command.amountMicros() > MAX_COST_ITEM_MICROS) {
			throw invalid("A single cost above $1,000 is not accepted; check the amount's unit");
		}
		if (command.units() < 0) {
			throw invalid("Units cannot be negative");
		}
		return new RecordedCost(command.category(), command.amountMicros(), command.provider(), command.units());
	}

	static void checkMedia(MediaRef media, String what) {
		if (media == null || media.contentHash() == null || media.contentHash().isBlank() || media.sizeBytes() <= 0) {
			throw invalid("The " + what + " must name a stored, non-empty file");
		}
	}

	static String reason(String reason) {
		return (reason == null || reason.isBlank()) ? "no reason given" : reason.strip();
	}

	private static void requireText(String value, String name) {
		if (value == null || value.isBlank()) {
			throw invalid("The " + name + " must not be empty");
		}
		if (value.length() > MAX_TEXT) {
			throw invalid("The " + name + " must be at most " + MAX_TEXT + " characters");
		}
	}

}
