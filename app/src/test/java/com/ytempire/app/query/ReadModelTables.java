package com.ytempire.app.query;

import java.util.List;

/**
 * The read model tables these tests check against a model; a rebuild compares these and
 * any the projections add later.
 */
final class ReadModelTables {

	static final List<String> NAMES = List.of("rm_channel", "rm_channel_video", "rm_video", "rm_video_stage",
			"rm_video_cost", "rm_cost_daily", "rm_cost_video", "rm_overview_channel", "rm_overview_day",
			"rm_series_minute");

	private ReadModelTables() {
	}

}
