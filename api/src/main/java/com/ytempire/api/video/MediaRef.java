package com.ytempire.api.video;

/**
 * A file in the media store, named by the SHA-256 of its content.
 *
 * @param contentHash hex SHA-256 of the file's bytes
 * @param mediaType the IANA media type, for example {@code video/mp4}
 * @param sizeBytes the file's length
 */
public record MediaRef(String contentHash, String mediaType, long sizeBytes) {
}
