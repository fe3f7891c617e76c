package com.ytempire.app.security;

import java.security.Principal;
import java.util.Arrays;
import java.util.List;

import com.ytempire.app.web.ProblemWriter;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Every {@code /api/v1} request needs an API key: viewers read, operators also send
 * commands, admins also run maintenance under {@code /api/v1/admin}. Health and the
 * metrics scrape stay open; {@code /info}, which names the build, needs a viewer key so
 * that strangers cannot match the version with its known flaws. The API description under
 * {@code /v3/api-docs} needs a viewer key for the same reason: it maps every route for a
 * stranger, while any client of the API (a viewer's tool too) holds a key and can fetch
 * it without the admin's. Every client is rate limited, and browsers may call the API
 * only from the configured dashboard origins. Every refusal of a key or an origin is
 * written once to the audit log.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

	/** springdoc's JSON description, and each group's under it. */
	private static final String API_DOCS = "/v3/api-docs/**";

	private static final String API_DOCS_YAML = "/v3/api-docs.yaml/**";

	@Bean
	SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, ApiKeyRegistry keys, ProblemWriter problems,
			RateLimitProperties rateLimits, CorsProperties cors) {
		AuthenticationWebFilter apiKeys = new AuthenticationWebFilter(authenticationManager(keys));
		apiKeys.setServerAuthenticationConverter(apiKeyConverter());
		apiKeys.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
		// Only the API, /info and the API description read keys: a health check or scrape
		// that sends a stale key still gets its answer.
		apiKeys.setRequiresAuthenticationMatcher(
				ServerWebExchangeMatchers.pathMatchers("/api/v1/**", "/info", API_DOCS, API_DOCS_YAML));
		apiKeys.setAuthenticationFailureHandler((exchange, ex) -> {
			RefusalAudit.refused(exchange.getExchange(), HttpStatus.UNAUTHORIZED, "unknown API key", null);
			return problems.write(exchange.getExchange().getResponse(), HttpStatus.UNAUTHORIZED,
					"The API key is not valid");
		});
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.cors(ServerHttpSecurity.CorsSpec::disable)
			.addFilterAt(new CrossOriginFilter(cors, problems), SecurityWebFiltersOrder.CORS)
			// Before authentication, so that guessing keys is limited too.
			.addFilterBefore(new RateLimitFilter(keys, rateLimits, problems), SecurityWebFiltersOrder.AUTHENTICATION)
			.addFilterAt(apiKeys, SecurityWebFiltersOrder.AUTHENTICATION)
			.authorizeExchange((exchanges) -> exchanges.pathMatchers("/health", "/health/**", "/api/metrics")
				.permitAll()
				.pathMatchers(HttpMethod.GET, ConsoleAssets.PATHS)
				.permitAll()
				.pathMatchers("/api/v1/admin/**")
				.hasRole(Role.ADMIN.name())
				.pathMatchers(HttpMethod.GET, "/api/v1/**", "/info", API_DOCS, API_DOCS_YAML)
				.hasRole(Role.VIEWER.name())
				.pathMatchers("/api/v1/**")
				.hasRole(Role.OPERATOR.name())
				.anyExchange()
				.denyAll())
			.exceptionHandling((handling) -> handling.authenticationEntryPoint((exchange, ex) -> {
				RefusalAudit.refused(exchange, HttpStatus.UNAUTHORIZED, "no API key", null);
				exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
				return problems.write(exchange.getResponse(), HttpStatus.UNAUTHORIZED,
						"This endpoint needs an API key: send it as 'Authorization: Bearer <key>'");
			})
				.accessDeniedHandler((exchange, ex) -> exchange.getPrincipal()
					.map(Principal::getName)
					.defaultIfEmpty(RefusalAudit.NO_KEY)
					.flatMap((key) -> {
						RefusalAudit.refused(exchange, HttpStatus.FORBIDDEN, "the key's role does not allow this route",
								key);
						return problems.write(exchange.getResponse(), HttpStatus.FORBIDDEN,
								"Your API key's role does not allow this request");
					})))
			.build();
	}

	private static ServerAuthenticationConverter apiKeyConverter() {
		return (exchange) -> {
			String secret = PresentedKey.in(exchange.getRequest().getHeaders());
			return (secret == null) ? Mono.empty() : Mono.just(new UsernamePasswordAuthenticationToken(null, secret));
		};
	}

	private static ReactiveAuthenticationManager authenticationManager(ApiKeyRegistry keys) {
		return (authentication) -> keys
			.find((String) authentication.getCredentials()).<Mono<org.springframework.security.core.Authentication>>map(
					(key) -> Mono.just(UsernamePasswordAuthenticationToken.authenticated(key.name(), null,
							authorities(key.role()))))
			.orElseGet(() -> Mono.error(new BadCredentialsException("unknown API key")));
	}

	/** A role grants its own authority and those of every role below it. */
	private static List<SimpleGrantedAuthority> authorities(Role role) {
		return Arrays.stream(Role.values())
			.filter((candidate) -> candidate.ordinal() <= role.ordinal())
			.map((candidate) -> new SimpleGrantedAuthority(candidate.authority()))
			.toList();
	}

}
