package com.ytempire.render.work;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import com.ytempire.render.content.ProviderException;
import com.ytempire.render.content.PublishProgress;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Publishing progress in PostgreSQL, by video: every attempt at the publish step reads
 * what the ones before it kept. Each write commits on its own at once, since a kept fact
 * must outlive the attempt that learnt it.
 */
public class ProductionUploads {

	private final JdbcTemplate jdbc;

	public ProductionUploads(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** What earlier attempts at publishing the video got to, as it stands now. */
	public PublishProgress of(String videoId) {
		List<Kept> rows = this.jdbc.query("SELECT session_uri, external_id FROM production_upload WHERE video_id = ?",
				(row, number) -> new Kept(Optional.ofNullable(row.getString(1)).map(URI::create),
						Optional.ofNullable(row.getString(2))),
				videoId);
		return new Progress(videoId, rows.isEmpty() ? null : rows.get(0));
	}

	private record Kept(Optional<URI> session, Optional<String> externalId) {
	}

	private final class Progress implements PublishProgress {

		private final String videoId;

		/** Null while nothing is kept for the video. */
		private Kept read;

		Progress(String videoId, Kept read) {
			this.videoId = videoId;
			this.read = read;
		}

		@Override
		public Optional<URI> session() {
			return (this.read != null) ? this.read.session() : Optional.empty();
		}

		@Override
		public Optional<String> externalId() {
			return (this.read != null) ? this.read.externalId() : Optional.empty();
		}

		/**
		 * Replaces only the session this attempt read: an attempt that outlived its time
		 * limit may still open one while the next attempt has opened another.
		 */
		@Override
		public void sessionOpened(URI session) {
			int stored = (this.read == null)
					? ProductionUploads.this.jdbc
						.update("INSERT INTO production_upload (video_id, session_uri, updated_at)"
								+ " VALUES (?, ?, now()) ON CONFLICT DO NOTHING", this.videoId, session.toString())
					: ProductionUploads.this.jdbc.update(
							"UPDATE production_upload SET session_uri = ?, updated_at = now() WHERE video_id = ?"
									+ " AND session_uri IS NOT DISTINCT FROM ? AND external_id IS NULL",
							session.toString(), this.videoId, session().map(URI::toString).orElse(null));
			if (stored == 0) {
				throw ProviderException.retryable(
						"another attempt opened an upload session for video " + this.videoId + " meanwhile", null);
			}
			this.read = new Kept(Optional.of(session), Optional.empty());
		}

		@Override
		public void published(String externalId) {
			ProductionUploads.this.jdbc.update("INSERT INTO production_upload (video_id, external_id, updated_at)"
					+ " VALUES (?, ?, now()) ON CONFLICT (video_id) DO UPDATE SET session_uri = NULL,"
					+ " external_id = EXCLUDED.external_id, updated_at = now()", this.videoId, externalId);
			this.read = new Kept(Optional.empty(), Optional.of(externalId));
		}

	}

}
