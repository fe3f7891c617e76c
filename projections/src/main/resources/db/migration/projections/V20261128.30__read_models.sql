-- Read models. Every table here is derived from the event store and can be rebuilt; each
-- projection owns its tables (a rebuild fills copies named <table>_shadow and swaps them in).
-- Money is in whole micro-dollars.

-- channel-summary: one row per channel, and the stage of each of its videos (to move counts).
CREATE TABLE rm_channel (
    channel_id          VARCHAR(64)  PRIMARY KEY,
    name                VARCHAR(500) NOT NULL,
    niche               VARCHAR(500),
    youtube_channel_ref VARCHAR(500),
    status              VARCHAR(16)  NOT NULL,
    daily_video_quota   INTEGER      NOT NULL,
    cost_cap_micros     BIGINT       NOT NULL,
    daily_budget_micros BIGINT       NOT NULL,
    created_at          TIMESTAMPTZ  NOT NULL,
    last_activity       TIMESTAMPTZ  NOT NULL,
    -- Videos currently in each stage, indexed like com.ytempire.api.video.VideoStage (1-based).
    videos_by_stage     INTEGER[]    NOT NULL,
    videos_total        INTEGER      NOT NULL,
    published           INTEGER      NOT NULL,
    failed              INTEGER      NOT NULL,
    total_cost_micros   BIGINT       NOT NULL,
    avg_cost_micros     BIGINT GENERATED ALWAYS AS
        (CASE WHEN videos_total = 0 THEN 0 ELSE total_cost_micros / videos_total END) STORED
);
CREATE INDEX rm_channel_name ON rm_channel (name, channel_id);
CREATE INDEX rm_channel_activity ON rm_channel (last_activity, channel_id);

CREATE TABLE rm_channel_video (
    video_id   VARCHAR(64) PRIMARY KEY,
    channel_id VARCHAR(64) NOT NULL,
    stage      VARCHAR(16) NOT NULL
);

-- videos: list and detail, stage history with timings, cost items.
CREATE TABLE rm_video (
    video_id              VARCHAR(64)  PRIMARY KEY,
    channel_id            VARCHAR(64)  NOT NULL,
    title                 VARCHAR(1000),
    topic                 VARCHAR(1000),
    style                 VARCHAR(200),
    publish_at            TIMESTAMPTZ,
    target_length_seconds INTEGER,
    cost_cap_micros       BIGINT       NOT NULL,
    stage                 VARCHAR(16)  NOT NULL,
    stage_entered_at      TIMESTAMPTZ  NOT NULL,
    stage_count           INTEGER      NOT NULL,
    failure_reason        VARCHAR(2000),
    external_video_id     VARCHAR(200),
    render_path           VARCHAR(16),
    total_cost_micros     BIGINT       NOT NULL,
    cost_items            INTEGER      NOT NULL,
    scheduled_at          TIMESTAMPTZ  NOT NULL,
    updated_at            TIMESTAMPTZ  NOT NULL
);
CREATE INDEX rm_video_channel_scheduled ON rm_video (channel_id, scheduled_at, video_id);
CREATE INDEX rm_video_scheduled ON rm_video (scheduled_at, video_id);

CREATE TABLE rm_video_stage (
    video_id    VARCHAR(64)  NOT NULL,
    stage_index INTEGER      NOT NULL,
    stage       VARCHAR(16)  NOT NULL,
    entered_at  TIMESTAMPTZ  NOT NULL,
    position    BIGINT       NOT NULL,
    detail      VARCHAR(2000),
    PRIMARY KEY (video_id, stage_index)
);

CREATE TABLE rm_video_cost (
    video_id      VARCHAR(64)  NOT NULL,
    cost_id       VARCHAR(200) NOT NULL,
    channel_id    VARCHAR(64)  NOT NULL,
    category      VARCHAR(16)  NOT NULL,
    amount_micros BIGINT       NOT NULL,
    provider      VARCHAR(200),
    units         BIGINT       NOT NULL,
    recorded_at   TIMESTAMPTZ  NOT NULL,
    position      BIGINT       NOT NULL,
    PRIMARY KEY (video_id, cost_id)
);
CREATE INDEX rm_video_cost_recorded ON rm_video_cost (recorded_at, video_id, cost_id);

-- cost-analytics: totals per UTC day x channel x category, and per video against its cap.
CREATE TABLE rm_cost_daily (
    day          DATE        NOT NULL,
    channel_id   VARCHAR(64) NOT NULL,
    category     VARCHAR(16) NOT NULL,
    total_micros BIGINT      NOT NULL,
    items        INTEGER     NOT NULL,
    PRIMARY KEY (day, channel_id, category)
);

CREATE TABLE rm_cost_video (
    video_id     VARCHAR(64) PRIMARY KEY,
    channel_id   VARCHAR(64) NOT NULL,
    cap_micros   BIGINT      NOT NULL,
    total_micros BIGINT      NOT NULL,
    halted       BOOLEAN     NOT NULL
);
CREATE INDEX rm_cost_video_channel ON rm_cost_video (channel_id);

-- platform-overview: channel statuses and per-day production figures.
CREATE TABLE rm_overview_channel (
    channel_id VARCHAR(64) PRIMARY KEY,
    status     VARCHAR(16) NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE rm_overview_day (
    day              DATE    PRIMARY KEY,
    videos_scheduled INTEGER NOT NULL,
    videos_generated INTEGER NOT NULL,
    videos_published INTEGER NOT NULL,
    failures         INTEGER NOT NULL,
    halted           INTEGER NOT NULL,
    cost_micros      BIGINT  NOT NULL
);

-- time-series: per-minute buckets, per channel and overall (channel_id '*').
CREATE TABLE rm_series_minute (
    channel_id       VARCHAR(64) NOT NULL,
    minute           TIMESTAMPTZ NOT NULL,
    videos_generated INTEGER     NOT NULL,
    failures         INTEGER     NOT NULL,
    cost_micros      BIGINT      NOT NULL,
    PRIMARY KEY (channel_id, minute)
);
