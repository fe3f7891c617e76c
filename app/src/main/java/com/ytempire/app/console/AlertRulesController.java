package com.ytempire.app.console;

import java.util.List;

import com.ytempire.monitoring.alerts.AlertRules;
import com.ytempire.monitoring.alerts.AlertRules.AlertRule;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The alert rules this build ships to Prometheus, for the console's operations page: it
 * lists them from here, not from a copy that could drift from what Prometheus evaluates.
 */
@RestController
class AlertRulesController {

	private final List<AlertRule> rules = AlertRules.shipped();

	@GetMapping("/api/v1/console/alert-rules")
	List<AlertRule> rules() {
		return this.rules;
	}

}
