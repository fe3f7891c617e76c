package com.ytempire.render.production;

/**
 * Names an image's media type from its first bytes, as image services answer PNG or JPEG
 * without saying which.
 */
final class ImageBytes {

	private ImageBytes() {
	}

	static String mediaType(byte[] bytes) {
		if (startsWith(bytes, 0x89, 'P', 'N', 'G')) {
			return "image/png";
		}
		if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) {
			return "image/jpeg";
		}
		// Stored as what it is; decoding it for the render then fails with a clear
		// message.
		return "application/octet-stream";
	}

	private static boolean startsWith(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
