package com.ytempire.app.web;

import tools.jackson.databind.module.SimpleModule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every JSON string a client sends goes through {@link StorableTextDeserializer}.
 */
@Configuration(proxyBeanMethods = false)
class TextInputConfiguration {

	@Bean
	SimpleModule storableTextModule() {
		return new SimpleModule("storable-text").addDeserializer(String.class, new StorableTextDeserializer());
	}

}
