package com.ytempire.command.web;

import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The requests already handled under an {@code Idempotency-Key}, per caller.
 */
@Component
class IdempotencyKeys {

	private final JdbcTemplate jdbc;

	IdempotencyKeys(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Optional<HandledRequest> find(String caller, String key) {
		return this.jdbc.query(
				"SELECT fingerprint, resource_id, position FROM command_idempotency WHERE caller = ? AND idempotency_key = ?",
				(rs, row) -> new HandledRequest(rs.getString(1), rs.getString(2), (Long) rs.getObject(3)), caller, key)
			.stream()
			.findFirst();
	}

	/**
	 * Claims the key inside the command's transaction. An insert that meets a concurrent
	 * claim waits for that transaction, then finds the key taken.
	 */
	void claim(String caller, String key, String fingerprint, String resourceId) {
		int claimed = this.jdbc.update("""
				INSERT INTO command_idempotency (caller, idempotency_key, fingerprint, resource_id)
				VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING
				""", caller, key, fingerprint, resourceId);
		if (claimed == 0) {
			throw new RepeatedRequestException(key);
		}
	}

	void recordOutcome(String caller, String key, Long position) {
		this.jdbc.update("UPDATE command_idempotency SET position = ? WHERE caller = ? AND idempotency_key = ?",
				position, caller, key);
	}

	record HandledRequest(String fingerprint, String resourceId, Long position) {
	}

}
