package com.ytempire.render.content;

/**
 * Where paid calls report what they cost, as each call returns: a step that fails later,
 * or a result that turns out unusable, has still been paid for.
 */
@FunctionalInterface
public interface CostMeter {

	void spent(ProviderCost cost);

}
