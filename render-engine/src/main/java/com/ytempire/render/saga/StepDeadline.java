package com.ytempire.render.saga;

import com.ytempire.api.video.ProductionStep;

/**
 * Which attempt a deadline belongs to, so one that fires after its attempt ended changes
 * nothing.
 */
record StepDeadline(ProductionStep step, int attempt) {
}
