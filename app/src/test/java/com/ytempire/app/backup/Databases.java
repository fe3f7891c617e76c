package com.ytempire.app.backup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

import com.ytempire.app.database.CommandLineDatabase;
import com.ytempire.app.database.DatabaseEndpoint;
import com.ytempire.ops.OperatorDatabase;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The test application's database, and new empty databases beside it on the same
 * PostgreSQL to restore into.
 */
public final class Databases {

	/** The tables a backup keeps, as the migrations create them. */
	static final List<String> KEPT = List.of("domainevententry", "snapshotevententry", "sagaentry",
			"associationvalueentry", "channel_name_claim", "channel_policy", "video_day_slot", "command_idempotency");

	private final DatabaseEndpoint source;

	private final List<String> migrations;

	private final JdbcTemplate admin;

	private final List<String> created = new ArrayList<>();

	private final List<SingleConnectionDataSource> connections = new ArrayList<>();

	public Databases(DatabaseEndpoint source, Environment environment, JdbcTemplate admin) {
		this.source = source;
		this.migrations = List.of(environment.getRequiredProperty("spring.flyway.locations", String[].class));
		this.admin = admin;
	}

	/** The test application's own database, as the operator commands open it. */
	public Supplier<OperatorDatabase> source() {
		return () -> CommandLineDatabase.at(this.source.jdbcUrl(), this.source.username(), this.source.password(),
				this.migrations);
	}

	/** A new, empty database: no tables at all. */
	String create() {
		String name = "restored_" + UUID.randomUUID().toString().replace("-", "");
		this.admin.execute("CREATE DATABASE " + name);
		this.created.add(name);
		return name;
	}

	String url(String database) {
		return this.source.jdbcUrl().replaceFirst("/postgres$", "/" + database);
	}

	String username() {
		return this.source.username();
	}

	Supplier<OperatorDatabase> at(String database) {
		return () -> CommandLineDatabase.at(url(database), this.source.username(), this.source.password(),
				this.migrations);
	}

	JdbcTemplate jdbc(String database) {
		SingleConnectionDataSource connection = new SingleConnectionDataSource(url(database), this.source.username(),
				this.source.password(), true);
		this.connections.add(connection);
		return new JdbcTemplate(connection);
	}

	/** Drops every database {@link #create()} made. */
	void dropCreated() {
		this.connections.forEach(SingleConnectionDataSource::destroy);
		this.created.forEach((name) -> this.admin.execute("DROP DATABASE " + name + " WITH (FORCE)"));
	}

	/** A checksum of each table's rows, whatever their order on disk. */
	static Map<String, String> checksums(JdbcTemplate jdbc, List<String> tables) {
		Map<String, String> sums = new TreeMap<>();
		for (String table : tables) {
			sums.put(table, jdbc.queryForObject("SELECT count(*) || ':' || coalesce(md5(string_agg(h, '' ORDER BY h)),"
					+ " '') FROM (SELECT md5(t::text) AS h FROM " + table + " t) rows", String.class));
		}
		return sums;
	}

	static List<String> readModelTables(JdbcTemplate jdbc) {
		return new ArrayList<>(jdbc.queryForList("SELECT table_name FROM information_schema.tables"
				+ " WHERE table_schema = current_schema() AND table_name LIKE 'rm\\_%' AND table_name NOT LIKE"
				+ " '%\\_shadow' ORDER BY table_name", String.class));
	}

}
