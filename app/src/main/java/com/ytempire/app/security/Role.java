package com.ytempire.app.security;

/**
 * What an API key may do. Each role includes the ones below it.
 */
public enum Role {

	/** Reads read models, feeds and exports. */
	VIEWER,

	/** Also sends commands. */
	OPERATOR,

	/** Also runs maintenance: rebuilds, backups, restores. */
	ADMIN;

	String authority() {
		return "ROLE_" + name();
	}

}
