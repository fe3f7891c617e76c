-- How far publishing a video got, by video and not by attempt, so that the attempt after a
-- crash or a time limit continues the upload instead of uploading the video again. The
-- session address authorises an upload by itself: it is kept here only, never in an event
-- or a log, and cleared once the platform's id is known, since the id answers every later
-- attempt.
CREATE TABLE production_upload (
    video_id    VARCHAR(64)              NOT NULL PRIMARY KEY,
    session_uri TEXT,
    external_id VARCHAR(64),
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
