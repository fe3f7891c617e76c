package com.ytempire.ops.backup;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import com.ytempire.ops.OperatorException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "verify-backup", description = "Check a backup and the chain it continues without restoring it:"
		+ " manifests, checksums, row counts and unbroken event positions.")
public final class VerifyBackupCommand implements Callable<Integer> {

	@Parameters(paramLabel = "DIR", description = "a backup, or the folder of backups (its newest is checked)")
	Path directory;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		BackupChain chain = BackupChain.endingAt(BackupRoot.backupNamedBy(this.directory));
		List<String> problems = chain.problems();
		if (!problems.isEmpty()) {
			throw new OperatorException("the backup chain is damaged:\n  " + String.join("\n  ", problems));
		}
		out.println("backup chain sound: " + describe(chain));
		return 0;
	}

	static String describe(BackupChain chain) {
		return chain.links().get(0).name() + " and " + (chain.links().size() - 1) + " incrementals, " + chain.events()
				+ " events up to position " + chain.last().lastPosition();
	}

}
