package com.ytempire.app.backup;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.ytempire.ops.OperatorDatabase;
import com.ytempire.ops.backup.Backups;
import com.ytempire.ops.backup.LatestBackup;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.support.CronExpression;

/**
 * The service backs itself up into a folder: an incremental backup every few minutes and
 * a full one on a cron schedule (daily by default), one at a time on one thread. The
 * events a disaster can take are then minutes' worth, not the operations document's hour.
 * The time of the last good backup is exported (zero until there is one, and when no
 * folder is configured), so the BackupStale alert fires for a service nobody backs up.
 */
public class ScheduledBackups implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ScheduledBackups.class);

	private final Supplier<OperatorDatabase> database;

	private final Path folder;

	private final Schedule schedule;

	private final Clock clock;

	private final AtomicLong lastSuccessEpochSeconds = new AtomicLong();

	private final Counter failures;

	private ScheduledExecutorService executor;

	/**
	 * @param incrementalEvery how long after one backup ends the next incremental starts
	 * @param fullCron when full backups start (Spring cron, UTC)
	 * @param keep how long backups are kept
	 */
	public record Schedule(Duration incrementalEvery, CronExpression fullCron, Duration keep) {
	}

	/**
	 * @param folder where backups go; null when the service takes none
	 */
	public ScheduledBackups(Supplier<OperatorDatabase> database, Path folder, Schedule schedule, Clock clock,
			MeterRegistry registry) {
		this.database = database;
		this.folder = folder;
		this.schedule = schedule;
		this.clock = clock;
		if (folder != null) {
			LatestBackup.takenAt(folder)
				.ifPresent((takenAt) -> this.lastSuccessEpochSeconds.set(takenAt.getEpochSecond()));
		}
		Gauge.builder("ytempire.backup.last.success.timestamp", this.lastSuccessEpochSeconds, AtomicLong::doubleValue)
			.baseUnit("seconds")
			.description("When the last good backup was taken (Unix time); 0 when there is none")
			.register(registry);
		this.failures = Counter.builder("ytempire.backup.failures")
			.description("Scheduled backups that failed")
			.register(registry);
	}

	/** Takes an incremental backup, or a full one when the folder holds none yet. */
	public void incremental() {
		take(true);
	}

	public void full() {
		take(false);
	}

	private void take(boolean incremental) {
		try (OperatorDatabase source = this.database.get()) {
			Backups.Taken taken = Backups.take(source, this.folder, incremental, this.schedule.keep(), this.clock,
					new PrintWriter(Writer.nullWriter()));
			this.lastSuccessEpochSeconds.set(taken.takenAt().getEpochSecond());
			log.info("Backup {}: {} events up to position {}{}", taken.name(), taken.events(), taken.lastPosition(),
					taken.deleted().isEmpty() ? "" : "; retention deleted " + taken.deleted());
		}
		catch (Exception ex) {
			this.failures.increment();
			log.error("Backup into {} failed: {}", this.folder, ex.getMessage(), ex);
		}
	}

	@Override
	public synchronized void start() {
		if (this.folder == null || this.executor != null) {
			return;
		}
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "scheduled-backups");
			thread.setDaemon(true);
			return thread;
		});
		long every = this.schedule.incrementalEvery().toMillis();
		this.executor.scheduleWithFixedDelay(this::incremental, 0, every, TimeUnit.MILLISECONDS);
		scheduleNextFull();
		log.info("Backing up into {}: incremental every {}, full at '{}' UTC", this.folder,
				this.schedule.incrementalEvery(), this.schedule.fullCron());
	}

	private synchronized void scheduleNextFull() {
		if (this.executor == null) {
			return;
		}
		ZonedDateTime now = ZonedDateTime.now(this.clock.withZone(ZoneOffset.UTC));
		ZonedDateTime next = this.schedule.fullCron().next(now);
		if (next != null) {
			this.executor.schedule(() -> {
				full();
				scheduleNextFull();
			}, Duration.between(now, next).toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

}
