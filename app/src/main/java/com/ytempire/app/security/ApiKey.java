package com.ytempire.app.security;

/**
 * @param name who holds the key; stored with every event the key's requests cause
 * @param role what the key may do
 * @param secret the key itself
 */
public record ApiKey(String name, Role role, String secret) {

	@Override
	public String toString() {
		return "ApiKey[name=" + this.name + ", role=" + this.role + "]";
	}

}
