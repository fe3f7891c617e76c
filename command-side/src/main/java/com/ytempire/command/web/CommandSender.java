package com.ytempire.command.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import com.ytempire.api.audit.AuditMetaData;
import com.ytempire.command.eventstore.CommandPositions;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Sends a command on behalf of an HTTP caller: off the event loop (handling a command
 * blocks on JDBC), with the caller and the request's id (from the Reactor context, where
 * the web layer puts it) recorded in the events' metadata, and at most once per
 * {@code Idempotency-Key}.
 */
@Component
public class CommandSender {

	/** The widest id the write side stores. */
	static final int MAX_ID_LENGTH = 200;

	private final CommandGateway gateway;

	private final CommandPositions positions;

	private final IdempotencyKeys idempotencyKeys;

	private final CommandThreads threads;

	CommandSender(CommandGateway gateway, CommandPositions positions, IdempotencyKeys idempotencyKeys,
			CommandThreads threads) {
		this.gateway = gateway;
		this.positions = positions;
		this.idempotencyKeys = idempotencyKeys;
		this.threads = threads;
	}

	/**
	 * @param resourceId the id of what the command creates or changes, returned to the
	 * caller
	 */
	public Mono<CommandAccepted> send(CommandRequest request, String resourceId, Object command) {
		if (resourceId.length() > MAX_ID_LENGTH) {
			// No id is that long, and the idempotency table could not even store it.
			return Mono.error(new AggregateNotFoundException(resourceId, "No id is longer than " + MAX_ID_LENGTH));
		}
		return Mono.deferContextual((context) -> {
			// A caller outside a web request still gets an id its events can be found by.
			String requestId = context.getOrDefault(AuditMetaData.REQUEST_ID, UUID.randomUUID().toString());
			return this.threads.run(() -> sendBlocking(request, requestId, resourceId, command));
		});
	}

	/** Sends a command that changes something that exists: 202 Accepted. */
	public Mono<ResponseEntity<CommandAccepted>> accepted(CommandRequest request, String resourceId, Object command) {
		return send(request, resourceId, command).map((accepted) -> ResponseEntity.accepted().body(accepted));
	}

	/** Sends a command that creates something: 201 Created, with its address. */
	public Mono<ResponseEntity<CommandAccepted>> created(CommandRequest request, String resourceId, Object command,
			String location) {
		return send(request, resourceId, command)
			.map((accepted) -> ResponseEntity.created(URI.create(location)).body(accepted));
	}

	private CommandAccepted sendBlocking(CommandRequest request, String requestId, String resourceId, Object command) {
		MetaData metaData = MetaData.with(IdempotencyInterceptor.ISSUED_BY, request.caller())
			.and(AuditMetaData.REQUEST_ID, requestId);
		if (request.idempotencyKey().isEmpty()) {
			return dispatch(command, metaData, resourceId);
		}
		String key = request.idempotencyKey().get();
		String fingerprint = fingerprint(request.description());
		Optional<CommandAccepted> earlier = earlierOutcome(request.caller(), key, fingerprint);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		try {
			CommandAccepted accepted = dispatch(command,
					metaData.and(IdempotencyInterceptor.KEY, key)
						.and(IdempotencyInterceptor.FINGERPRINT, fingerprint)
						.and(IdempotencyInterceptor.RESOURCE_ID, resourceId),
					resourceId);
			this.idempotencyKeys.recordOutcome(request.caller(), key, accepted.position());
			return accepted;
		}
		catch (RepeatedRequestException ex) {
			return earlierOutcome(request.caller(), key, fingerprint).orElseThrow(() -> ex);
		}
	}

	private CommandAccepted dispatch(Object command, MetaData metaData, String resourceId) {
		this.positions.reset();
		this.gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).withMetaData(metaData));
		Long position = this.positions.takeLast().orElse(null);
		return new CommandAccepted(resourceId, position);
	}

	private Optional<CommandAccepted> earlierOutcome(String caller, String key, String fingerprint) {
		return this.idempotencyKeys.find(caller, key).map((handled) -> {
			if (!handled.fingerprint().equals(fingerprint)) {
				throw new IdempotencyKeyReusedException(key);
			}
			return new CommandAccepted(handled.resourceId(), handled.position());
		});
	}

	private static String fingerprint(String request) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(sha256.digest(request.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
