package com.ytempire.ops.doctor;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import com.ytempire.ops.OperatorDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "doctor",
		description = { "Check what an operator checks first in an incident: the database, the event store,"
				+ " how far each projection lags, sagas, dead letters, disk space, the newest backup and the GPU.",
				"Prints one line per check; exits 1 when any check FAILs." })
public final class DoctorCommand implements Callable<Integer> {

	private final Supplier<OperatorDatabase> database;

	private final Supplier<GpuState> gpu;

	private final Clock clock;

	@Option(names = "--backups", paramLabel = "DIR", defaultValue = "${env:YTEMPIRE_BACKUP_DIR}",
			description = "the folder of backups whose newest must be recent (default: YTEMPIRE_BACKUP_DIR)")
	Path backups;

	@Option(names = "--data-dir", paramLabel = "DIR",
			defaultValue = "${env:YTEMPIRE_DATA_DIR:-${sys:user.home}/.ytempire}",
			description = "where the service keeps its data, for the disk check (default ${DEFAULT-VALUE})")
	Path dataDirectory;

	@Option(names = "--max-lag", paramLabel = "EVENTS", defaultValue = "10000",
			description = "how many events a projection may be behind (default ${DEFAULT-VALUE})")
	long maxLag;

	@Option(names = "--max-backup-age", paramLabel = "DURATION", defaultValue = "PT26H",
			description = "how old the newest backup may be, ISO-8601 (default ${DEFAULT-VALUE}: a daily full backup)")
	Duration maxBackupAge;

	@Option(names = "--min-free-disk", paramLabel = "MiB", defaultValue = "1024",
			description = "free disk space needed where the data lives (default ${DEFAULT-VALUE} MiB)")
	long minFreeMiB;

	@Spec
	CommandSpec spec;

	public DoctorCommand(Supplier<OperatorDatabase> database, Supplier<GpuState> gpu, Clock clock) {
		this.database = database;
		this.gpu = gpu;
		this.clock = clock;
	}

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		List<Finding> findings = new ArrayList<>(storeFindings());
		HostChecks host = new HostChecks(this.clock);
		findings.add(host.disk(this.dataDirectory, this.minFreeMiB));
		findings.add(host.backups(this.backups, this.maxBackupAge));
		findings.add(host.gpu(this.gpu));
		findings.forEach((finding) -> out.println(finding.line()));
		long failed = findings.stream().filter((finding) -> finding.verdict() == Finding.Verdict.FAIL).count();
		out.println((failed == 0) ? "healthy" : failed + " checks failed");
		out.flush();
		return (failed == 0) ? 0 : 1;
	}

	private List<Finding> storeFindings() {
		try (OperatorDatabase store = this.database.get(); Connection connection = store.connect()) {
			List<Finding> findings = new ArrayList<>();
			findings.add(Finding.ok("database", store.description() + ", " + version(connection)));
			findings.addAll(new StoreChecks(connection, this.maxLag).run());
			return findings;
		}
		catch (SQLException | RuntimeException ex) {
			return List.of(Finding.fail("database", "unreachable or unreadable: " + ex.getMessage()));
		}
	}

	private static String version(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SHOW server_version")) {
			rows.next();
			return "PostgreSQL " + rows.getString(1);
		}
	}

}
