package com.ytempire.app.proxy;

import java.net.InetAddress;
import java.util.Arrays;

/**
 * An address or a CIDR range ({@code 10.0.0.0/8}, {@code fd00::/8}). Written here because
 * Spring Security's matcher for this is typed to the servlet API, which a WebFlux
 * application does not have.
 */
final class AddressRange {

	private final byte[] network;

	private final int prefixBits;

	private AddressRange(byte[] network, int prefixBits) {
		this.network = network;
		this.prefixBits = prefixBits;
	}

	static AddressRange parse(String text) {
		int slash = text.indexOf('/');
		String address = (slash < 0) ? text : text.substring(0, slash);
		byte[] network = AddressLiteral.parse(address)
			.map(InetAddress::getAddress)
			.orElseThrow(() -> new IllegalArgumentException("'" + address + "' is not an IP address"));
		int prefixBits = network.length * 8;
		if (slash >= 0) {
			try {
				prefixBits = Integer.parseInt(text.substring(slash + 1));
			}
			catch (NumberFormatException ex) {
				prefixBits = -1;
			}
			if (prefixBits < 0 || prefixBits > network.length * 8) {
				throw new IllegalArgumentException("'" + text + "' has no valid prefix length");
			}
		}
		return new AddressRange(network, prefixBits);
	}

	boolean contains(InetAddress address) {
		byte[] candidate = address.getAddress();
		if (candidate.length != this.network.length) {
			return false;
		}
		int whole = this.prefixBits / 8;
		if (!Arrays.equals(candidate, 0, whole, this.network, 0, whole)) {
			return false;
		}
		int rest = this.prefixBits % 8;
		if (rest == 0) {
			return true;
		}
		int mask = (0xFF << (8 - rest)) & 0xFF;
		return (candidate[whole] & mask) == (this.network[whole] & mask);
	}

}
