-- Small tables the write side keeps for itself, each changed in the transaction of the event or
-- command that changes it. They are not read models: nothing outside the command side reads them.

-- Set-based validation: one row per channel name ever taken.
CREATE TABLE channel_name_claim (
    normalized_name VARCHAR(500) PRIMARY KEY,
    channel_id      VARCHAR(64)  NOT NULL UNIQUE
);

-- What scheduling a video must know about its channel.
CREATE TABLE channel_policy (
    channel_id                VARCHAR(64) PRIMARY KEY,
    status                    VARCHAR(16) NOT NULL,
    daily_video_quota         INTEGER     NOT NULL,
    cost_cap_per_video_micros BIGINT      NOT NULL
);

-- Quota slots taken per channel and publish day (UTC).
CREATE TABLE video_day_slot (
    channel_id VARCHAR(64) NOT NULL,
    day        DATE        NOT NULL,
    used       INTEGER     NOT NULL CHECK (used >= 0),
    PRIMARY KEY (channel_id, day)
);

-- Requests already handled under an Idempotency-Key. The row is inserted in the transaction that
-- stores the command's events, so two requests with one key can never both take effect.
CREATE TABLE command_idempotency (
    caller          VARCHAR(200) NOT NULL,
    idempotency_key VARCHAR(200) NOT NULL,
    fingerprint     VARCHAR(64)  NOT NULL,
    resource_id     VARCHAR(200) NOT NULL,
    http_status     INTEGER,
    position        BIGINT,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (caller, idempotency_key)
);

CREATE INDEX command_idempotency_created ON command_idempotency (created_at);
