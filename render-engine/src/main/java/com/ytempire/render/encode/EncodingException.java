package com.ytempire.render.encode;

/**
 * FFmpeg refused to open, write or finish a file; the message carries FFmpeg's reason.
 */
public class EncodingException extends RuntimeException {

	public EncodingException(String message, Throwable cause) {
		super(message, cause);
	}

}
