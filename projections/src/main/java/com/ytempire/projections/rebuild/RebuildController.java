package com.ytempire.projections.rebuild;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Maintenance for admins: rebuild one projection or {@code all}, and follow the progress.
 */
@RestController
@RequestMapping("/api/v1/admin/projections")
class RebuildController {

	private final ProjectionRebuilds rebuilds;

	RebuildController(ProjectionRebuilds rebuilds) {
		this.rebuilds = rebuilds;
	}

	@PostMapping("/{name}/rebuild")
	@ApiResponse(responseCode = "202", description = "The rebuild started; follow it at GET /rebuild")
	@ApiResponse(responseCode = "404", description = "There is no projection with this name")
	@ApiResponse(responseCode = "409", description = "A rebuild is running already")
	Mono<ResponseEntity<RebuildStatus>> rebuild(@PathVariable String name) {
		// Starting reads the head of the store over JDBC: off the event loop.
		return Mono.fromCallable(() -> {
			try {
				return ResponseEntity.status(HttpStatus.ACCEPTED).body(this.rebuilds.start(name));
			}
			catch (IllegalArgumentException ex) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND, ex.getMessage());
			}
			catch (IllegalStateException ex) {
				throw new ResponseStatusException(HttpStatus.CONFLICT, ex.getMessage());
			}
		}).subscribeOn(Schedulers.boundedElastic());
	}

	@GetMapping("/rebuild")
	RebuildStatus progress() {
		return this.rebuilds.status();
	}

}
