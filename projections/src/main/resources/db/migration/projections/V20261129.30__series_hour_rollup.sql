-- time-series: each hour of rm_series_minute summed up (how many minutes have a row, the first and
-- last of them, and the least and greatest value of each metric), so a chart over a long range is
-- downsampled from a sixtieth of the rows. Recomputed from the minutes of every hour a batch touches.
CREATE TABLE rm_series_hour (
    channel_id           VARCHAR(64) NOT NULL,
    hour                 TIMESTAMPTZ NOT NULL,
    minutes              INTEGER     NOT NULL,
    first_minute         TIMESTAMPTZ NOT NULL,
    last_minute          TIMESTAMPTZ NOT NULL,
    videos_generated_min INTEGER     NOT NULL,
    videos_generated_max INTEGER     NOT NULL,
    failures_min         INTEGER     NOT NULL,
    failures_max         INTEGER     NOT NULL,
    cost_micros_min      BIGINT      NOT NULL,
    cost_micros_max      BIGINT      NOT NULL,
    PRIMARY KEY (channel_id, hour)
);

INSERT INTO rm_series_hour
SELECT channel_id, date_trunc('hour', minute AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', count(*), min(minute),
       max(minute), min(videos_generated), max(videos_generated), min(failures), max(failures),
       min(cost_micros), max(cost_micros)
FROM rm_series_minute
GROUP BY 1, 2;
