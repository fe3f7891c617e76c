package com.ytempire.app.fault;

import java.util.ArrayList;
import java.util.List;

/**
 * One command the load client means to have applied once, and every request it sent for
 * it: deliberate repeats and retries after an unknown outcome are attempts of the same
 * intent. The marker is a value only this intent puts into its event (a channel name, a
 * video title, a cost id and amount, a reason), which is how the audit finds it in the
 * store.
 *
 * @param aggregateId the channel or video it changes; null for a creation, whose id the
 * answer names
 * @param idempotencyKey the {@code Idempotency-Key} its requests carry, or null
 */
record Intent(long number, Kind kind, String marker, String aggregateId, String idempotencyKey,
		List<Attempt> attempts) {

	/**
	 * The commands of the mix, with the event each stores and where that event keeps the
	 * marker.
	 */
	enum Kind {

		CREATE_CHANNEL("channel.ChannelCreatedEvent", "p ->> 'name'"),

		UPDATE_SETTINGS("channel.ChannelSettingsUpdatedEvent", "p -> 'settings' ->> 'niche'"),

		PAUSE_CHANNEL("channel.ChannelPausedEvent", "p ->> 'reason'"),

		/**
		 * Resuming has no body, so nothing in its event marks it: it is always sent with
		 * an Idempotency-Key, whose claim commits with the event, and the audit finds it
		 * through that claim.
		 */
		RESUME_CHANNEL("channel.ChannelResumedEvent", null),

		SCHEDULE_VIDEO("video.VideoScheduledEvent", "p ->> 'title'"),

		RECORD_COST("video.CostRecordedEvent", "(p ->> 'costId') || ':' || (p ->> 'amountMicros')"),

		CANCEL_VIDEO("video.VideoCancelledEvent", "p ->> 'reason'");

		private final String eventType;

		private final String markerExpression;

		Kind(String event, String markerExpression) {
			this.eventType = "com.ytempire.api." + event;
			this.markerExpression = markerExpression;
		}

		String eventType() {
			return this.eventType;
		}

		/**
		 * SQL over the payload {@code p} (jsonb) of its event; null when the event has no
		 * marker.
		 */
		String markerExpression() {
			return this.markerExpression;
		}

	}

	Intent(long number, Kind kind, String marker, String aggregateId, String idempotencyKey) {
		this(number, kind, marker, aggregateId, idempotencyKey, new ArrayList<>());
	}

	synchronized void add(Attempt attempt) {
		this.attempts.add(attempt);
	}

	synchronized List<Attempt> answers() {
		return List.copyOf(this.attempts);
	}

	boolean acknowledged() {
		return answers().stream().anyMatch((attempt) -> attempt.outcome() == Attempt.Outcome.ACKNOWLEDGED);
	}

	boolean rejected() {
		List<Attempt> answers = answers();
		return !answers.isEmpty()
				&& answers.stream().allMatch((attempt) -> attempt.outcome() == Attempt.Outcome.REJECTED);
	}

	/**
	 * The id an acknowledged answer named: the new channel's or video's for a creation.
	 */
	String acknowledgedId() {
		return answers().stream()
			.filter((attempt) -> attempt.outcome() == Attempt.Outcome.ACKNOWLEDGED && attempt.returnedId() != null)
			.map(Attempt::returnedId)
			.findFirst()
			.orElse(this.aggregateId);
	}

}
