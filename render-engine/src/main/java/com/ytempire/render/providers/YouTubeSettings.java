package com.ytempire.render.providers;

import java.net.URI;
import java.time.Duration;

/**
 * How to upload to YouTube: the Data API v3 and the OAuth client whose refresh token
 * grants {@code youtube.upload} on the channel.
 *
 * @param apiBaseUrl the Google APIs root ({@code /upload/youtube/v3/videos} is under it)
 * @param oauthBaseUrl the OAuth root ({@code /token} is under it)
 * @param clientId the OAuth client
 * @param clientSecret the OAuth client's secret
 * @param refreshToken the channel owner's long-lived grant
 * @param categoryId the YouTube category of every upload
 * @param timeout for connecting, the token and the session start
 * @param uploadTimeout for sending the whole file once
 * @param maxResumes how many times an interrupted upload is resumed before the stage
 * fails (retryable)
 * @param resumeBackoff the wait before the first resume, doubled before each next one
 * @param pricePerUpload micro-dollars per upload
 */
public record YouTubeSettings(URI apiBaseUrl, URI oauthBaseUrl, String clientId, String clientSecret,
		String refreshToken, String categoryId, Duration timeout, Duration uploadTimeout, int maxResumes,
		Duration resumeBackoff, long pricePerUpload) {

	public static final URI DEFAULT_API_BASE_URL = URI.create("https://www.googleapis.com");

	public static final URI DEFAULT_OAUTH_BASE_URL = URI.create("https://oauth2.googleapis.com");

	/** "Education". */
	public static final String DEFAULT_CATEGORY_ID = "27";

	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

	public static final Duration DEFAULT_UPLOAD_TIMEOUT = Duration.ofMinutes(30);

	public static final int DEFAULT_MAX_RESUMES = 5;

	public static final Duration DEFAULT_RESUME_BACKOFF = Duration.ofSeconds(1);

	public YouTubeSettings {
		Settings.requireText(clientId, "the YouTube OAuth client id");
		Settings.requireText(clientSecret, "the YouTube OAuth client secret");
		Settings.requireText(refreshToken, "the YouTube OAuth refresh token");
		Settings.requireText(categoryId, "the YouTube category id");
		Settings.requirePositive(timeout, "the YouTube timeout");
		Settings.requirePositive(uploadTimeout, "the YouTube upload timeout");
		if (maxResumes < 0) {
			throw new IllegalArgumentException("maxResumes cannot be negative, got " + maxResumes);
		}
		if (resumeBackoff == null || resumeBackoff.isNegative()) {
			throw new IllegalArgumentException("the resume backoff cannot be negative, got " + resumeBackoff);
		}
		Settings.requireNonNegative(pricePerUpload, "the YouTube upload price");
	}

	/** Google's public endpoints; uploading costs quota, not money, so the price is 0. */
	public static YouTubeSettings defaults(String clientId, String clientSecret, String refreshToken) {
		return new YouTubeSettings(DEFAULT_API_BASE_URL, DEFAULT_OAUTH_BASE_URL, clientId, clientSecret, refreshToken,
				DEFAULT_CATEGORY_ID, DEFAULT_TIMEOUT, DEFAULT_UPLOAD_TIMEOUT, DEFAULT_MAX_RESUMES,
				DEFAULT_RESUME_BACKOFF, 0);
	}

	@Override
	public String toString() {
		return "YouTubeSettings[apiBaseUrl=" + this.apiBaseUrl + ", oauthBaseUrl=" + this.oauthBaseUrl + ", clientId="
				+ this.clientId + ", clientSecret=" + Settings.secret(this.clientSecret) + ", refreshToken="
				+ Settings.secret(this.refreshToken) + ", categoryId=" + this.categoryId + ", timeout=" + this.timeout
				+ ", uploadTimeout=" + this.uploadTimeout + ", maxResumes=" + this.maxResumes + ", resumeBackoff="
				+ this.resumeBackoff + ", pricePerUpload=" + this.pricePerUpload + "]";
	}

}
