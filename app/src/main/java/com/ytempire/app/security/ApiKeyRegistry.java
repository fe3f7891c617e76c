package com.ytempire.app.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.ytempire.app.database.DatabaseProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The API keys that may call the service. Keys are held by their SHA-256 so a lookup
 * compares digests, not secrets. With no key configured on the embedded default, an admin
 * key is generated once into the data folder, readable by its owner only: the service
 * never runs open.
 */
@Component
class ApiKeyRegistry {

	private static final Logger log = LoggerFactory.getLogger(ApiKeyRegistry.class);

	static final String GENERATED_KEY_FILE = "admin-api-key";

	private final Map<String, ApiKey> keysByDigest = new HashMap<>();

	ApiKeyRegistry(SecurityProperties properties, DatabaseProperties database,
			@Value("${ytempire.data-dir}") Path dataDirectory) throws IOException {
		List<ApiKey> keys = properties.parsedKeys();
		if (keys.isEmpty()) {
			if (database.isExternal()) {
				throw new IllegalStateException("No API keys are configured. Set YTEMPIRE_API_KEYS to "
						+ "name:role:secret entries (roles: viewer, operator, admin); the service never runs open.");
			}
			keys = List.of(generatedAdminKey(dataDirectory.resolve(GENERATED_KEY_FILE)));
		}
		keys.forEach((key) -> this.keysByDigest.put(digest(key.secret()), key));
	}

	Optional<ApiKey> find(String secret) {
		return Optional.ofNullable(this.keysByDigest.get(digest(secret)));
	}

	private static ApiKey generatedAdminKey(Path file) throws IOException {
		if (!Files.exists(file)) {
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			Files.createDirectories(file.getParent());
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			Files.writeString(file, HexFormat.of().formatHex(random) + System.lineSeparator());
			log.info("No API keys configured: generated an admin key in {}", file);
		}
		log.info("Use the admin key as: curl -H \"Authorization: Bearer $(cat {})\" http://localhost:8000/api/v1/...",
				file);
		return new ApiKey("admin", Role.ADMIN, Files.readString(file).strip());
	}

	private static String digest(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
