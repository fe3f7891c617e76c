package com.ytempire.render.content;

/**
 * A provider's result together with its cost, so no paid step can forget to report one.
 */
public record Priced<T>(T value, ProviderCost cost) {
}
