package com.ytempire.app.proxy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;

/**
 * Puts the real client in the request's remote address, so that rate limits, logs and
 * audit lines name the client rather than the proxy in front of this service. Forwarded
 * headers are believed only from a configured trusted proxy; from anyone else they are
 * dropped unread, since a client can write them itself.
 * <p>
 * The client is the nearest address in {@code X-Forwarded-For}, read from the right, that
 * is not itself a trusted proxy. Spring's {@link ForwardedHeaderTransformer} takes the
 * leftmost instead, which is what the client sent when nginx appends to the header; it
 * still adapts scheme, host and prefix from a trusted proxy's headers.
 */
@Component
class ForwardedClientFilter implements WebFilter, Ordered {

	static final String FORWARDED_FOR = "X-Forwarded-For";

	private final List<AddressRange> proxies = new ArrayList<>();

	private final ForwardedHeaderTransformer fromProxy = new ForwardedHeaderTransformer();

	private final ForwardedHeaderTransformer fromClient = new ForwardedHeaderTransformer();

	ForwardedClientFilter(ProxyProperties properties) {
		for (String proxy : properties.trusted()) {
			try {
				this.proxies.add(AddressRange.parse(proxy));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("YTEMPIRE_TRUSTED_PROXIES holds '" + proxy
						+ "', which is neither an address nor a range such as 10.0.0.0/8", ex);
			}
		}
		this.fromClient.setRemoveOnly(true);
	}

	/** Before the security filters, which limit and audit by client address. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		InetSocketAddress peer = request.getRemoteAddress();
		if (peer == null || peer.getAddress() == null || !isProxy(peer.getAddress())) {
			return chain.filter(exchange.mutate().request(this.fromClient.apply(request)).build());
		}
		InetAddress client = clientBehind(peer.getAddress(), request.getHeaders().getValuesAsList(FORWARDED_FOR));
		ServerHttpRequest forwarded = this.fromProxy.apply(request)
			.mutate()
			.remoteAddress(new InetSocketAddress(client, 0))
			.build();
		return chain.filter(exchange.mutate().request(forwarded).build());
	}

	private InetAddress clientBehind(InetAddress proxy, List<String> forwardedFor) {
		InetAddress client = proxy;
		for (int i = forwardedFor.size() - 1; i >= 0 && isProxy(client); i--) {
			Optional<InetAddress> hop = AddressLiteral.parse(forwardedFor.get(i).strip());
			if (hop.isEmpty()) {
				// Whatever wrote this is not a proxy we know; believe nothing left of it.
				break;
			}
			client = hop.get();
		}
		return client;
	}

	private boolean isProxy(InetAddress address) {
		return this.proxies.stream().anyMatch((proxy) -> proxy.contains(address));
	}

}
