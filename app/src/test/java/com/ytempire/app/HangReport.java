package com.ytempire.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * When a request to the application under test times out, writes what the application was
 * doing at that moment to {@code target/diagnostics/}: every thread's stack, and the
 * database's sessions and the locks they wait for. A hang is gone by the time anyone
 * looks, so the moment of the timeout is the only chance to see its cause.
 */
public class HangReport implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

	private static final Path DIRECTORY = Path.of("target", "diagnostics");

	/**
	 * The short report shows only threads busy in the application's or Axon's code: the
	 * ones that can be stuck on its behalf.
	 */
	private static final Predicate<ThreadInfo> BUSY_IN_APPLICATION = (thread) -> Arrays.stream(thread.getStackTrace())
		.anyMatch((frame) -> frame.getClassName().startsWith("com.ytempire")
				|| frame.getClassName().startsWith("org.axonframework"));

	/**
	 * Deep enough to show what a stuck thread waits in and which of our calls got it
	 * there.
	 */
	private static final int SHORT_STACK = 25;

	@Override
	public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
		reportIfTimeout(context, failure);
		throw failure;
	}

	@Override
	public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
		reportIfTimeout(context, failure);
		throw failure;
	}

	private static void reportIfTimeout(ExtensionContext context, Throwable failure) {
		if (!isTimeout(failure)) {
			return;
		}
		StringBuilder report = new StringBuilder();
		report.append("Timed out: ").append(context.getDisplayName()).append('\n').append(failure).append("\n\n");
		StringBuilder everyThread = new StringBuilder(report);
		appendThreads(report, BUSY_IN_APPLICATION, SHORT_STACK);
		appendThreads(everyThread, (thread) -> true, Integer.MAX_VALUE);
		// Last, so that a log that keeps only its end still shows what the database
		// waited for.
		StringBuilder database = new StringBuilder();
		appendDatabase(context, database);
		report.append(database);
		everyThread.append(database);
		String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName()
				+ "-" + System.nanoTime();
		try {
			Files.createDirectories(DIRECTORY);
			Files.writeString(DIRECTORY.resolve(name + ".txt"), report);
			Files.writeString(DIRECTORY.resolve(name + ".all-threads"), everyThread);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean isTimeout(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof TimeoutException || String.valueOf(cause.getMessage()).contains("Timeout on")) {
				return true;
			}
		}
		return false;
	}

	private static void appendDatabase(ExtensionContext context, StringBuilder report) {
		try {
			JdbcTemplate jdbc = SpringExtension.getApplicationContext(context).getBean(JdbcTemplate.class);
			report.append("Database sessions:\n");
			appendRows(report,
					jdbc.queryForList("SELECT pid, application_name, state, wait_event_type, wait_event, xact_start,"
							+ " pg_blocking_pids(pid) AS blocked_by, left(query, 300) AS query FROM pg_stat_activity"
							+ " WHERE datname = current_database() AND state <> 'idle' AND pid <> pg_backend_pid()"));
			report.append("\nLocks on the event store:\n");
			appendRows(report, jdbc.queryForList("SELECT pid, mode, granted FROM pg_locks"
					+ " WHERE relation = 'domainevententry'::regclass AND mode <> 'AccessShareLock'"));
			report.append("\nUngranted locks:\n");
			appendRows(report, jdbc.queryForList(
					"SELECT pid, locktype, relation::regclass AS relation, mode FROM pg_locks WHERE NOT granted"));
		}
		catch (RuntimeException ex) {
			report.append("The database could not be asked: ").append(ex).append('\n');
		}
		report.append('\n');
	}

	private static void appendRows(StringBuilder report, List<Map<String, Object>> rows) {
		rows.forEach((row) -> report.append("  ").append(row).append('\n'));
	}

	private static void appendThreads(StringBuilder report, Predicate<ThreadInfo> shown, int frames) {
		for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
			if (!shown.test(thread)) {
				continue;
			}
			report.append('"').append(thread.getThreadName()).append("\" ").append(thread.getThreadState());
			if (thread.getLockName() != null) {
				report.append(" on ").append(thread.getLockName());
			}
			if (thread.getLockOwnerName() != null) {
				report.append(" held by \"").append(thread.getLockOwnerName()).append('"');
			}
			report.append('\n');
			Arrays.stream(thread.getStackTrace())
				.limit(frames)
				.forEach((frame) -> report.append("    at ").append(frame).append('\n'));
			report.append('\n');
		}
	}

}
