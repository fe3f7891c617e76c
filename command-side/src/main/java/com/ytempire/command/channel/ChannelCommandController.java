package com.ytempire.command.channel;

import java.security.Principal;
import java.util.Optional;
import java.util.UUID;

import com.ytempire.api.channel.ArchiveChannelCommand;
import com.ytempire.api.channel.ChannelSettings;
import com.ytempire.api.channel.CreateChannelCommand;
import com.ytempire.api.channel.PauseChannelCommand;
import com.ytempire.api.channel.ResumeChannelCommand;
import com.ytempire.api.channel.UpdateChannelSettingsCommand;
import com.ytempire.command.web.CommandAccepted;
import com.ytempire.command.web.CommandRequest;
import com.ytempire.command.web.CommandSender;
import com.ytempire.command.web.Money;
import com.ytempire.command.web.ReasonRequest;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static com.ytempire.command.web.CommandRequest.IDEMPOTENCY_KEY_HEADER;

@RestController
@RequestMapping("/api/v1/channels")
@ApiResponse(responseCode = "409", description = "The command does not fit the channel's state, or its name is taken")
@ApiResponse(responseCode = "422",
		description = "A value breaks a rule, or the Idempotency-Key was used for another request")
class ChannelCommandController {

	private final CommandSender sender;

	ChannelCommandController(CommandSender sender) {
		this.sender = sender;
	}

	@PostMapping
	@ApiResponse(responseCode = "201", description = "Created; Location is the channel's address")
	Mono<ResponseEntity<CommandAccepted>> create(@Valid @RequestBody CreateChannelRequest request, Principal principal,
			@RequestHeader(name = IDEMPOTENCY_KEY_HEADER, required = false) Optional<String> idempotencyKey) {
		String channelId = UUID.randomUUID().toString();
		long cap = (request.costCapPerVideo() != null) ? Money.toMicros(request.costCapPerVideo())
				: ChannelSettings.DEFAULT_COST_CAP_PER_VIDEO_MICROS;
		long budget = (request.dailyBudget() != null) ? Money.toMicros(request.dailyBudget())
				: cap * request.dailyVideoQuota();
		ChannelSettings settings = new ChannelSettings(request.niche().strip(), request.youtubeChannelRef(),
				request.dailyVideoQuota(), cap, budget);
		return this.sender.created(CommandRequest.of(principal, idempotencyKey, "POST /channels " + request), channelId,
				new CreateChannelCommand(channelId, request.name(), settings), "/api/v1/channels/" + channelId);
	}

	@PutMapping("/{channelId}/settings")
	@ApiResponse(responseCode = "202", description = "Accepted")
	@ApiResponse(responseCode = "404", description = "There is no channel with this id")
	Mono<ResponseEntity<CommandAccepted>> updateSettings(@PathVariable String channelId,
			@Valid @RequestBody ChannelSettingsRequest request, Principal principal,
			@RequestHeader(name = IDEMPOTENCY_KEY_HEADER, required = false) Optional<String> idempotencyKey) {
		ChannelSettings settings = new ChannelSettings(request.niche().strip(), request.youtubeChannelRef(),
				request.dailyVideoQuota(), Money.toMicros(request.costCapPerVideo()),
				Money.toMicros(request.dailyBudget()));
		return this.sender.accepted(
				CommandRequest.of(principal, idempotencyKey, "PUT /channels/" + channelId + "/settings " + request),
				channelId, new UpdateChannelSettingsCommand(channelId, settings));
	}

	@PostMapping("/{channelId}/pause")
	@ApiResponse(responseCode = "202", description = "Accepted")
	@ApiResponse(responseCode = "404", description = "There is no channel with this id")
	Mono<ResponseEntity<CommandAccepted>> pause(@PathVariable String channelId,
			@Valid @RequestBody(required = false) ReasonRequest request, Principal principal,
			@RequestHeader(name = IDEMPOTENCY_KEY_HEADER, required = false) Optional<String> idempotencyKey) {
		ReasonRequest reason = (request != null) ? request : ReasonRequest.NONE;
		return this.sender.accepted(
				CommandRequest.of(principal, idempotencyKey, "POST /channels/" + channelId + "/pause " + reason),
				channelId, new PauseChannelCommand(channelId, reason.reason()));
	}

	@PostMapping("/{channelId}/resume")
	@ApiResponse(responseCode = "202", description = "Accepted")
	@ApiResponse(responseCode = "404", description = "There is no channel with this id")
	Mono<ResponseEntity<CommandAccepted>> resume(@PathVariable String channelId, Principal principal,
			@RequestHeader(name = IDEMPOTENCY_KEY_HEADER, required = false) Optional<String> idempotencyKey) {
		return this.sender.accepted(
				CommandRequest.of(principal, idempotencyKey, "POST /channels/" + channelId + "/resume"), channelId,
				new ResumeChannelCommand(channelId));
	}

	@PostMapping("/{channelId}/archive")
	@ApiResponse(responseCode = "202", description = "Accepted")
	@ApiResponse(responseCode = "404", description = "There is no channel with this id")
	Mono<ResponseEntity<CommandAccepted>> archive(@PathVariable String channelId,
			@Valid @RequestBody(required = false) ReasonRequest request, Principal principal,
			@RequestHeader(name = IDEMPOTENCY_KEY_HEADER, required = false) Optional<String> idempotencyKey) {
		ReasonRequest reason = (request != null) ? request : ReasonRequest.NONE;
		return this.sender.accepted(
				CommandRequest.of(principal, idempotencyKey, "POST /channels/" + channelId + "/archive " + reason),
				channelId, new ArchiveChannelCommand(channelId, reason.reason()));
	}

}
