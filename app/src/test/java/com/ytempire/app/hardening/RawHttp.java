package com.ytempire.app.hardening;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HTTP/1.1 over a bare socket, for request lines no URI class accepts ({@code %zz}, a
 * lone {@code %}), which the server must answer too, and for requests from another local
 * address. The request goes without its body.
 */
final class RawHttp {

	private static final int TIMEOUT_MILLIS = (int) Http.TIMEOUT.toMillis();

	private RawHttp() {
	}

	static Http.Answer send(int port, Http.Call call) {
		return send(port, call, null);
	}

	/**
	 * Sends from a loopback address of the caller's choice ({@code 127.0.0.2}), which the
	 * server then sees as the peer: another host, as far as its address tells.
	 */
	static Http.Answer sendFrom(String localAddress, int port, Http.Call call) {
		try {
			return send(port, call, InetAddress.getByName(localAddress));
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException(localAddress, ex);
		}
	}

	private static Http.Answer send(int port, Http.Call call, InetAddress localAddress) {
		try (Socket socket = (localAddress != null) ? new Socket("127.0.0.1", port, localAddress, 0)
				: new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(TIMEOUT_MILLIS);
			StringBuilder head = new StringBuilder(call.method() + " " + call.rawPath() + " HTTP/1.1\r\n");
			head.append("Host: 127.0.0.1:").append(port).append("\r\nConnection: close\r\n");
			if (call.key() != null) {
				head.append("Authorization: Bearer ").append(call.key()).append("\r\n");
			}
			call.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
			// No body: the server refuses such a request line unread, and a body still in
			// flight would turn its answer into a connection reset.
			head.append("Content-Length: 0\r\n\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(head.toString().getBytes(StandardCharsets.UTF_8));
			out.flush();
			return parse(socket.getInputStream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Http.Answer parse(InputStream in) throws IOException {
		String response = new String(in.readNBytes(256 * 1024), StandardCharsets.UTF_8);
		int headEnd = response.indexOf("\r\n\r\n");
		if (headEnd < 0) {
			throw new IOException("No complete response: " + response);
		}
		String[] lines = response.substring(0, headEnd).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.computeIfAbsent(lines[i].substring(0, colon).strip(), (name) -> new ArrayList<>())
				.add(lines[i].substring(colon + 1).strip());
		}
		Http.Answer partial = new Http.Answer(status, "", null, "", headers);
		String contentType = (partial.header("Content-Type") != null) ? partial.header("Content-Type") : "";
		return new Http.Answer(status, contentType, partial.header("Retry-After"), response.substring(headEnd + 4),
				headers);
	}

}
