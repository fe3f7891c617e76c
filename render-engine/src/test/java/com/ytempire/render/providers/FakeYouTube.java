package com.ytempire.render.providers;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import com.ytempire.render.providers.FakeServer.Reply;
import com.ytempire.render.providers.FakeUploadSession.Break;

/**
 * Google's token endpoint and YouTube's resumable upload on loopback. Every session start
 * opens a new {@link FakeUploadSession} at an address of its own, which behaves as the
 * test planned for the session of that number; sessions past the plan take the whole
 * file.
 */
public final class FakeYouTube implements AutoCloseable {

	public static final String ACCESS_TOKEN = "ya29.fake-access-token";

	static final String START_PATH = "/upload/youtube/v3/videos";

	private final FakeServer server;

	private final List<Upload> anyTitle;

	private final Map<String, List<Upload>> plans = new ConcurrentHashMap<>();

	private final List<FakeUploadSession> sessions = new CopyOnWriteArrayList<>();

	private final List<String> titles = new CopyOnWriteArrayList<>();

	private FakeYouTube(List<Upload> anyTitle) throws IOException {
		this.server = FakeServer.start();
		this.anyTitle = List.copyOf(anyTitle);
		this.server.on("/token", (request) -> Reply.json(200,
				"{\"access_token\": \"" + ACCESS_TOKEN + "\", \"expires_in\": 3599, \"token_type\": \"Bearer\"}"));
		this.server.on(START_PATH, (request) -> startSession(request.json().path("snippet").path("title").asText(),
				Long.parseLong(request.header("X-Upload-Content-Length"))));
	}

	/** The first sessions of every title without a plan of its own behave as planned. */
	public static FakeYouTube start(Upload... plan) throws IOException {
		return new FakeYouTube(List.of(plan));
	}

	/** The first sessions for videos of that title behave as planned, in order. */
	public void plan(String title, Upload... plan) {
		this.plans.put(title, List.of(plan));
	}

	/** For both the Data API and OAuth. */
	public URI baseUrl() {
		return this.server.baseUrl();
	}

	/** How many upload sessions were opened. */
	public int sessions() {
		return this.sessions.size();
	}

	/** The numbers of the sessions opened for videos of that title, in order. */
	public List<Integer> sessionsOf(String title) {
		return IntStream.range(0, this.titles.size())
			.filter((number) -> this.titles.get(number).equals(title))
			.boxed()
			.toList();
	}

	/** The video id the session of that number answers once it holds the whole file. */
	public String videoId(int session) {
		return this.sessions.get(session).videoId();
	}

	public byte[] received(int session) {
		return this.sessions.get(session).received();
	}

	/** The {@code Content-Range} of each request to the session, "" where it had none. */
	public List<String> contentRanges(int session) {
		return this.sessions.get(session).contentRanges();
	}

	@Override
	public void close() {
		this.server.close();
	}

	private synchronized Reply startSession(String title, long total) {
		int number = this.sessions.size();
		List<Upload> plan = this.plans.getOrDefault(title, this.anyTitle);
		int ofTitle = sessionsOf(title).size();
		Upload upload = (ofTitle < plan.size()) ? plan.get(ofTitle) : Upload.complete();
		FakeUploadSession session = new FakeUploadSession(total, "ytVideo" + number, upload.breakage(),
				(upload.afterBytes() < 0) ? Math.toIntExact(total) : upload.afterBytes(), upload.breaks());
		String path = "/upload/session/" + number;
		this.server.onRaw(path, session);
		this.titles.add(title);
		this.sessions.add(session);
		return Reply.status(200, Map.of("Location", this.server.baseUrl() + path + "?upload_id=u" + number));
	}

	/** How one session behaves. */
	public record Upload(Break breakage, int afterBytes, int breaks) {

		/** Takes the whole file and answers the video. */
		public static Upload complete() {
			return new Upload(Break.DROP_CONNECTION, 0, 0);
		}

		/** The first upload's connection drops after that many bytes arrived. */
		public static Upload droppedAfter(int bytes) {
			return new Upload(Break.DROP_CONNECTION, bytes, 1);
		}

		/**
		 * The first upload's connection drops once the whole file arrived, before the
		 * answer: the video exists, and the uploader does not know.
		 */
		public static Upload droppedOnceComplete() {
			return new Upload(Break.DROP_CONNECTION, -1, 1);
		}

		/** The connection drops after that many bytes, and the session expires. */
		public static Upload expiredAfter(int bytes) {
			return new Upload(Break.EXPIRE, bytes, 1);
		}

	}

}
