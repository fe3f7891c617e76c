package com.ytempire.app.query;

import java.util.List;

/**
 * Every read model table the projections keep.
 */
final class ReadModelTables {

	static final List<String> NAMES = List.of("rm_channel", "rm_channel_video", "rm_video", "rm_video_stage",
			"rm_video_cost", "rm_cost_daily", "rm_cost_video", "rm_overview_channel", "rm_overview_day",
			"rm_series_minute");

	private ReadModelTables() {
	}

}
