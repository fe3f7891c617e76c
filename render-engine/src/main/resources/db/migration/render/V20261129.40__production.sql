-- The production saga's persisted deadlines (db-scheduler's table, used by Axon's
-- DbSchedulerDeadlineManager): a step's time limit and a retry's wait survive a restart.
CREATE TABLE scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time ON scheduled_tasks (priority DESC, execution_time ASC);

-- Production work waiting for or held by a worker. A row is written in the same
-- transaction as the saga state that asked for it, and (video, step, attempt) is unique,
-- so one attempt is queued once and claimed by one worker once.
CREATE TABLE production_work (
    video_id    VARCHAR(64)              NOT NULL,
    step        VARCHAR(16)              NOT NULL,
    attempt     INT                      NOT NULL,
    request     TEXT                     NOT NULL,
    state       VARCHAR(16)              NOT NULL,
    queued_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_by  VARCHAR(255),
    claimed_at  TIMESTAMP WITH TIME ZONE,
    finished_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (video_id, step, attempt),
    CONSTRAINT production_work_state CHECK (state IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'WITHDRAWN'))
);
CREATE INDEX production_work_waiting ON production_work (queued_at) WHERE state = 'QUEUED';
