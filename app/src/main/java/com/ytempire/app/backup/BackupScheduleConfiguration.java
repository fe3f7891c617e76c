package com.ytempire.app.backup;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.ytempire.app.database.CommandLineDatabase;
import com.ytempire.app.database.DatabaseEndpoint;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.support.CronExpression;

@Configuration(proxyBeanMethods = false)
class BackupScheduleConfiguration {

	@Bean
	ScheduledBackups scheduledBackups(DatabaseEndpoint endpoint, MeterRegistry registry,
			@Value("${spring.flyway.locations}") List<String> migrations,
			@Value("${ytempire.backup.dir:}") String folder,
			@Value("${ytempire.backup.incremental-every:5m}") Duration incrementalEvery,
			@Value("${ytempire.backup.full-cron:0 0 3 * * *}") String fullCron,
			@Value("${ytempire.backup.keep-days:30}") int keepDays) {
		ScheduledBackups.Schedule schedule = new ScheduledBackups.Schedule(incrementalEvery,
				CronExpression.parse(fullCron), Duration.ofDays(keepDays));
		return new ScheduledBackups(
				() -> CommandLineDatabase.at(endpoint.jdbcUrl(), endpoint.username(), endpoint.password(), migrations),
				folder.isBlank() ? null : Path.of(folder), schedule, Clock.systemUTC(), registry);
	}

}
