package com.ytempire.projections.batch;

/**
 * Which copy of a projection's tables a fold writes to: the live tables the query API
 * reads, or the shadow tables a rebuild fills before they are swapped in.
 */
public enum TableSet {

	LIVE(""), SHADOW("_shadow");

	private final String suffix;

	TableSet(String suffix) {
		this.suffix = suffix;
	}

	/**
	 * The name of the table in this set; names are constants of the code, never input.
	 */
	public String of(String table) {
		return table + this.suffix;
	}

}
