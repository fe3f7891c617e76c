package com.ytempire.ops.backup;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import com.ytempire.ops.OperatorDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "restore", description = {
		"Restore a backup and the chain it continues into an empty database" + " (stop the application first).",
		"Read models and tracking tokens stay empty: the projections replay every event when the application next"
				+ " starts." })
public final class RestoreCommand implements Callable<Integer> {

	private final Supplier<OperatorDatabase> database;

	@Parameters(paramLabel = "DIR", description = "a backup, or the folder of backups (its newest is restored)")
	Path directory;

	@Option(names = "--force", description = "replace whatever the database holds")
	boolean force;

	@Spec
	CommandSpec spec;

	public RestoreCommand(Supplier<OperatorDatabase> database) {
		this.database = database;
	}

	@Override
	public Integer call() throws Exception {
		PrintWriter out = this.spec.commandLine().getOut();
		PrintWriter err = this.spec.commandLine().getErr();
		BackupChain chain = BackupChain.endingAt(BackupRoot.backupNamedBy(this.directory));
		Restorer.Restored restored;
		try (OperatorDatabase target = this.database.get()) {
			err.println("database: " + target.description());
			restored = new Restorer(target, err).restore(chain, this.force);
		}
		out.println("restored " + VerifyBackupCommand.describe(chain));
		for (Map.Entry<String, Long> table : restored.rows().entrySet()) {
			out.println("  " + table.getKey() + ": " + table.getValue() + " rows");
		}
		out.println("read models and the projections' tracking tokens are empty: the projections replay all "
				+ restored.events() + " events when the application next starts; the production saga resumes"
				+ " where it was at backup time");
		return 0;
	}

}
