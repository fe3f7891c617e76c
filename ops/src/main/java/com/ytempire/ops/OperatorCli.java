package com.ytempire.ops;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.ytempire.ops.audit.AuditCommand;
import com.ytempire.ops.backup.BackupCommand;
import com.ytempire.ops.backup.DrillCommand;
import com.ytempire.ops.backup.RestoreCommand;
import com.ytempire.ops.backup.VerifyBackupCommand;
import com.ytempire.ops.doctor.DoctorCommand;
import com.ytempire.ops.rebuild.RebuildCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code ytempire} command: {@code serve} (the default) runs the service, the other
 * commands operate on its database and backups and exit with a status.
 */
public final class OperatorCli {

	private static final Set<String> HELP = Set.of("-h", "--help");

	private final CommandLine commandLine;

	private final ServeCommand serve;

	/**
	 * @param server starts the service with Spring Boot's arguments
	 * @param database opens the application's database, only when a command needs it
	 */
	public OperatorCli(ServiceStarter server, Supplier<OperatorDatabase> database) {
		this(server, database, Clock.systemUTC(), new PrintWriter(System.out, true), new PrintWriter(System.err, true));
	}

	public OperatorCli(ServiceStarter server, Supplier<OperatorDatabase> database, Clock clock, PrintWriter out,
			PrintWriter err) {
		this.serve = new ServeCommand(server);
		this.commandLine = new CommandLine(new YtEmpireCommand()).addSubcommand(this.serve)
			.addSubcommand(new BackupCommand(database, clock))
			.addSubcommand(new VerifyBackupCommand())
			.addSubcommand(new RestoreCommand(database))
			.addSubcommand(new DrillCommand(database, server, clock))
			.addSubcommand(new RebuildCommand())
			.addSubcommand(new AuditCommand())
			.addSubcommand(new DoctorCommand(database, clock))
			.setOut(out)
			.setErr(err)
			.setExecutionExceptionHandler(OperatorCli::report);
		this.commandLine.getSubcommands().get("serve").setUnmatchedOptionsArePositionalParams(true);
	}

	/**
	 * Runs a command and exits with its status, except after {@code serve}, whose service
	 * keeps the process alive.
	 */
	public void run(String[] args) {
		int status = execute(args);
		if (status != 0 || !this.serve.started()) {
			System.exit(status);
		}
	}

	/**
	 * Runs a command and answers its exit status; no command or Spring arguments serve.
	 */
	public int execute(String[] args) {
		return this.commandLine.execute(names(args) ? args : withServe(args));
	}

	private boolean names(String[] args) {
		return args.length > 0 && (this.commandLine.getSubcommands().containsKey(args[0]) || HELP.contains(args[0]));
	}

	private static String[] withServe(String[] args) {
		return Stream.concat(Stream.of("serve"), Arrays.stream(args)).toArray(String[]::new);
	}

	private static int report(Exception failure, CommandLine command, CommandLine.ParseResult parsed) {
		PrintWriter err = command.getErr();
		if (failure instanceof OperatorException) {
			err.println("ytempire " + command.getCommandName() + ": " + failure.getMessage());
		}
		else if (failure instanceof SQLException || failure.getCause() instanceof SQLException) {
			err.println("ytempire " + command.getCommandName() + ": database error: " + failure.getMessage());
		}
		else {
			failure.printStackTrace(err);
		}
		err.flush();
		return 1;
	}

	@Command(name = "ytempire", description = "YTEmpire: the service and its operator commands.",
			footer = "With no command, or only Spring Boot arguments, it serves.")
	static final class YtEmpireCommand {

		@Option(names = { "-h", "--help" }, usageHelp = true, description = "show this help")
		boolean help;

	}

}
