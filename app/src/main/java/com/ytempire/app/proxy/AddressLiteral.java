package com.ytempire.app.proxy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an address as a proxy writes it into {@code X-Forwarded-For}: IPv4 or IPv6,
 * possibly with a port ({@code 203.0.113.7:4711}, {@code [2001:db8::1]:4711}). Anything
 * else is not an address; in particular no name is ever looked up in DNS, which a client
 * could otherwise make this service do for every request.
 */
final class AddressLiteral {

	private static final Pattern IPV4 = Pattern
		.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?::\\d{1,5})?");

	private static final Pattern BRACKETED_IPV6 = Pattern.compile("\\[([0-9A-Fa-f:.]+)\\](?::\\d{1,5})?");

	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

	private AddressLiteral() {
	}

	static Optional<InetAddress> parse(String text) {
		Matcher ipv4 = IPV4.matcher(text);
		if (ipv4.matches()) {
			byte[] octets = new byte[4];
			for (int i = 0; i < 4; i++) {
				int octet = Integer.parseInt(ipv4.group(i + 1));
				if (octet > 255) {
					return Optional.empty();
				}
				octets[i] = (byte) octet;
			}
			return byAddress(octets);
		}
		Matcher bracketed = BRACKETED_IPV6.matcher(text);
		String ipv6 = bracketed.matches() ? bracketed.group(1) : text;
		if (!IPV6.matcher(ipv6).matches()) {
			return Optional.empty();
		}
		try {
			// Text with a colon is parsed as an IPv6 literal, never looked up.
			return Optional.of(InetAddress.getByName(ipv6));
		}
		catch (UnknownHostException ex) {
			return Optional.empty();
		}
	}

	private static Optional<InetAddress> byAddress(byte[] octets) {
		try {
			return Optional.of(InetAddress.getByAddress(octets));
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException("Four octets are always an address", ex);
		}
	}

}
