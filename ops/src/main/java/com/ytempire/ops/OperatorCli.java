package com.ytempire.ops;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.ytempire.ops.audit.AuditCommand;
import com.ytempire.ops.backup.BackupCommand;
import com.ytempire.ops.backup.DrillCommand;
import com.ytempire.ops.backup.RestoreCommand;
import com.ytempire.ops.backup.VerifyBackupCommand;
import com.ytempire.ops.doctor.DoctorCommand;
import com.ytempire.ops.doctor.GpuState;
import com.ytempire.ops.rebuild.RebuildCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code ytempire} command: {@code serve} (the default) runs the service, the other
 * commands operate on its database and backups and exit with a status. A word or option
 * it does not know is a usage error (status 2), never a start of the service.
 */
public final class OperatorCli {

	private final CommandLine commandLine;

	private final ServeCommand serve;

	/**
	 * @param server starts the service with Spring Boot's arguments
	 * @param database opens the application's database, only when a command needs it
	 * @param gpu probes the GPU as the renderer would, only for {@code doctor}
	 */
	public OperatorCli(ServiceStarter server, Supplier<OperatorDatabase> database, Supplier<GpuState> gpu) {
		this(server, database, gpu, Clock.systemUTC(), new PrintWriter(System.out, true),
				new PrintWriter(System.err, true));
	}

	public OperatorCli(ServiceStarter server, Supplier<OperatorDatabase> database, Supplier<GpuState> gpu, Clock clock,
			PrintWriter out, PrintWriter err) {
		this.serve = new ServeCommand(server);
		this.commandLine = new CommandLine(new YtEmpireCommand()).addSubcommand(this.serve)
			.addSubcommand(new BackupCommand(database, clock))
			.addSubcommand(new VerifyBackupCommand())
			.addSubcommand(new RestoreCommand(database))
			.addSubcommand(new DrillCommand(database, server, clock))
			.addSubcommand(new RebuildCommand())
			.addSubcommand(new AuditCommand())
			.addSubcommand(new DoctorCommand(database, gpu, clock))
			.addSubcommand(new CommandLine.HelpCommand())
			.addSubcommand(new CompletionCommand())
			.setOut(out)
			.setErr(err)
			.setParameterExceptionHandler(OperatorCli::usageError)
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
	 * Runs a command and answers its exit status; no arguments, or Spring Boot's own
	 * first, serve.
	 */
	public int execute(String[] args) {
		return this.commandLine.execute(serves(args) ? withServe(args) : args);
	}

	// How the service was started before it had commands, as deployments still start it.
	private static boolean serves(String[] args) {
		return args.length == 0 || SpringArguments.isSpringArgument(args[0]);
	}

	private static String[] withServe(String[] args) {
		return Stream.concat(Stream.of("serve"), Arrays.stream(args)).toArray(String[]::new);
	}

	// Picocli leaves the usage out when it suggests a command; the usage is printed
	// either way.
	private static int usageError(ParameterException error, String[] args) {
		CommandLine command = error.getCommandLine();
		PrintWriter err = command.getErr();
		err.println(error.getMessage());
		UnmatchedArgumentException.printSuggestions(error, err);
		command.usage(err);
		err.flush();
		return command.getCommandSpec().exitCodeOnInvalidInput();
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

	// INHERIT gives every subcommand -h, --help, -V and --version; each command's own
	// description wins over this one.
	@Command(name = "ytempire", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
			scope = ScopeType.INHERIT,
			description = { "YTEmpire: the service and its operator commands.",
					"With no command it serves; so it does when the first argument is Spring Boot's, such as"
							+ " --server.port=9000 or --debug." })
	static final class YtEmpireCommand {

	}

}
