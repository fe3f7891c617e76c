package com.ytempire.command.web;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import org.springframework.stereotype.Component;

/**
 * Claims a command's {@code Idempotency-Key} in the transaction that stores its events,
 * so the key and the effect commit together or not at all. Axon's auto-configuration
 * registers this bean on the command bus.
 */
@Component
class IdempotencyInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

	static final String KEY = "idempotencyKey";

	static final String FINGERPRINT = "idempotencyFingerprint";

	static final String RESOURCE_ID = "resourceId";

	static final String ISSUED_BY = "issuedBy";

	private final IdempotencyKeys keys;

	IdempotencyInterceptor(IdempotencyKeys keys) {
		this.keys = keys;
	}

	@Override
	public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
			throws Exception {
		MetaData metaData = unitOfWork.getMessage().getMetaData();
		if (metaData.get(KEY) instanceof String key) {
			this.keys.claim((String) metaData.get(ISSUED_BY), key, (String) metaData.get(FINGERPRINT),
					(String) metaData.get(RESOURCE_ID));
		}
		return interceptorChain.proceed();
	}

}
