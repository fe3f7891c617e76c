package com.ytempire.render.work;

import java.util.List;

import com.ytempire.render.content.ProviderCost;

/**
 * What a finished step reports: what it cost, then the command that records its result on
 * the video. Costs go first, so a step that pushes a video over its cap halts it before
 * its result counts.
 */
record StepOutcome(List<ProviderCost> costs, String provider, Object completion) {

	StepOutcome {
		costs = List.copyOf(costs);
	}

}
