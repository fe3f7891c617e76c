-- The rendered MP4 of each video, so dashboards can play it from the media store.
ALTER TABLE rm_video ADD COLUMN video_content_hash VARCHAR(64);
ALTER TABLE rm_video ADD COLUMN video_media_type VARCHAR(100);
ALTER TABLE rm_video ADD COLUMN video_size_bytes BIGINT;
ALTER TABLE rm_video ADD COLUMN video_duration_millis BIGINT;
CREATE INDEX rm_video_content_hash ON rm_video (video_content_hash) WHERE video_content_hash IS NOT NULL;
