package com.ytempire.app.database;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A PostgreSQL run by someone else, named by {@code DATABASE_URL}.
 */
record ExternalDatabase(String jdbcUrl, String username, String password) implements DatabaseEndpoint {

	static ExternalDatabase from(DatabaseProperties properties) {
		String url = properties.url().strip();
		String jdbcUrl;
		String user = null;
		String password = null;
		if (url.startsWith("jdbc:")) {
			jdbcUrl = url;
		}
		else if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
			URI uri = URI.create(url);
			int port = (uri.getPort() != -1) ? uri.getPort() : 5432;
			String query = (uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "";
			jdbcUrl = "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query;
			if (uri.getRawUserInfo() != null) {
				String[] parts = uri.getRawUserInfo().split(":", 2);
				user = decode(parts[0]);
				password = (parts.length > 1) ? decode(parts[1]) : null;
			}
		}
		else {
			throw new IllegalArgumentException(
					"DATABASE_URL must start with postgres://, postgresql:// or jdbc:postgresql:// (got a URL of another kind)");
		}
		return new ExternalDatabase(jdbcUrl, firstNonBlank(properties.username(), user),
				firstNonBlank(properties.password(), password));
	}

	@Override
	public String description() {
		int query = this.jdbcUrl.indexOf('?');
		return "external PostgreSQL at " + ((query < 0) ? this.jdbcUrl : this.jdbcUrl.substring(0, query));
	}

	private static String decode(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

	private static String firstNonBlank(String preferred, String fallback) {
		return (preferred != null && !preferred.isBlank()) ? preferred : fallback;
	}

}
