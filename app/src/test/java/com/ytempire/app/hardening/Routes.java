package com.ytempire.app.hardening;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Every route the running application really has: annotated controllers and actuator
 * endpoints (request-mapping handler mappings), functional routes, and URL mappings such
 * as static resources, each as "METHOD pattern" ("* pattern" when any method matches).
 */
public final class Routes {

	private Routes() {
	}

	public static Set<String> of(ApplicationContext context) {
		Set<String> routes = new TreeSet<>();
		context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
			.values()
			.forEach((mapping) -> mapping.getHandlerMethods().keySet().forEach((info) -> add(routes, info)));
		context.getBeansOfType(RouterFunctionMapping.class).values().forEach((mapping) -> {
			if (mapping.getRouterFunction() != null) {
				mapping.getRouterFunction().accept(new FunctionalRoutes(routes));
			}
		});
		context.getBeansOfType(SimpleUrlHandlerMapping.class)
			.values()
			.forEach((mapping) -> mapping.getHandlerMap().keySet().forEach((pattern) -> routes.add("GET " + pattern)));
		return routes;
	}

	private static void add(Set<String> routes, RequestMappingInfo info) {
		Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
		for (PathPattern pattern : info.getPatternsCondition().getPatterns()) {
			if (methods.isEmpty()) {
				routes.add("* " + pattern.getPatternString());
			}
			methods.forEach((method) -> routes.add(method.name() + " " + pattern.getPatternString()));
		}
	}

	/** Collects functional routes as their predicates print them. */
	private record FunctionalRoutes(Set<String> routes) implements RouterFunctions.Visitor {

		private static final Pattern METHOD_AND_PATH = Pattern.compile("^\\(*([A-Z]+) && (/[^\\s()]*)\\)");

		@Override
		public void startNested(RequestPredicate predicate) {
		}

		@Override
		public void endNested(RequestPredicate predicate) {
		}

		@Override
		public void route(RequestPredicate predicate, HandlerFunction<?> handlerFunction) {
			// "((GET && /) && Accept: text/html)", Boot's welcome page, is the route "GET
			// /".
			Matcher route = METHOD_AND_PATH.matcher(predicate.toString());
			this.routes.add(route.find() ? route.group(1) + " " + route.group(2) : "FUNCTIONAL " + predicate);
		}

		@Override
		public void resources(Function<ServerRequest, Mono<Resource>> lookupFunction) {
			this.routes.add("FUNCTIONAL resources " + lookupFunction);
		}

		@Override
		public void attributes(Map<String, Object> attributes) {
		}

		@Override
		public void unknown(RouterFunction<?> routerFunction) {
			this.routes.add("FUNCTIONAL " + routerFunction);
		}

	}

}
