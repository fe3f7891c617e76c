package com.ytempire.ops;

/** Starts the service in this process; the recovery drill also starts one of its own. */
@FunctionalInterface
public interface ServiceStarter {

	/**
	 * @param arguments Spring Boot's arguments
	 * @return the running service; closing it stops it
	 */
	AutoCloseable start(String... arguments);

}
