package com.ytempire.ops.backup;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import com.ytempire.ops.OperatorDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "backup",
		description = {
				"Back up the event store, snapshots, sagas and the write side's tables into a"
						+ " new folder under DIR, while the application keeps running.",
				"Read models and tracking tokens are not copied: they are rebuilt from the events." })
public final class BackupCommand implements Callable<Integer> {

	private final Supplier<OperatorDatabase> database;

	private final Clock clock;

	@Parameters(paramLabel = "DIR", description = "the folder that holds the backups")
	Path directory;

	@Option(names = "--incremental",
			description = "only the events after the newest backup in DIR (the other tables are small and copied whole)")
	boolean incremental;

	@Option(names = "--keep-days", defaultValue = "30", paramLabel = "DAYS",
			description = "delete backups older than this, never the newest full backup's chain (default ${DEFAULT-VALUE})")
	int keepDays;

	@Spec
	CommandSpec spec;

	public BackupCommand(Supplier<OperatorDatabase> database, Clock clock) {
		this.database = database;
		this.clock = clock;
	}

	@Override
	public Integer call() throws Exception {
		PrintWriter out = this.spec.commandLine().getOut();
		PrintWriter err = this.spec.commandLine().getErr();
		BackupRoot root = new BackupRoot(this.directory);
		BackupManifest manifest;
		try (OperatorDatabase source = this.database.get()) {
			err.println("database: " + source.description());
			manifest = new BackupWriter(source, this.clock, err).write(root, this.incremental);
		}
		out.println(manifest.kind().name().toLowerCase(Locale.ROOT) + " backup " + manifest.name() + ": "
				+ manifest.events() + " events after position " + manifest.afterPosition() + " up to "
				+ manifest.lastPosition() + ", " + manifest.tables().size() + " tables, in " + root.folder());
		for (BackupManifest.TableFile table : manifest.tables()) {
			out.println("  " + table.table() + ": " + table.rows() + " rows");
		}
		for (String deleted : new Retention(Duration.ofDays(this.keepDays)).apply(root, this.clock.instant())) {
			out.println("deleted backup " + deleted + " (older than " + this.keepDays + " days)");
		}
		return 0;
	}

}
