package com.ytempire.app.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for 127.0.0.1, made by the JDK's keytool, written as the PEM
 * files nginx reads; clients of the test trust it and nothing else.
 */
final class ThrowAwayCertificate {

	private static final char[] PASSWORD = "throw-away".toCharArray();

	private final Path certificate;

	private final Path key;

	private final Certificate issued;

	private ThrowAwayCertificate(Path certificate, Path key, Certificate issued) {
		this.certificate = certificate;
		this.key = key;
		this.issued = issued;
	}

	static ThrowAwayCertificate create(Path folder) throws IOException, InterruptedException, GeneralSecurityException {
		Files.createDirectories(folder);
		Path store = folder.resolve("tls.p12");
		Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
		Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-keyalg", "EC", "-groupname",
				"secp256r1", "-alias", "nginx", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
				"-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass",
				new String(PASSWORD), "-keypass", new String(PASSWORD))
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IOException("keytool could not make a certificate: " + output);
		}
		KeyStore keys = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(store)) {
			keys.load(in, PASSWORD);
		}
		Certificate issued = keys.getCertificate("nginx");
		Key key = keys.getKey("nginx", PASSWORD);
		Path certificate = Files.writeString(folder.resolve("fullchain.pem"), pem("CERTIFICATE", issued.getEncoded()));
		// PKCS#8, which nginx reads as "PRIVATE KEY".
		Path privateKey = Files.writeString(folder.resolve("privkey.pem"), pem("PRIVATE KEY", key.getEncoded()));
		return new ThrowAwayCertificate(certificate, privateKey, issued);
	}

	Path certificate() {
		return this.certificate;
	}

	Path key() {
		return this.key;
	}

	/** TLS for a client that trusts this certificate alone. */
	SSLContext trustingIt() throws GeneralSecurityException, IOException {
		KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
		trusted.load(null, null);
		trusted.setCertificateEntry("nginx", this.issued);
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(trusted);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, trust.getTrustManagers(), null);
		return context;
	}

	private static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
	}

}
