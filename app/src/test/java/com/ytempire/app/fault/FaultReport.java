package com.ytempire.app.fault;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.ytempire.app.fault.Attempt.Outcome;
import com.ytempire.app.fault.FaultInjector.Fault;

/**
 * What a fault run did and found, and whether the promise held: no acknowledged command
 * lost or applied twice, nothing refused stored, every read model equal to a rebuild from
 * the events, no process that died on its own and no rebuild that failed, and every
 * video's production ended once, without a step repeated.
 */
record FaultReport(Duration load, int nodes, StoreAudit.Result commands, QueryCounts queries,
		Map<Fault, Integer> faults, List<String> incidents, ReadModelCheck.Result readModels,
		SagaAudit.Result production) {

	boolean promiseKept() {
		return this.commands.promiseKept() && this.readModels.converged() && this.incidents.isEmpty()
				&& this.production.kept();
	}

	int faultCount() {
		return this.faults.values().stream().mapToInt(Integer::intValue).sum();
	}

	String table() {
		StringBuilder out = new StringBuilder();
		StoreAudit.Result c = this.commands;
		out.append(String.format("Load %d s on %d application processes sharing one PostgreSQL%n%n",
				this.load.toSeconds(), this.nodes));
		out.append("| commands sent | requests sent | acknowledged | found | lost | duplicated | refused (4xx)"
				+ " | refused but stored | unknown outcome | unknown, stored |\n");
		out.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
		out.append(String.format("| %d | %d | %d | %d | %d | %d | %d | %d | %d | %d |%n%n", c.commands(), c.requests(),
				c.acknowledged(), c.found(), c.lost(), c.duplicated(), c.rejected(), c.rejectedStored(), c.unknown(),
				c.unknownStored()));
		out.append("| fault | injected |\n| --- | ---: |\n");
		for (Fault fault : Fault.values()) {
			out.append(String.format("| %s | %d |%n", fault.description(), this.faults.getOrDefault(fault, 0)));
		}
		out.append(String.format("| all | %d |%n%n", faultCount()));
		out.append(String.format("Queries: %d sent, %d answered 2xx, %d 4xx, %d 5xx, %d without an answer%n",
				this.queries.total(), this.queries.of(Outcome.ACKNOWLEDGED), this.queries.of(Outcome.REJECTED),
				this.queries.of(Outcome.SERVER_ERROR),
				this.queries.of(Outcome.NO_ANSWER) + this.queries.of(Outcome.REFUSED)));
		out.append(String.format("Read models: %s%n", describe(this.readModels)));
		SagaAudit.Result p = this.production;
		out.append(String.format(
				"Production: %d videos scheduled, ended %s, failed for %s; settled %d s after the load; stuck %d %s,"
						+ " sagas left %d, videos with two sagas %s, steps or stages repeated %s%n",
				p.videos(), p.endings(), p.failures(), p.settledIn().toSeconds(), p.stuck().size(),
				p.stuck().subList(0, Math.min(5, p.stuck().size())), p.sagasLeft(), p.duplicated(), p.repeated()));
		out.append(String.format("Processes that exited on their own, rebuilds that failed: %s%n",
				this.incidents.isEmpty() ? "none" : this.incidents));
		c.problems().forEach((problem) -> out.append("VIOLATION ").append(problem).append('\n'));
		out.append(promiseKept() ? "PROMISE KEPT\n" : "PROMISE BROKEN\n");
		return out.toString();
	}

	private static String describe(ReadModelCheck.Result readModels) {
		if (readModels.error() != null) {
			return "not checked: " + readModels.error();
		}
		if (readModels.differing().isEmpty()) {
			return readModels.tables() + " tables rebuilt from the events, every one equal to the live one";
		}
		return readModels.differing().size() + " of " + readModels.tables() + " tables differ from a rebuild: "
				+ readModels.differing();
	}

}
