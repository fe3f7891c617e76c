package com.ytempire.command.video;

import java.time.LocalDate;
import java.util.Optional;

import com.ytempire.api.channel.ChannelStatus;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What scheduling a video must know about its channel: whether it is active, its cost
 * cap, and how many of the day's quota slots are taken. The write side keeps this small
 * table itself ({@link ChannelPolicyUpdater}) instead of reading a read model, and every
 * change to it commits in the transaction of the event that caused it.
 */
@Component
public class ChannelPolicies {

	private final JdbcTemplate jdbc;

	ChannelPolicies(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Optional<ChannelPolicy> find(String channelId) {
		return this.jdbc.query(
				"SELECT status, daily_video_quota, cost_cap_per_video_micros FROM channel_policy WHERE channel_id = ?",
				(rs, row) -> new ChannelPolicy(ChannelStatus.valueOf(rs.getString(1)), rs.getInt(2), rs.getLong(3)),
				channelId)
			.stream()
			.findFirst();
	}

	/**
	 * Takes one of the day's slots if the quota allows. The conditional upsert locks the
	 * day's row, so concurrent schedulers cannot overshoot the quota.
	 */
	boolean reserveSlot(String channelId, LocalDate day, int quota) {
		return this.jdbc.update("""
				INSERT INTO video_day_slot AS slot (channel_id, day, used) VALUES (?, ?, 1)
				ON CONFLICT (channel_id, day) DO UPDATE SET used = slot.used + 1 WHERE slot.used < ?
				""", channelId, day, quota) == 1;
	}

	void releaseSlot(String channelId, LocalDate day) {
		this.jdbc.update("UPDATE video_day_slot SET used = used - 1 WHERE channel_id = ? AND day = ? AND used > 0",
				channelId, day);
	}

	void upsert(String channelId, ChannelStatus status, int dailyVideoQuota, long costCapPerVideoMicros) {
		this.jdbc.update("""
				INSERT INTO channel_policy (channel_id, status, daily_video_quota, cost_cap_per_video_micros)
				VALUES (?, ?, ?, ?)
				ON CONFLICT (channel_id) DO UPDATE SET status = EXCLUDED.status,
				  daily_video_quota = EXCLUDED.daily_video_quota,
				  cost_cap_per_video_micros = EXCLUDED.cost_cap_per_video_micros
				""", channelId, status.name(), dailyVideoQuota, costCapPerVideoMicros);
	}

	void updateStatus(String channelId, ChannelStatus status) {
		this.jdbc.update("UPDATE channel_policy SET status = ? WHERE channel_id = ?", status.name(), channelId);
	}

	record ChannelPolicy(ChannelStatus status, int dailyVideoQuota, long costCapPerVideoMicros) {
	}

}
