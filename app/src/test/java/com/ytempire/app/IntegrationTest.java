package com.ytempire.app;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The whole application on a random port with its embedded PostgreSQL in a fresh folder
 * under {@code target/}. Classes with this annotation share one running application.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = YtEmpireApplication.class,
		properties = { "ytempire.data-dir=target/it-data/${random.uuid}", "ytempire.database.embedded.durable=false",
				"ytempire.security.api-keys=" + TestKeys.CONFIGURATION })
@ExtendWith(HangReport.class)
public @interface IntegrationTest {

}
