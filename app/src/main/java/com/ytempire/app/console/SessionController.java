package com.ytempire.app.console;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.ytempire.app.security.Role;
import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who the caller's API key is: the console signs in with a key and shows only what its
 * role allows.
 */
@RestController
class SessionController {

	@GetMapping("/api/v1/session")
	Mono<Map<String, Object>> session(ServerWebExchange exchange) {
		return exchange.getPrincipal().cast(Authentication.class).map((authentication) -> {
			Set<String> granted = authentication.getAuthorities()
				.stream()
				.map(GrantedAuthority::getAuthority)
				.collect(Collectors.toSet());
			// A key holds its role's authority and those of the roles below it: the
			// highest one held is its role.
			Role role = Arrays.stream(Role.values())
				.filter((candidate) -> granted.contains("ROLE_" + candidate.name()))
				.reduce((lower, higher) -> higher)
				.orElseThrow();
			return Map.of("name", authentication.getName(), "role", role.name().toLowerCase());
		});
	}

}
