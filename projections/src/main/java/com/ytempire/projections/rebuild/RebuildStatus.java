package com.ytempire.projections.rebuild;

import java.time.Instant;
import java.util.List;

/**
 * Where a rebuild stands.
 *
 * @param state IDLE, REPLAYING, SWAPPING, DONE or FAILED
 * @param eventsDone events replayed into the shadow tables so far
 * @param eventsTotal how many events the store held when the rebuild started
 * @param eventsPerSecond the replay rate so far
 * @param etaSeconds the time left at that rate, null when unknown
 * @param differences how the rebuilt tables differed from the live ones before the swap
 */
public record RebuildStatus(String state, List<String> projections, long eventsDone, long eventsTotal,
		double eventsPerSecond, Long etaSeconds, Instant startedAt, Instant finishedAt,
		List<TableDifference> differences, String error) {

	static RebuildStatus idle() {
		return new RebuildStatus("IDLE", List.of(), 0, 0, 0, null, null, null, List.of(), null);
	}

	public boolean running() {
		return this.state.equals("REPLAYING") || this.state.equals("SWAPPING");
	}

	/**
	 * One table compared by content: row counts, a checksum over every row, and how many
	 * rows only one side has.
	 */
	public record TableDifference(String table, long liveRows, long rebuiltRows, String liveChecksum,
			String rebuiltChecksum, long onlyLive, long onlyRebuilt) {

		public boolean same() {
			return this.onlyLive == 0 && this.onlyRebuilt == 0;
		}

	}

}
