package com.ytempire.render.work;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The render queue's depth (waiting and running steps, over every node) and which path
 * renders frames on this node.
 */
public class ProductionMetrics implements MeterBinder {

	private final ProductionQueue queue;

	private final String renderPath;

	public ProductionMetrics(ProductionQueue queue, String renderPath) {
		this.queue = queue;
		this.renderPath = renderPath;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (String state : new String[] { "QUEUED", "RUNNING" }) {
			Gauge.builder("ytempire.render.queue.depth", this.queue, (queue) -> queue.depth().get(state))
				.description("Production steps waiting for a worker (queued) or being worked on (running)")
				.tag("state", state.toLowerCase())
				.register(registry);
		}
		Gauge.builder("ytempire.render.path", () -> 1)
			.description("The path that renders frames on this node: gpu or cpu (value always 1)")
			.tag("path", this.renderPath)
			.register(registry);
	}

}
