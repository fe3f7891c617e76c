package com.ytempire.app.deploy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's nginx as a child process of the test, in the foreground, on a free loopback
 * port, with the repository's {@code ytempire.conf} and {@code ytempire-upstream.conf} in
 * a configuration folder of its own. Only the listening address of {@code ytempire.conf}
 * is changed.
 */
final class TestNginx implements AutoCloseable {

	private static final String SHIPPED_LISTEN = "\tlisten 80;\n";

	private final Process process;

	private final Path configuration;

	private final int port;

	private TestNginx(Process process, Path configuration, int port) {
		this.process = process;
		this.configuration = configuration;
		this.port = port;
	}

	/** The nginx binary on the PATH or in Debian's place. */
	static Optional<Path> find() {
		Stream<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
			.filter((folder) -> !folder.isEmpty())
			.map((folder) -> Path.of(folder, "nginx"));
		return Stream.concat(onPath, Stream.of(Path.of("/usr/sbin/nginx"))).filter(Files::isExecutable).findFirst();
	}

	static TestNginx start(Path binary, Path shippedConfiguration, Path folder) throws IOException {
		Files.createDirectories(folder);
		int port = freePort();
		String site = Files.readString(shippedConfiguration.resolve("ytempire.conf"));
		if (!site.contains(SHIPPED_LISTEN)) {
			throw new IllegalStateException("ytempire.conf no longer listens with '" + SHIPPED_LISTEN.strip() + "'");
		}
		Files.writeString(folder.resolve("ytempire.conf"),
				site.replace(SHIPPED_LISTEN, "\tlisten 127.0.0.1:" + port + ";\n"));
		Files.copy(shippedConfiguration.resolve("ytempire-upstream.conf"), folder.resolve("ytempire-upstream.conf"));
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
		return new TestNginx(process, main, port);
	}

	int port() {
		return this.port;
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
