package com.ytempire.app.deadletter;

import java.util.List;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The projections' dead letters for operators (admin role, as everything under
 * {@code /api/v1/admin}): list them, and retry them once the cause is fixed.
 */
@RestController
@RequestMapping("/api/v1/admin/dead-letters")
class DeadLetterController {

	private final DeadLetters deadLetters;

	DeadLetterController(DeadLetters deadLetters) {
		this.deadLetters = deadLetters;
	}

	@GetMapping
	Mono<List<DeadLetterView>> list() {
		return Mono.fromCallable(this.deadLetters::list).subscribeOn(Schedulers.boundedElastic());
	}

	@PostMapping("/retry")
	Mono<DeadLetters.RetryResult> retry() {
		return Mono.fromCallable(this.deadLetters::retry).subscribeOn(Schedulers.boundedElastic());
	}

}
