package com.ytempire.ops.backup;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import com.ytempire.ops.OperatorDatabase;
import com.ytempire.ops.ServiceStarter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "drill",
		description = {
				"The disaster-recovery drill: restore the newest backup chain in DIR into a scratch database"
						+ " beside the live one, run the service on it until the projections have replayed every event,"
						+ " compare the rebuilt read models with the live ones, drop the scratch database.",
				"Reports the RPO (the newest backup's age) and the RTO (restore plus replay); exits 1 when the"
						+ " replay times out or read models differ while the live store holds nothing newer." })
public final class DrillCommand implements Callable<Integer> {

	private final Supplier<OperatorDatabase> database;

	private final ServiceStarter service;

	private final Clock clock;

	@Parameters(paramLabel = "DIR", description = "the folder of backups (its newest chain is restored)")
	Path directory;

	@Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT30M",
			description = "how long the replay may take, ISO-8601 (default ${DEFAULT-VALUE})")
	Duration timeout;

	@Option(names = "--keep-scratch", description = "keep the scratch database for a closer look")
	boolean keepScratch;

	@Spec
	CommandSpec spec;

	public DrillCommand(Supplier<OperatorDatabase> database, ServiceStarter service, Clock clock) {
		this.database = database;
		this.service = service;
		this.clock = clock;
	}

	@Override
	public Integer call() throws Exception {
		PrintWriter out = this.spec.commandLine().getOut();
		PrintWriter err = this.spec.commandLine().getErr();
		RecoveryDrill.Report report;
		try (OperatorDatabase live = this.database.get()) {
			err.println("database: " + live.description());
			report = new RecoveryDrill(live, this.service, this.clock, err).run(this.directory, this.timeout,
					this.keepScratch);
		}
		for (RecoveryDrill.TableComparison table : report.tables()) {
			out.println("  " + table.table() + ": " + (table.same() ? "same as live" : "DIFFERS from live") + " ("
					+ table.rows() + " rows)");
		}
		if (report.liveEventsAfter() > 0) {
			out.println("  the live store has " + report.liveEventsAfter()
					+ " events newer than the backup: read models may differ for that reason");
		}
		out.println("drill " + (report.sound() ? "passed" : "FAILED") + ": backup " + report.backup() + ", "
				+ report.events() + " events; RPO " + RecoveryDrill.seconds(report.rpo())
				+ " (the newest backup's age)," + " RTO " + RecoveryDrill.seconds(report.rto()) + " (restore "
				+ RecoveryDrill.seconds(report.restore()) + ", replay " + RecoveryDrill.seconds(report.replay()) + ")");
		out.flush();
		return report.sound() ? 0 : 1;
	}

}
