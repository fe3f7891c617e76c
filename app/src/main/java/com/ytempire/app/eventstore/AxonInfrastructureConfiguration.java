package com.ytempire.app.eventstore;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.ytempire.api.audit.AuditMetaData;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * How Axon stores messages and runs transactions.
 * <p>
 * The transaction manager is declared here, not left to Axon's auto-configuration: on
 * Spring Boot 4 that auto-configuration can run before Boot's transaction manager exists
 * and silently fall back to no transactions at all.
 * <p>
 * Every serializer is Jackson: Axon's XStream default refuses classes outside the
 * application's package. Field visibility lets Jackson store aggregate snapshots and
 * sagas without getters.
 * <p>
 * A command that fails in any way rolls back everything it wrote. Axon's default rolls
 * back on unchecked exceptions only, and commits on a checked one, such as the
 * {@link InterruptedException} its handler time limits report after an interrupted
 * handler has run: it would commit what the handler wrote to the database (a channel's
 * name claim, say) while dropping the events it applied.
 */
@Configuration(proxyBeanMethods = false)
class AxonInfrastructureConfiguration {

	/**
	 * Metadata that the command API attaches and that every resulting event keeps, for
	 * audit.
	 */
	static final String[] AUDIT_METADATA = { "issuedBy", "role", AuditMetaData.REQUEST_ID };

	@Bean
	TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
		return new SpringTransactionManager(transactionManager);
	}

	@Bean
	static BeanPostProcessor commandsRollBackOnAnyFailure() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof SimpleCommandBus commandBus) {
					commandBus.setRollbackConfiguration(RollbackConfigurationType.ANY_THROWABLE);
				}
				return bean;
			}
		};
	}

	@Bean
	@Primary
	Serializer serializer() {
		return jackson();
	}

	@Bean
	@Qualifier("eventSerializer")
	Serializer eventSerializer() {
		return jackson();
	}

	@Bean
	@Qualifier("messageSerializer")
	Serializer messageSerializer() {
		return jackson();
	}

	@Bean
	CorrelationDataProvider auditCorrelationDataProvider() {
		return new SimpleCorrelationDataProvider(AUDIT_METADATA);
	}

	private static Serializer jackson() {
		return JacksonSerializer.builder().objectMapper(objectMapper()).build();
	}

	static ObjectMapper objectMapper() {
		return JsonMapper.builder()
			.findAndAddModules()
			.visibility(PropertyAccessor.FIELD, Visibility.ANY)
			.visibility(PropertyAccessor.GETTER, Visibility.NONE)
			.visibility(PropertyAccessor.IS_GETTER, Visibility.NONE)
			.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
			// Events are facts written by older versions too: a field this version lacks
			// is not an error.
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build();
	}

}
