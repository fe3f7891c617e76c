package com.ytempire.app.database;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.client.SSLMode;

/**
 * One PostgreSQL as {@code DATABASE_URL} names it, parsed once and handed to both drivers
 * alike: the JDBC pool of the write side and the R2DBC pool of the read side get the same
 * host, database, credentials and parameters. Accepts
 * {@code postgres://user:password@host:port/db?parameters}, the same with
 * {@code postgresql://}, and {@code jdbc:postgresql://host:port/db?parameters}.
 * <p>
 * A parameter is kept only where both drivers can honour it; any other is refused with
 * its name, so that none is silently lost on one side. The libpq names are the canonical
 * ones; pgjdbc's spellings are accepted too. {@code options} carries PostgreSQL settings
 * ({@code -c name=value}, separated by spaces) that every connection starts with.
 * <p>
 * Neither {@link #toString()} nor any error names the password.
 *
 * @param host the server's name or address (an IPv6 address in brackets)
 * @param port the server's port
 * @param database the database's name
 * @param username the user, or {@code null}
 * @param password the password, or {@code null}
 * @param parameters connection parameters by their libpq name, except {@code options}
 * @param settings the PostgreSQL settings from {@code options}, in order
 */
public record DatabaseUrl(String host, int port, String database, String username, String password,
		Map<String, String> parameters, Map<String, String> settings) {

	static final int DEFAULT_PORT = 5432;

	static final String DEFAULT_DATABASE = "postgres";

	/** Canonical name, then the pgjdbc name it is written under in a JDBC URL. */
	private static final Map<String, String> JDBC_NAMES = orderedMap("sslmode", "sslmode", "sslrootcert", "sslrootcert",
			"sslcert", "sslcert", "sslkey", "sslkey", "sslpassword", "sslpassword", "application_name",
			"ApplicationName", "connect_timeout", "connectTimeout", "currentSchema", "currentSchema");

	/** Other spellings accepted in a URL, and the canonical name they stand for. */
	private static final Map<String, String> ALIASES = Map.of("ApplicationName", "application_name", "connectTimeout",
			"connect_timeout");

	private static final List<String> SSL_MODES = List.of("disable", "allow", "prefer", "require", "verify-ca",
			"verify-full");

	public DatabaseUrl {
		parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
		settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
	}

	/**
	 * Parses a URL of one of the accepted forms.
	 * @throws IllegalArgumentException naming what is wrong, never the password
	 */
	public static DatabaseUrl parse(String url) {
		if (url == null || url.isBlank()) {
			throw invalid("it is empty");
		}
		String text = url.strip();
		String rest;
		if (text.startsWith("jdbc:postgresql://")) {
			rest = text.substring("jdbc:postgresql://".length());
		}
		else if (text.startsWith("postgresql://")) {
			rest = text.substring("postgresql://".length());
		}
		else if (text.startsWith("postgres://")) {
			rest = text.substring("postgres://".length());
		}
		else {
			throw invalid("it must start with postgres://, postgresql:// or jdbc:postgresql://");
		}
		String username = null;
		String password = null;
		int at = rest.substring(0, endOfAuthority(rest)).lastIndexOf('@');
		if (at >= 0) {
			String userInfo = rest.substring(0, at);
			rest = rest.substring(at + 1);
			int colon = userInfo.indexOf(':');
			username = decode((colon < 0) ? userInfo : userInfo.substring(0, colon), "the user name");
			password = (colon < 0) ? null : decode(userInfo.substring(colon + 1), "the password");
		}
		URI uri;
		try {
			// Only the part after the credentials: a password never reaches URI's
			// messages.
			uri = new URI("postgresql://" + rest);
		}
		catch (URISyntaxException ex) {
			throw invalid("the host, port, database or parameters are malformed (" + ex.getReason() + ")");
		}
		if (uri.getRawAuthority() == null || uri.getRawAuthority().contains(",")) {
			throw invalid("it must name exactly one host (host:port), which both drivers connect to");
		}
		if (uri.getHost() == null) {
			throw invalid("the host or port is malformed");
		}
		if (uri.getRawFragment() != null) {
			throw invalid("it must not have a #fragment");
		}
		String path = (uri.getRawPath() != null) ? uri.getRawPath() : "";
		String database = decode(path.startsWith("/") ? path.substring(1) : path, "the database name");
		if (database.contains("/")) {
			throw invalid("the database name must not contain '/'");
		}
		Map<String, String> parameters = new LinkedHashMap<>();
		Map<String, String> settings = new LinkedHashMap<>();
		if (uri.getRawQuery() != null && !uri.getRawQuery().isEmpty()) {
			for (String pair : uri.getRawQuery().split("&")) {
				if (pair.isEmpty()) {
					continue;
				}
				int equals = pair.indexOf('=');
				String name = decode((equals < 0) ? pair : pair.substring(0, equals), "a parameter name");
				String value = (equals < 0) ? "" : decode(pair.substring(equals + 1), "parameter " + name);
				switch (name) {
					case "user" -> username = value;
					case "password" -> password = value;
					case "options" -> settings.putAll(parseOptions(value));
					default -> {
						String canonical = ALIASES.getOrDefault(name, name);
						if (!JDBC_NAMES.containsKey(canonical)) {
							throw invalid("parameter '" + name + "' is not supported; both drivers understand "
									+ String.join(", ", JDBC_NAMES.keySet()) + ", options, user and password");
						}
						parameters.put(canonical, checked(canonical, value));
					}
				}
			}
		}
		return new DatabaseUrl(uri.getHost(), (uri.getPort() != -1) ? uri.getPort() : DEFAULT_PORT,
				database.isEmpty() ? DEFAULT_DATABASE : database, blankToNull(username), blankToNull(password),
				parameters, settings);
	}

	/** This URL with the user and password replaced by the given ones where not blank. */
	public DatabaseUrl withCredentials(String username, String password) {
		return new DatabaseUrl(this.host, this.port, this.database,
				(username != null && !username.isBlank()) ? username : this.username,
				(password != null && !password.isBlank()) ? password : this.password, this.parameters, this.settings);
	}

	/**
	 * This URL with defaults for what it does not set itself: a parameter the URL names
	 * keeps the URL's value.
	 * @param applicationName the name connections show in {@code pg_stat_activity}
	 * @param connectTimeout how long opening a connection may take
	 * @param defaultSettings PostgreSQL settings, such as {@code statement_timeout}
	 */
	public DatabaseUrl withDefaults(String applicationName, Duration connectTimeout,
			Map<String, String> defaultSettings) {
		Map<String, String> parameters = new LinkedHashMap<>(this.parameters);
		parameters.putIfAbsent("application_name", applicationName);
		if (connectTimeout != null) {
			parameters.putIfAbsent("connect_timeout", Long.toString(Math.max(1, connectTimeout.toSeconds())));
		}
		Map<String, String> settings = new LinkedHashMap<>(defaultSettings);
		settings.putAll(this.settings);
		return new DatabaseUrl(this.host, this.port, this.database, this.username, this.password, parameters, settings);
	}

	/** The JDBC URL, without the credentials, which go to the driver separately. */
	public String jdbcUrl() {
		StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
		this.parameters.forEach((name, value) -> query.add(JDBC_NAMES.get(name) + "=" + encode(value)));
		if (!this.settings.isEmpty()) {
			query.add("options=" + encode(options()));
		}
		return "jdbc:postgresql://" + this.host + ":" + this.port + "/" + encode(this.database) + query;
	}

	/** The R2DBC connection settings for the same server, credentials and parameters. */
	public PostgresqlConnectionConfiguration.Builder r2dbc() {
		PostgresqlConnectionConfiguration.Builder builder = PostgresqlConnectionConfiguration.builder()
			.host(this.host.startsWith("[") ? this.host.substring(1, this.host.length() - 1) : this.host)
			.port(this.port)
			.database(this.database);
		if (this.username != null) {
			builder.username(this.username);
		}
		if (this.password != null) {
			builder.password(this.password);
		}
		// libpq's and pgjdbc's default; r2dbc-postgresql's own would be to never use TLS.
		builder.sslMode(SSLMode.fromValue(this.parameters.getOrDefault("sslmode", "prefer")));
		this.parameters.forEach((name, value) -> {
			switch (name) {
				case "sslrootcert" -> builder.sslRootCert(value);
				case "sslcert" -> builder.sslCert(value);
				case "sslkey" -> builder.sslKey(value);
				case "sslpassword" -> builder.sslPassword(value);
				case "application_name" -> builder.applicationName(value);
				case "connect_timeout" -> {
					// 0 means no limit, as in libpq and pgjdbc.
					long seconds = Long.parseLong(value);
					if (seconds > 0) {
						builder.connectTimeout(Duration.ofSeconds(seconds));
					}
				}
				case "currentSchema" -> builder.schema(value);
				default -> {
					// sslmode is set above
				}
			}
		});
		if (!this.settings.isEmpty()) {
			builder.options(this.settings);
		}
		return builder;
	}

	/** Where the database is, for logs: no credentials, no parameters. */
	public String description() {
		return this.host + ":" + this.port + "/" + this.database;
	}

	@Override
	public String toString() {
		return "DatabaseUrl[" + ((this.username != null) ? this.username + "@" : "") + description()
				+ ((this.password != null) ? ", password set" : "") + ", parameters=" + safeParameters() + ", settings="
				+ this.settings + "]";
	}

	private Map<String, String> safeParameters() {
		Map<String, String> safe = new LinkedHashMap<>(this.parameters);
		safe.computeIfPresent("sslpassword", (name, value) -> "(set)");
		return safe;
	}

	private String options() {
		StringJoiner options = new StringJoiner(" ");
		this.settings.forEach((name, value) -> options.add("-c " + name + "=" + value.replace(" ", "\\ ")));
		return options.toString();
	}

	/** PostgreSQL's {@code options}: {@code -c name=value} or {@code --name=value}. */
	private static Map<String, String> parseOptions(String options) {
		Map<String, String> settings = new LinkedHashMap<>();
		List<String> words = words(options);
		for (int i = 0; i < words.size(); i++) {
			String word = words.get(i);
			String setting;
			if (word.equals("-c") && i + 1 < words.size()) {
				setting = words.get(++i);
			}
			else if (word.startsWith("-c") && word.length() > 2) {
				setting = word.substring(2);
			}
			else if (word.startsWith("--") && word.length() > 2) {
				setting = word.substring(2);
			}
			else {
				throw invalid(
						"parameter 'options' must hold PostgreSQL settings as -c name=value (got '" + word + "')");
			}
			int equals = setting.indexOf('=');
			if (equals <= 0) {
				throw invalid(
						"parameter 'options' must hold PostgreSQL settings as -c name=value (got '" + setting + "')");
			}
			settings.put(setting.substring(0, equals).replace('-', '_'), setting.substring(equals + 1));
		}
		return settings;
	}

	/** Words separated by spaces; a backslash keeps the next character, as in libpq. */
	private static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\\' && i + 1 < text.length()) {
				word.append(text.charAt(++i));
			}
			else if (Character.isWhitespace(c)) {
				if (!word.isEmpty()) {
					words.add(word.toString());
					word.setLength(0);
				}
			}
			else {
				word.append(c);
			}
		}
		if (!word.isEmpty()) {
			words.add(word.toString());
		}
		return words;
	}

	private static String checked(String name, String value) {
		switch (name) {
			case "sslmode" -> {
				if (!SSL_MODES.contains(value)) {
					throw invalid("parameter 'sslmode' must be one of " + String.join(", ", SSL_MODES));
				}
			}
			case "connect_timeout" -> {
				if (!value.matches("[0-9]{1,6}")) {
					throw invalid("parameter '" + name + "' must be a whole number of seconds");
				}
			}
			default -> {
			}
		}
		return value;
	}

	/**
	 * Where the credentials and host end: at the first '/', '?' or '#'. A password
	 * holding one of them (or '@') must escape it, as libpq requires.
	 */
	private static int endOfAuthority(String rest) {
		int end = rest.length();
		for (char c : new char[] { '/', '?', '#' }) {
			int index = rest.indexOf(c);
			if (index >= 0 && index < end) {
				end = index;
			}
		}
		return end;
	}

	private static String decode(String value, String what) {
		try {
			return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw invalid(what + " has a malformed %-escape");
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static String blankToNull(String value) {
		return (value != null && !value.isEmpty()) ? value : null;
	}

	private static IllegalArgumentException invalid(String reason) {
		return new IllegalArgumentException("DATABASE_URL is not a usable PostgreSQL URL: " + reason);
	}

	private static Map<String, String> orderedMap(String... entries) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < entries.length; i += 2) {
			map.put(entries[i], entries[i + 1]);
		}
		return Collections.unmodifiableMap(map);
	}

}
