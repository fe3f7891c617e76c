package com.ytempire.command.video;

import java.security.Principal;
import java.util.Optional;
import java.util.UUID;

import com.ytempire.api.video.CancelVideoCommand;
import com.ytempire.api.video.RecordCostCommand;
import com.ytempire.api.video.ScheduleVideoCommand;
import com.ytempire.api.video.VideoStyle;
import com.ytempire.command.web.CommandAccepted;
import com.ytempire.command.web.CommandRequest;
import com.ytempire.command.web.CommandSender;
import com.ytempire.command.web.Money;
import com.ytempire.command.web.ReasonRequest;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static com.ytempire.command.web.CommandRequest.IDEMPOTENCY_KEY_HEADER;

@RestController
@RequestMapping("/api/v1/videos")
@ApiResponse(responseCode = "409", description = "The command does not fit the video's or its channel's state")
@ApiResponse(responseCode = "422",
		description = "A value breaks a rule (an unknown channel too), or the Idempotency-Key was used for another request")
class VideoCommandController {

	private final CommandSender sender;

	VideoCommandController(CommandSender sender) {
		this.sender = sender;
	}

	@PostMapping
	@ApiResponse(responseCode = "201", description = "Scheduled; Location is the video's address")
	Mono<ResponseEntity<CommandAccepted>> schedule(@Valid @RequestBody ScheduleVideoRequest request,
			Principal principal,
			@RequestHeader(name = IDEMPOTENCY_KEY_HEADER, required = false) Optional<String> idempotencyKey) {
		String videoId = UUID.randomUUID().toString();
		String style = (request.style() != null && !request.style().isBlank()) ? request.style().strip()
				: VideoStyle.DEFAULT.id();
		return this.sender.created(CommandRequest.of(principal, idempotencyKey, "POST /videos " + request), videoId,
				new ScheduleVideoCommand(videoId, request.channelId(), request.title(), request.topic(),
						request.publishAt(), style, request.targetLengthSeconds()),
				"/api/v1/videos/" + videoId);
	}

	@PostMapping("/{videoId}/cancel")
	@ApiResponse(responseCode = "202", description = "Accepted")
	@ApiResponse(responseCode = "404", description = "There is no video with this id")
	Mono<ResponseEntity<CommandAccepted>> cancel(@PathVariable String videoId,
			@Valid @RequestBody(required = false) ReasonRequest request, Principal principal,
			@RequestHeader(name = IDEMPOTENCY_KEY_HEADER, required = false) Optional<String> idempotencyKey) {
		ReasonRequest reason = (request != null) ? request : ReasonRequest.NONE;
		return this.sender.accepted(
				CommandRequest.of(principal, idempotencyKey, "POST /videos/" + videoId + "/cancel " + reason), videoId,
				new CancelVideoCommand(videoId, reason.reason()));
	}

	/**
	 * 201 when the cost is new; 200 when a cost with this id was recorded before, which
	 * changes nothing.
	 */
	@PostMapping("/{videoId}/costs")
	@ApiResponse(responseCode = "201", description = "Recorded")
	@ApiResponse(responseCode = "200", description = "A cost with this id was recorded before; nothing changed")
	@ApiResponse(responseCode = "404", description = "There is no video with this id")
	Mono<ResponseEntity<CommandAccepted>> recordCost(@PathVariable String videoId,
			@Valid @RequestBody RecordCostRequest request, Principal principal,
			@RequestHeader(name = IDEMPOTENCY_KEY_HEADER, required = false) Optional<String> idempotencyKey) {
		String costId = (request.costId() != null) ? request.costId() : UUID.randomUUID().toString();
		long units = (request.units() != null) ? request.units() : 0;
		RecordCostCommand command = new RecordCostCommand(videoId, costId, request.category(),
				Money.toMicros(request.amount()), request.provider().strip(), units);
		return this.sender
			.send(CommandRequest.of(principal, idempotencyKey, "POST /videos/" + videoId + "/costs " + request), costId,
					command)
			.map((accepted) -> ResponseEntity.status((accepted.position() != null) ? HttpStatus.CREATED : HttpStatus.OK)
				.body(accepted));
	}

}
