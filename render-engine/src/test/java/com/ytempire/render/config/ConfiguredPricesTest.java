package com.ytempire.render.config;

import java.util.Map;

import com.ytempire.render.content.PriceTable;
import org.junit.jupiter.api.Test;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ConfiguredPricesTest {

	private static final RenderProperties.ServicePrices PRICES = new RenderProperties.ServicePrices(
			Map.of("gpt-4o-mini", new RenderProperties.TokenPrices(150_000, 600_000)), 50_000, 2_000);

	@Test
	void aModelWithoutAPriceRefusesToStartAndSaysHowToPriceIt() {
		assertThatIllegalStateException().isThrownBy(() -> providers("gpt-5-preview").scriptWriter())
			.withMessageContaining("OPENAI_MODEL 'gpt-5-preview' has no price")
			.withMessageContaining("ytempire.render.service-prices.openai.[gpt-5-preview].input-per-million-tokens")
			.withMessageContaining("[gpt-4o-mini]");
	}

	@Test
	void aPricedModelWritesScripts() {
		assertThat(providers("gpt-4o-mini").scriptWriter()).isNotNull();
	}

	private static ContentProviders providers(String model) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of("OPENAI_API_KEY", "sk-test")));
		return new ContentProviders(new RenderProperties.Providers("openai", "offline", "offline", "outbox",
				"http://127.0.0.1:9", model, "http://127.0.0.1:9", "voice", "http://127.0.0.1:9", "http://127.0.0.1:9",
				"http://127.0.0.1:9"), environment, PriceTable.offline(), PRICES);
	}

}
