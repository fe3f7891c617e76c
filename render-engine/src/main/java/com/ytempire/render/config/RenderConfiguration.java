package com.ytempire.render.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.ytempire.api.video.ProductionStep;
import com.ytempire.render.compositor.Compositor;
import com.ytempire.render.compositor.Compositors;
import com.ytempire.render.compositor.CpuCompositor;
import com.ytempire.render.compositor.GpuMode;
import com.ytempire.render.content.PriceTable;
import com.ytempire.render.encode.VideoFormat;
import com.ytempire.render.media.MediaStore;
import com.ytempire.render.production.VideoProduction;
import com.ytempire.render.saga.ProductionPolicy;
import com.ytempire.render.saga.ProductionSaga;
import com.ytempire.render.work.ProductionMetrics;
import com.ytempire.render.work.ProductionQueue;
import com.ytempire.render.work.ProductionUploads;
import com.ytempire.render.work.ProductionWorkers;
import com.ytempire.render.work.StepRunner;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * The production line of this node: the saga, its persisted deadlines, the work queue,
 * the workers and the providers they call. Off ({@code ytempire.render.enabled=false}),
 * the node takes commands and serves queries but produces nothing.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RenderProperties.class)
@ConditionalOnProperty(name = "ytempire.render.enabled", havingValue = "true", matchIfMissing = true)
public class RenderConfiguration {

	static final String SAGA_PROCESSOR = "ProductionSagaProcessor";

	/**
	 * The saga follows videos scheduled from the moment production is first switched on;
	 * replaying the whole history would start producing every video ever scheduled.
	 */
	@Bean
	ConfigurerModule productionSagaModule() {
		return (configurer) -> configurer.eventProcessing((processing) -> processing
			.registerTrackingEventProcessor(SAGA_PROCESSOR, (configuration) -> configuration.eventStore(),
					(configuration) -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
						.andInitialTrackingToken(StreamableMessageSource::createHeadToken))
			.registerSaga(ProductionSaga.class));
	}

	/**
	 * db-scheduler keeps the saga's deadlines in PostgreSQL; through the
	 * transaction-aware proxy a deadline is scheduled in the same transaction as the saga
	 * state that needs it.
	 */
	@Bean(destroyMethod = "")
	Scheduler productionDeadlineScheduler(DataSource dataSource, List<Task<?>> tasks) {
		return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), tasks)
			.threads(2)
			.pollingInterval(Duration.ofSeconds(1))
			.enableImmediateExecution()
			// A deadline handler runs for milliseconds; shutting down need not wait
			// longer.
			.shutdownMaxWait(Duration.ofSeconds(5))
			.build();
	}

	@Bean
	DeadlineScheduling deadlineScheduling(Scheduler scheduler) {
		return new DeadlineScheduling(scheduler);
	}

	@Bean
	MediaStore mediaStore(RenderProperties properties) {
		return new MediaStore(properties.mediaDir(), properties.diskReserve().toBytes());
	}

	@Bean(destroyMethod = "close")
	Compositor compositor(RenderProperties properties) {
		return Compositors.select(GpuMode.parse(properties.gpu()));
	}

	@Bean
	ContentProviders contentProviders(RenderProperties properties, Environment environment) {
		return new ContentProviders(properties.providers(), environment, priceTable(properties.prices()),
				properties.servicePrices());
	}

	@Bean
	VideoProduction videoProduction(RenderProperties properties, ContentProviders providers, MediaStore store,
			Compositor compositor) {
		return new VideoProduction(providers.scriptWriter(), providers.voice(), providers.images(),
				providers.publisher(properties.outboxDir()), store, compositor, priceTable(properties.prices()));
	}

	@Bean
	ProductionPolicy productionPolicy(RenderProperties properties, Compositor compositor) {
		RenderProperties.Timeouts timeouts = properties.timeouts();
		RenderProperties.Attempts attempts = properties.attempts();
		return new ProductionPolicy(
				Map.of(ProductionStep.SCRIPT, timeouts.script(), ProductionStep.VOICE, timeouts.voice(),
						ProductionStep.IMAGES, timeouts.images(), ProductionStep.RENDER, timeouts.render(),
						ProductionStep.PUBLISH, timeouts.publish()),
				attempts.max(), attempts.retryDelay(), attempts.maxRetryDelay(), renderPath(compositor));
	}

	@Bean
	ProductionQueue productionQueue(JdbcTemplate jdbc) {
		return new ProductionQueue(jdbc);
	}

	@Bean
	ProductionUploads productionUploads(JdbcTemplate jdbc) {
		return new ProductionUploads(jdbc);
	}

	@Bean
	StepRunner stepRunner(RenderProperties properties, VideoProduction production, MediaStore store,
			CommandGateway commands, ContentProviders providers, Compositor compositor, ProductionUploads uploads) {
		return new StepRunner(production, store, commands, videoFormat(properties.format()),
				providers.names(renderPath(compositor)), uploads);
	}

	@Bean
	ProductionWorkers productionWorkers(RenderProperties properties, ProductionQueue queue, StepRunner runner) {
		return new ProductionWorkers(queue, runner, properties.workers(), Duration.ofSeconds(2));
	}

	@Bean
	ProductionMetrics productionMetrics(ProductionQueue queue, Compositor compositor) {
		return new ProductionMetrics(queue, renderPath(compositor));
	}

	private static String renderPath(Compositor compositor) {
		return (compositor instanceof CpuCompositor) ? "cpu" : "gpu";
	}

	private static PriceTable priceTable(RenderProperties.Prices prices) {
		return new PriceTable(prices.scriptPerThousandCharacters(), prices.voicePerThousandCharacters(),
				prices.perImage(), prices.renderPerMinute(), prices.perPublish());
	}

	private static VideoFormat videoFormat(String format) {
		return switch (format.trim().toLowerCase(Locale.ROOT)) {
			case "720p" -> VideoFormat.HD_720;
			case "1080p" -> VideoFormat.FULL_HD_1080;
			default -> throw new IllegalArgumentException("video format must be 720p or 1080p, not '" + format + "'");
		};
	}

}
