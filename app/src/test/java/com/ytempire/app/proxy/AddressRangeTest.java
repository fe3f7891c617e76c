package com.ytempire.app.proxy;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AddressRangeTest {

	@Test
	void aRangeHoldsExactlyTheAddressesItsPrefixNames() {
		AddressRange range = AddressRange.parse("172.16.0.0/12");
		assertThat(range.contains(address("172.16.0.1"))).isTrue();
		assertThat(range.contains(address("172.31.255.255"))).isTrue();
		assertThat(range.contains(address("172.32.0.0"))).isFalse();
		assertThat(range.contains(address("172.15.255.255"))).isFalse();
		assertThat(range.contains(address("::ffff:ac10:1"))).as("an IPv4-mapped address is that IPv4 address").isTrue();
	}

	@Test
	void anAddressWithoutPrefixIsThatAddressAlone() {
		AddressRange range = AddressRange.parse("127.0.0.2");
		assertThat(range.contains(address("127.0.0.2"))).isTrue();
		assertThat(range.contains(address("127.0.0.1"))).isFalse();
	}

	@Test
	void ipv6RangesMatchIpv6AddressesOnly() {
		AddressRange range = AddressRange.parse("fd00::/8");
		assertThat(range.contains(address("fd12:3456::1"))).isTrue();
		assertThat(range.contains(address("fe80::1"))).isFalse();
		assertThat(range.contains(address("10.0.0.1"))).isFalse();
		assertThat(AddressRange.parse("::1").contains(address("::1"))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "localhost", "10.0.0.0/33", "10.0.0.0/x", "256.1.1.1", "" })
	void anythingElseIsRefusedAtStartUp(String setting) {
		assertThatIllegalArgumentException().isThrownBy(() -> AddressRange.parse(setting));
	}

	@ParameterizedTest
	@ValueSource(strings = { "example.com", "unknown", "1.2.3", "1.2.3.4.5", "[::1", "::zz", "_gateway" })
	void forwardedTextThatIsNoAddressIsNeverLookedUp(String text) {
		assertThat(AddressLiteral.parse(text)).isEmpty();
	}

	@Test
	void forwardedAddressesMayCarryAPort() {
		assertThat(AddressLiteral.parse("203.0.113.7:4711")).contains(address("203.0.113.7"));
		assertThat(AddressLiteral.parse("[2001:db8::1]:4711")).contains(address("2001:db8::1"));
		assertThat(AddressLiteral.parse("2001:db8::1")).contains(address("2001:db8::1"));
	}

	private static InetAddress address(String literal) {
		return AddressLiteral.parse(literal).orElseThrow();
	}

}
