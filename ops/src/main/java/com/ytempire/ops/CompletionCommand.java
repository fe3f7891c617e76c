package com.ytempire.ops;

import java.io.PrintWriter;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "completion",
		description = { "Print the shell completion script of ytempire's commands and options, for bash and zsh.",
				"In the current shell: source <(ytempire completion)" })
final class CompletionCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		PrintWriter out = this.spec.commandLine().getOut();
		// Not println: a script with Windows line ends fails in bash.
		out.print(AutoComplete.bash(this.spec.root().name(), this.spec.root().commandLine()) + "\n");
		out.flush();
	}

}
