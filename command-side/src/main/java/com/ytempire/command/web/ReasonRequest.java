package com.ytempire.command.web;

import jakarta.validation.constraints.Size;

/**
 * An optional body that says why an operator pauses, archives, cancels or fails
 * something.
 */
public record ReasonRequest(@Size(max = 500) String reason) {

	public static final ReasonRequest NONE = new ReasonRequest(null);

}
