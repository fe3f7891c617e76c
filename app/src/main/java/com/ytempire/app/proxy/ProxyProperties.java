package com.ytempire.app.proxy;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param trusted the addresses, or CIDR ranges such as {@code 10.0.0.0/8}, of the proxies
 * in front of this service (nginx, a load balancer) whose {@code X-Forwarded-*} headers
 * are believed; from {@code YTEMPIRE_TRUSTED_PROXIES}, separated by commas. Loopback by
 * default, where the documented nginx runs. Empty: every peer is a client, and forwarded
 * headers are dropped unread.
 */
@ConfigurationProperties("ytempire.proxies")
public record ProxyProperties(List<String> trusted) {

	public ProxyProperties {
		trusted = (trusted != null) ? trusted.stream().map(String::strip).filter((t) -> !t.isEmpty()).toList()
				: List.of();
	}

}
