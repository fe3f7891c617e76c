package com.ytempire.command.web;

/**
 * The answer to an accepted command.
 *
 * @param id the channel, video or cost the command created or changed
 * @param position the global event-store position of the last event the command stored;
 * pass it as {@code minPosition} to a query to read your own write. Absent when the
 * command changed nothing (a cost recorded before, for example).
 */
public record CommandAccepted(String id, Long position) {
}
