package com.ytempire.monitoring.http;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP request metrics of the operations document.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "ytempire.monitoring.enabled", matchIfMissing = true)
class HttpMetricsConfiguration {

	@Bean
	HttpMetricsFilter httpMetricsFilter(MeterRegistry registry) {
		return new HttpMetricsFilter(registry);
	}

}
