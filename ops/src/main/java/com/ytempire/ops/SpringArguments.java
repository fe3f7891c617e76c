package com.ytempire.ops;

import java.util.Set;

/**
 * The arguments that Spring Boot reads itself: a property as
 * {@code --name.with.dots=value} (Boot takes no space before the value) or one of its
 * flags {@code --debug} and {@code --trace}. Anything else is a command, an option of
 * one, or a mistake, and must never start the service.
 */
final class SpringArguments {

	private static final Set<String> FLAGS = Set.of("debug", "trace");

	private SpringArguments() {
	}

	static boolean isSpringArgument(String argument) {
		if (!argument.startsWith("--")) {
			return false;
		}
		int equals = argument.indexOf('=');
		String name = (equals < 0) ? argument.substring(2) : argument.substring(2, equals);
		return FLAGS.contains(name) || (equals > 0 && name.contains("."));
	}

}
