-- The columns of Axon's JDBC tables that the monitoring module reads.
CREATE TABLE DomainEventEntry (
    globalIndex         BIGSERIAL    PRIMARY KEY,
    aggregateIdentifier VARCHAR(255) NOT NULL,
    payloadType         VARCHAR(255) NOT NULL,
    timeStamp           VARCHAR(255) NOT NULL
);
CREATE TABLE SagaEntry (sagaId VARCHAR(255) PRIMARY KEY);
CREATE TABLE DeadLetterEntry (deadLetterIdentifier VARCHAR(255) PRIMARY KEY);
