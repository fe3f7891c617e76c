package com.ytempire.app.backup;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.function.Supplier;

import com.ytempire.app.render.CommandLineGpu;
import com.ytempire.ops.OperatorCli;
import com.ytempire.ops.OperatorDatabase;
import com.ytempire.ops.ServiceStarter;
import com.ytempire.ops.doctor.GpuState;

/**
 * One run of the {@code ytempire} command line against a database, with what it printed.
 */
public record OperatorRun(int status, String out, String err) {

	public static OperatorRun of(Supplier<OperatorDatabase> database, String... args) {
		return of(database, CommandLineGpu::probe, args);
	}

	/** With the GPU judged by the given probe, for example under another setting. */
	public static OperatorRun of(Supplier<OperatorDatabase> database, Supplier<GpuState> gpu, String... args) {
		return of((serveArgs) -> {
			throw new AssertionError("no command here serves");
		}, database, gpu, args);
	}

	/** For commands that start a service of their own, such as the recovery drill. */
	public static OperatorRun of(ServiceStarter service, Supplier<OperatorDatabase> database, String... args) {
		return of(service, database, CommandLineGpu::probe, args);
	}

	private static OperatorRun of(ServiceStarter service, Supplier<OperatorDatabase> database, Supplier<GpuState> gpu,
			String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int status = new OperatorCli(service, database, gpu, Clock.systemUTC(), new PrintWriter(out, true),
				new PrintWriter(err, true))
			.execute(args);
		return new OperatorRun(status, out.toString(), err.toString());
	}

	@Override
	public String toString() {
		return "exit " + this.status + "\n--- out\n" + this.out + "--- err\n" + this.err;
	}

}
