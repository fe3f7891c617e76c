package com.ytempire.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many requests a client may send: each API key has its own token bucket, and
 * requests without a known key share one bucket per client address.
 *
 * @param perKey the limit of each API key
 * @param perAddress the limit of each client address for requests without a known key
 */
@ConfigurationProperties("ytempire.rate-limit")
public record RateLimitProperties(Limit perKey, Limit perAddress) {

	/**
	 * A token bucket.
	 *
	 * @param perSecond tokens added each second: the sustained rate
	 * @param burst the bucket's size: how many requests may arrive at once
	 */
	public record Limit(long perSecond, long burst) {

		public Limit {
			if (perSecond < 1 || burst < 1) {
				throw new IllegalArgumentException("A rate limit needs at least one request per second and a burst "
						+ "of at least one (was " + perSecond + "/s, burst " + burst + ")");
			}
		}
	}

}
