package com.ytempire.app.fault;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.ytempire.app.TestKeys;
import com.ytempire.app.fault.Attempt.Outcome;
import com.ytempire.app.fault.Intent.Kind;

/**
 * Clients that send a mix of commands and queries to whichever application processes are
 * up, and remember every command and every answer. The mix has repeats on purpose: the
 * same cost id again (harmless) and with another amount (refused), an
 * {@code Idempotency-Key} again with the same request (answered as before) and with
 * another (refused), requests the API must refuse as invalid, and commands that the
 * channels' and videos' state refuses. A command whose outcome is unknown is sent again
 * only where a repeat is safe: under its Idempotency-Key, or where the command carries
 * its own identity (a cost id, a channel name).
 */
final class LoadMix {

	private static final int MAX_ATTEMPTS = 6;

	private final List<AppNode> nodes;

	private final CommandClient client = new CommandClient();

	private final int threads;

	private final long pauseMillis;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private final AtomicLong numbers = new AtomicLong();

	private final AtomicInteger nextNode = new AtomicInteger();

	private final Queue<Intent> intents = new ConcurrentLinkedQueue<>();

	private final List<String> channels = new CopyOnWriteArrayList<>();

	private final List<String> videos = new CopyOnWriteArrayList<>();

	/**
	 * How many scheduled videos, in percent, the load leaves to production alone (no
	 * costs, no cancel), so they run to publication through the faults.
	 */
	private final int leftAlonePercent;

	private final List<String> usedKeys = new CopyOnWriteArrayList<>();

	private final QueryCounts queries = new QueryCounts();

	private final AtomicInteger schedulesLeft;

	private ExecutorService workers;

	private volatile boolean running;

	/**
	 * @param videos how many videos to schedule at most (each one is produced)
	 */
	LoadMix(List<AppNode> nodes, int threads, long pauseMillis, int videos, int leftAlonePercent) {
		this.schedulesLeft = new AtomicInteger(videos);
		this.leftAlonePercent = leftAlonePercent;
		this.nodes = nodes;
		this.threads = threads;
		this.pauseMillis = pauseMillis;
	}

	void start() {
		this.running = true;
		this.workers = Executors.newFixedThreadPool(this.threads);
		for (int i = 0; i < this.threads; i++) {
			this.workers.execute(this::sendUntilStopped);
		}
	}

	/** Stops sending and waits for the requests in flight, retries included. */
	void stop() throws InterruptedException {
		this.running = false;
		this.workers.shutdown();
		if (!this.workers.awaitTermination(3, TimeUnit.MINUTES)) {
			this.workers.shutdownNow();
			throw new IllegalStateException("The load clients did not stop within 3 minutes");
		}
	}

	List<Intent> intents() {
		return List.copyOf(this.intents);
	}

	QueryCounts queries() {
		return this.queries;
	}

