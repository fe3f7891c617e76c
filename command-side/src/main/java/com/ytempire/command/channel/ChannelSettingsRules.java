package com.ytempire.command.channel;

import com.ytempire.api.channel.ChannelSettings;

import static com.ytempire.command.CommandRejectedException.invalid;

/**
 * The limits every channel's settings must respect, checked by the aggregate whatever the
 * caller.
 */
final class ChannelSettingsRules {

	static final int MAX_DAILY_VIDEO_QUOTA = 1_000;

	static final long MAX_COST_CAP_PER_VIDEO_MICROS = 1_000_000_000L;

	static final long MAX_DAILY_BUDGET_MICROS = 100_000_000_000L;

	private ChannelSettingsRules() {
	}

	static void check(ChannelSettings settings) {
		if (settings == null) {
			throw invalid("Channel settings are missing");
		}
		if (settings.dailyVideoQuota() < 1 || settings.dailyVideoQuota() > MAX_DAILY_VIDEO_QUOTA) {
			throw invalid("The daily video quota must be between 1 and " + MAX_DAILY_VIDEO_QUOTA + ", not "
					+ settings.dailyVideoQuota());
		}
		if (settings.costCapPerVideoMicros() <= 0 || settings.costCapPerVideoMicros() > MAX_COST_CAP_PER_VIDEO_MICROS) {
			throw invalid("The cost cap per video must be more than $0 and at most $1,000");
		}
		if (settings.dailyBudgetMicros() < 0 || settings.dailyBudgetMicros() > MAX_DAILY_BUDGET_MICROS) {
			throw invalid("The daily budget must be between $0 and $100,000");
		}
	}

}
