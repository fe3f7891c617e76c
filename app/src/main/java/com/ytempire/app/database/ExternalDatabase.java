package com.ytempire.app.database;

/**
 * A PostgreSQL run by someone else, named by {@code DATABASE_URL}.
 */
record ExternalDatabase(DatabaseUrl url) implements DatabaseEndpoint {

	static ExternalDatabase from(DatabaseProperties properties) {
		return new ExternalDatabase(
				DatabaseUrl.parse(properties.url()).withCredentials(properties.username(), properties.password()));
	}

	@Override
	public String jdbcUrl() {
		return this.url.jdbcUrl();
	}

	@Override
	public String username() {
		return this.url.username();
	}

	@Override
	public String password() {
		return this.url.password();
	}

	@Override
	public String description() {
		return "external PostgreSQL at " + this.url.description();
	}

	@Override
	public String toString() {
		return "ExternalDatabase[" + this.url + "]";
	}

}
