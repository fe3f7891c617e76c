package com.ytempire.app.deploy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Debian's nginx as a child process of the test, in the foreground, on free loopback
 * ports, with the repository's {@code ytempire.conf} and {@code ytempire-upstream.conf}
 * in a configuration folder of its own, and {@code ytempire-tls.conf} rendered from its
 * template with a throw-away certificate. Only the listening addresses of
 * {@code ytempire.conf} are changed.
 */
final class TestNginx implements AutoCloseable {

	private static final String SHIPPED_LISTEN = "\tlisten 80;\n";

	private static final String SHIPPED_TLS_LISTEN = "\tlisten 443 ssl;\n";

	private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\$\\{(\\w+)\\}");

	private final Process process;

	private final Path configuration;

	private final int port;

	private final int tlsPort;

	private TestNginx(Process process, Path configuration, int port, int tlsPort) {
		this.process = process;
		this.configuration = configuration;
		this.port = port;
		this.tlsPort = tlsPort;
	}

	/** The nginx binary on the PATH or in Debian's place. */
	static Optional<Path> find() {
		Stream<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
			.filter((folder) -> !folder.isEmpty())
			.map((folder) -> Path.of(folder, "nginx"));
		return Stream.concat(onPath, Stream.of(Path.of("/usr/sbin/nginx"))).filter(Files::isExecutable).findFirst();
	}

	static TestNginx start(Path binary, Path shippedConfiguration, Path folder, ThrowAwayCertificate certificate)
			throws IOException {
		Files.createDirectories(folder);
		int port = freePort();
		int tlsPort = freePort();
		String site = Files.readString(shippedConfiguration.resolve("ytempire.conf"));
		for (String listen : List.of(SHIPPED_LISTEN, SHIPPED_TLS_LISTEN)) {
			if (!site.contains(listen)) {
				throw new IllegalStateException("ytempire.conf no longer listens with '" + listen.strip() + "'");
			}
		}
		Files.writeString(folder.resolve("ytempire.conf"),
				site.replace(SHIPPED_LISTEN, "\tlisten 127.0.0.1:" + port + ";\n")
					.replace(SHIPPED_TLS_LISTEN, "\tlisten 127.0.0.1:" + tlsPort + " ssl;\n"));
		Files.copy(shippedConfiguration.resolve("ytempire-upstream.conf"), folder.resolve("ytempire-upstream.conf"));
		Files.writeString(folder.resolve("ytempire-tls.conf"),
				render(Files.readString(shippedConfiguration.resolve("ytempire-tls.conf.template")),
						Map.of("YTEMPIRE_TLS_CERTIFICATE", certificate.certificate().toString(),
								"YTEMPIRE_TLS_CERTIFICATE_KEY", certificate.key().toString())));
		Path main = folder.resolve("nginx.conf");
		// Workers run as the test's user, so that they may use the temporary folders
		// below.
		Files.writeString(main,
				String.join("\n", "daemon off;", "user " + System.getProperty("user.name") + ";", "worker_processes 1;",
						"pid " + folder.resolve("nginx.pid") + ";",
						"error_log " + folder.resolve("error.log") + " warn;", "events { worker_connections 1024; }",
						"http {", "  access_log off;", "  client_body_temp_path " + folder.resolve("body") + ";",
						"  proxy_temp_path " + folder.resolve("proxy") + ";",
						"  fastcgi_temp_path " + folder.resolve("fastcgi") + ";",
						"  uwsgi_temp_path " + folder.resolve("uwsgi") + ";",
						"  scgi_temp_path " + folder.resolve("scgi") + ";", "  include ytempire.conf;", "}", ""));
		Process process = new ProcessBuilder(binary.toString(), "-e", folder.resolve("error.log").toString(), "-c",
				main.toString())
			.redirectErrorStream(true)
			.redirectOutput(folder.resolve("nginx.out").toFile())
			.start();
		return new TestNginx(process, main, port, tlsPort);
	}

	/** What envsubst does with the template: every variable must have a value. */
	private static String render(String template, Map<String, String> environment) {
		Matcher variable = TEMPLATE_VARIABLE.matcher(template);
		StringBuilder rendered = new StringBuilder();
		while (variable.find()) {
			String value = environment.get(variable.group(1));
			if (value == null) {
				throw new IllegalStateException(
						"The template needs " + variable.group(1) + ", which the test does not set");
			}
			variable.appendReplacement(rendered, Matcher.quoteReplacement(value));
		}
		return variable.appendTail(rendered).toString();
	}

	/** Plain HTTP: redirects, and the deployment scripts' check of the switch. */
	int port() {
		return this.port;
	}

	/** HTTPS, where clients are served. */
	int tlsPort() {
		return this.tlsPort;
	}

	/** nginx's main configuration, for the scripts' {@code YTEMPIRE_NGINX_CONF}. */
	Path configuration() {
		return this.configuration;
	}

	List<String> errorLog() throws IOException {
		Path log = this.configuration.resolveSibling("error.log");
		return Files.exists(log) ? Files.readAllLines(log) : List.of();
	}

	/** SIGTERM is nginx's fast shutdown. */
	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
