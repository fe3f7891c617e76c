package com.ytempire.render.content;

import com.ytempire.api.video.CostCategory;

/**
 * What one provider call cost, in whole micro-dollars (never a floating-point amount).
 */
public record ProviderCost(CostCategory category, long microDollars, String detail) {

	public ProviderCost {
		if (microDollars < 0) {
			throw new IllegalArgumentException("a cost cannot be negative, got " + microDollars);
		}
	}

}
