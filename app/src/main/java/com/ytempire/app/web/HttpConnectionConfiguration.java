package com.ytempire.app.web;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every HTTP/1.1 response closes its connection.
 * <p>
 * With keep-alive, Reactor Netty 1.3.6 can stop reading a connection for good: when a
 * request arrives before the previous one's handling has ended (our handlers end on
 * command or database threads, after the response went out), Netty queues it, and if that
 * queued request is answered at once (a 401, 403 or 404 decided without I/O) the
 * connection is never read again. The client's next request on it then waits until the
 * client gives up, and closing the connection cancels, late, a command that has only just
 * started. This is reactor-netty issue 4361, fixed after the newest release this build
 * can use. A new loopback or LAN connection per request costs far less than a request
 * that never returns; allow keep-alive again on a Reactor Netty with that fix.
 */
@Configuration(proxyBeanMethods = false)
class HttpConnectionConfiguration {

	@Bean
	NettyServerCustomizer oneRequestPerConnection() {
		return (server) -> server.maxKeepAliveRequests(1);
	}

}
