package com.ytempire.command.video;

import com.ytempire.api.video.CostCategory;

/**
 * What a video remembers of each recorded cost, to tell a harmless repeat from a
 * conflicting one.
 */
record RecordedCost(CostCategory category, long amountMicros, String provider, long units) {
}