	private void sendUntilStopped() {
		while (this.running) {
			try {
				act(ThreadLocalRandom.current());
				Thread.sleep(this.pauseMillis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private void act(ThreadLocalRandom random) throws InterruptedException {
		int roll = random.nextInt(100);
		if (this.channels.size() < 2 || roll < 5) {
			createChannel(random);
		}
		else if (roll < 10) {
			updateSettings(random);
		}
		else if (roll < 15) {
			pause(random);
		}
		else if (roll < 21) {
			resume(random);
		}
		else if (this.videos.isEmpty() || (roll < 36 && this.schedulesLeft.getAndDecrement() > 0)) {
			schedule(random);
		}
		else if (roll < 62) {
			recordCost(random);
		}
		else if (roll < 63) {
			cancel(random);
		}
		else if (roll < 67) {
			invalidCost(random);
		}
		else if (roll < 72) {
			reuseKey(random);
		}
		else {
			query(random);
		}
	}

	private void createChannel(ThreadLocalRandom random) throws InterruptedException {
		Intent intent = intent(Kind.CREATE_CHANNEL, "channel", null, random.nextBoolean());
		String body = "{\"name\":\"" + intent.marker()
				+ "\",\"niche\":\"tech\",\"dailyVideoQuota\":50,\"costCapPerVideo\":5.00}";
		// A name is claimed once: a channel created by a lost answer refuses the retry.
		if (deliver(intent, "POST", "/api/v1/channels", body, true)) {
			this.channels.add(intent.acknowledgedId());
			if (random.nextInt(5) == 0) {
				// Under the same key the same channel; without one, the name is taken.
				attempt(intent, "POST", "/api/v1/channels", body);
			}
		}
	}

	private void updateSettings(ThreadLocalRandom random) throws InterruptedException {
		String channel = pick(this.channels, random);
		Intent intent = intent(Kind.UPDATE_SETTINGS, "niche", channel, random.nextBoolean());
		String body = "{\"niche\":\"" + intent.marker()
				+ "\",\"dailyVideoQuota\":50,\"costCapPerVideo\":5.00,\"dailyBudget\":50}";
		deliverAndMaybeRepeat(intent, "PUT", "/api/v1/channels/" + channel + "/settings", body, random);
	}

	private void pause(ThreadLocalRandom random) throws InterruptedException {
		String channel = pick(this.channels, random);
		Intent intent = intent(Kind.PAUSE_CHANNEL, "pause", channel, random.nextBoolean());
		deliverAndMaybeRepeat(intent, "POST", "/api/v1/channels/" + channel + "/pause",
				"{\"reason\":\"" + intent.marker() + "\"}", random);
	}

	private void resume(ThreadLocalRandom random) throws InterruptedException {
		String channel = pick(this.channels, random);
		// Resuming carries nothing of its own: its key is what marks its event.
		Intent intent = intent(Kind.RESUME_CHANNEL, "resume", channel, true);
		deliverAndMaybeRepeat(intent, "POST", "/api/v1/channels/" + channel + "/resume", null, random);
	}

	private void schedule(ThreadLocalRandom random) throws InterruptedException {
		String channel = pick(this.channels, random);
		Intent intent = intent(Kind.SCHEDULE_VIDEO, "video", null, random.nextBoolean());
		Instant publishAt = Instant.now().plus(Duration.ofDays(1 + random.nextInt(60)));
		String body = "{\"channelId\":\"" + channel + "\",\"title\":\"" + intent.marker()
				+ "\",\"topic\":\"reliability\",\"publishAt\":\"" + publishAt + "\",\"targetLengthSeconds\":5}";
		if (deliverAndMaybeRepeat(intent, "POST", "/api/v1/videos", body, random)
				&& (this.videos.isEmpty() || random.nextInt(100) >= this.leftAlonePercent)) {
			this.videos.add(intent.acknowledgedId());
		}
	}

	private void recordCost(ThreadLocalRandom random) throws InterruptedException {
		String video = pick(this.videos, random);
		long micros = random.nextLong(1_000, 50_000);
		String costId = "cost-" + this.run + "-" + this.numbers.incrementAndGet();
		Intent intent = costIntent(video, costId, micros, random.nextBoolean());
		String path = "/api/v1/videos/" + video + "/costs";
		if (deliver(intent, "POST", path, costBody(costId, micros), true)) {
			int repeat = random.nextInt(20);
			if (repeat < 3) {
				// The same charge reported again: 200, nothing new stored.
				attempt(intent, "POST", path, costBody(costId, micros));
			}
			else if (repeat == 3) {
				// The same cost id with another amount: refused, and the first one stays.
				long other = micros + 1;
				deliver(costIntent(video, costId, other, false), "POST", path, costBody(costId, other), false);
			}
		}
	}

	private void cancel(ThreadLocalRandom random) throws InterruptedException {
		String video = pick(this.videos, random);
		Intent intent = intent(Kind.CANCEL_VIDEO, "cancel", video, random.nextBoolean());
		deliverAndMaybeRepeat(intent, "POST", "/api/v1/videos/" + video + "/cancel",
				"{\"reason\":\"" + intent.marker() + "\"}", random);
	}

	/** A negative amount: refused as invalid input, and nothing stored. */
	private void invalidCost(ThreadLocalRandom random) throws InterruptedException {
		String video = pick(this.videos, random);
		String costId = "invalid-" + this.run + "-" + this.numbers.incrementAndGet();
		Intent intent = costIntent(video, costId, -1_000_000, random.nextBoolean());
		deliver(intent, "POST", "/api/v1/videos/" + video + "/costs", costBody(costId, -1_000_000), true);
	}

	/**
	 * A used Idempotency-Key with another request: refused with 422 once the key is
	 * claimed.
	 */
	private void reuseKey(ThreadLocalRandom random) throws InterruptedException {
		if (this.usedKeys.isEmpty()) {
			return;
		}
		String video = pick(this.videos, random);
		String costId = "reused-" + this.run + "-" + this.numbers.incrementAndGet();
		Intent intent = new Intent(this.numbers.incrementAndGet(), Kind.RECORD_COST, costId + ":5000", video,
				pick(this.usedKeys, random));
		this.intents.add(intent);
		attempt(intent, "POST", "/api/v1/videos/" + video + "/costs", costBody(costId, 5000));
	}

	private void query(ThreadLocalRandom random) throws InterruptedException {
		String path = switch (random.nextInt(3)) {
			case 0 -> "/api/v1/channels?limit=5";
			case 1 -> "/api/v1/overview";
			default -> "/api/v1/videos/" + pick(this.videos, random);
		};
		this.queries.count(this.client.send(node(), TestKeys.VIEWER, "GET", path, null, null));
	}

	private Intent intent(Kind kind, String prefix, String aggregateId, boolean keyed) {
		long number = this.numbers.incrementAndGet();
		Intent intent = new Intent(number, kind, prefix + "-" + this.run + "-" + number, aggregateId,
				keyed ? newKey() : null);
		this.intents.add(intent);
		return intent;
	}

	private Intent costIntent(String video, String costId, long micros, boolean keyed) {
		Intent intent = new Intent(this.numbers.incrementAndGet(), Kind.RECORD_COST, costId + ":" + micros, video,
				keyed ? newKey() : null);
		this.intents.add(intent);
		return intent;
	}

	private String newKey() {
		String key = "key-" + this.run + "-" + this.numbers.incrementAndGet();
		this.usedKeys.add(key);
		return key;
	}

	private static String costBody(String costId, long micros) {
		return "{\"costId\":\"" + costId + "\",\"category\":\"RENDER\",\"amount\":"
				+ BigDecimal.valueOf(micros, 6).toPlainString() + ",\"provider\":\"load\",\"units\":1}";
	}

	/**
	 * Sends it; a keyed command acknowledged is now and then sent again under its key.
	 */
	private boolean deliverAndMaybeRepeat(Intent intent, String method, String path, String body,
			ThreadLocalRandom random) throws InterruptedException {
		boolean acknowledged = deliver(intent, method, path, body, false);
		if (acknowledged && intent.idempotencyKey() != null && random.nextInt(5) == 0) {
			attempt(intent, method, path, body);
		}
		return acknowledged;
	}

	/**
	 * Sends until an answer says what happened; an unknown outcome is retried where a
	 * repeat is safe: under an Idempotency-Key, when {@code repeatable} says the command
	 * carries its own identity, or when the request never reached the service.
	 * @return whether it was acknowledged
	 */
	private boolean deliver(Intent intent, String method, String path, String body, boolean repeatable)
			throws InterruptedException {
		for (int attempts = 1;; attempts++) {
			Attempt attempt = attempt(intent, method, path, body);
			if (!attempt.outcome().unknown()) {
				return attempt.outcome() == Outcome.ACKNOWLEDGED;
			}
			boolean safe = intent.idempotencyKey() != null || repeatable || attempt.outcome() == Outcome.REFUSED;
			if (!safe || attempts == MAX_ATTEMPTS) {
				return false;
			}
			Thread.sleep(500 + ThreadLocalRandom.current().nextInt(500));
		}
	}

	private Attempt attempt(Intent intent, String method, String path, String body) throws InterruptedException {
		Attempt attempt = this.client.send(node(), TestKeys.OPERATOR, method, path, body, intent.idempotencyKey());
		intent.add(attempt);
		return attempt;
	}

	/** The next process that is up, in turn; waits while none is. */
	private AppNode node() throws InterruptedException {
		while (true) {
			for (int i = 0; i < this.nodes.size(); i++) {
				AppNode node = this.nodes.get(Math.floorMod(this.nextNode.getAndIncrement(), this.nodes.size()));
				if (node.up()) {
					return node;
				}
			}
			Thread.sleep(100);
		}
	}

	private static String pick(List<String> values, ThreadLocalRandom random) {
		return values.get(random.nextInt(values.size()));
	}

}
