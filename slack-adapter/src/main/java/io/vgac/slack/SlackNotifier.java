package io.vgac.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vgac.agents.approvals.PendingApproval;
import io.vgac.agents.tools.Alert;
import io.vgac.agents.tools.Notifier;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack {@link Notifier}: posts each alert to an incoming webhook as a Block Kit message ({@link SlackMessages}).
 *
 * <p><b>Asynchronous, on purpose.</b> {@link #deliver} only renders the message and puts it in a bounded queue; one
 * daemon thread posts it. The workflow calls its notifier while holding the cluster's lock, and Slack may ask to
 * wait (429 Retry-After, up to {@link SlackConfig#maxBackoff()}): a synchronous post would stall that cluster's
 * decisions for as long. So a decision never waits for Slack. When the queue is full the new alert is dropped and
 * counted ({@link SlackDeliveryStats#dropped()}); {@code deliver} never blocks and never throws.
 *
 * <p><b>Retries.</b> 429 (waiting Retry-After, capped by {@code maxBackoff}), 5xx, timeouts and I/O failures are
 * retried up to {@link SlackConfig#maxRetries()} times with exponential backoff from
 * {@link SlackConfig#initialBackoff()}; any other non-200 answer (e.g. 400 {@code invalid_payload}, 403, 404) is
 * final. A message that is not delivered is logged (WARN) and dropped: a failed notification never changes a
 * decision.
 *
 * <p><b>Secrets.</b> The webhook URL is never logged; failures are logged by status, Slack's short error text and
 * the exception's class, with the URL scrubbed from any message.
 *
 * <p>Thread-safe. {@link #close()} stops accepting alerts and gives the queue a moment to drain.
 */
public final class SlackNotifier implements Notifier, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SlackNotifier.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** How long {@link #close()} lets the queue drain. */
  public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(5);

  /** Waits between attempts; a test replaces it to record the waits instead. */
  @FunctionalInterface
  interface Sleeper {
    Sleeper SYSTEM = d -> TimeUnit.NANOSECONDS.sleep(d.toNanos());

    void sleep(Duration d) throws InterruptedException;
  }

  private record Outgoing(String kind, String json) {}

  private final SlackConfig config;
  private final HttpClient client;
  private final Sleeper sleeper;
  private final BlockingQueue<Outgoing> queue;
  private final Thread worker;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Redactor redactor;

  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final Object idle = new Object();

  /** A notifier posting to {@code config}'s webhook with the JDK HTTP client; starts its sender thread. */
  public SlackNotifier(SlackConfig config) {
    this(config, HttpClient.newBuilder().connectTimeout(config.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER).build(), Sleeper.SYSTEM);
  }

  SlackNotifier(SlackConfig config, HttpClient client, Sleeper sleeper) {
    this.config = config;
    this.client = client;
    this.sleeper = sleeper;
    this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
    this.redactor = new Redactor(config);
    this.worker = new Thread(this::run, "vgac-slack-notifier");
    worker.setDaemon(true);
    worker.start();
  }

  /** Queues {@code alert} for posting; never blocks, never throws (a full queue or a closed notifier drops it). */
  @Override
  public void deliver(Alert alert) {
    try {
      enqueue(alert.kind().name(), SlackMessages.payload(alert));
    } catch (RuntimeException e) {
      // rendering is pure and should not fail; if it does, the alert is lost, never the decision
      dropped.incrementAndGet();
      LOG.warn("Slack message for a {} could not be rendered; dropped: {}", alert.kind(), redactor.describe(e));
    }
  }

  /** Queues the approve/deny message of {@code approval} for the configured channel; never blocks or throws. */
  public void deliverPending(PendingApproval approval) {
    try {
      enqueue("PENDING_APPROVAL", SlackMessages.pendingApproval(approval, config.channel()));
    } catch (RuntimeException e) {
      dropped.incrementAndGet();
      LOG.warn("Slack approval message could not be rendered; dropped: {}", redactor.describe(e));
    }
  }

  private void enqueue(String kind, ObjectNode payload) {
    if (closed.get()) {
      dropped.incrementAndGet();
      LOG.warn("Slack notifier is closed; a {} was dropped", kind);
      return;
    }
    String json;
    try {
      json = MAPPER.writeValueAsString(payload);
    } catch (IOException e) {
      throw new IllegalStateException("JSON rendering failed", e);
    }
    // counted before offering, so awaitIdle never sees a message in flight as done
    accepted.incrementAndGet();
    if (!queue.offer(new Outgoing(kind, json))) {
      accepted.decrementAndGet();
      long n = dropped.incrementAndGet();
      if (n == 1 || n % 100 == 0) {
        LOG.warn("Slack notifier queue full ({} waiting); dropped a {} ({} dropped so far)", config.queueCapacity(),
            kind, n);
      }
    }
  }

  /** The counts so far. */
  public SlackDeliveryStats stats() {
    return new SlackDeliveryStats(accepted.get(), sent.get(), failed.get(), dropped.get(), retries.get(),
        queue.size());
  }

  /**
   * Waits until every accepted message was posted or given up, at most {@code timeout}; returns whether that
   * happened.
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (idle) {
      while (sent.get() + failed.get() < accepted.get()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(idle, left);
      }
      return true;
    }
  }

  /**
   * Stops accepting alerts, lets the queue drain for up to {@link #DEFAULT_CLOSE_TIMEOUT}, then stops the sender;
   * what is still queued is counted as dropped.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      awaitIdle(DEFAULT_CLOSE_TIMEOUT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    worker.interrupt();
    java.util.List<Outgoing> rest = new java.util.ArrayList<>();
    queue.drainTo(rest);
    if (!rest.isEmpty()) {
      synchronized (idle) {
        accepted.addAndGet(-rest.size()); // no longer waiting to be posted: dropped instead
        dropped.addAndGet(rest.size());
        idle.notifyAll();
      }
      LOG.warn("Slack notifier closed with {} message(s) unsent; dropped", rest.size());
    }
  }

  @Override
  public String toString() {
    return "SlackNotifier[" + config + ", " + stats() + "]";
  }

  // ---------------------------------------------------------------- sender thread

  private void run() {
    while (true) {
      Outgoing m;
      try {
        m = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      boolean ok;
      try {
        ok = send(m);
      } catch (InterruptedException e) {
        finish(failed);
        return;
      } catch (RuntimeException e) {
        LOG.warn("Slack notifier failed to post a {}; dropped: {}", m.kind(), redactor.describe(e));
        ok = false;
      }
      finish(ok ? sent : failed);
    }
  }

  private void finish(AtomicLong counter) {
    synchronized (idle) {
      counter.incrementAndGet();
      idle.notifyAll();
    }
  }

  /** Posts {@code m} with retries; true when Slack answered 200. */
  private boolean send(Outgoing m) throws InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(config.webhookUrl())
        .timeout(config.requestTimeout())
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(m.json()))
        .build();
    Duration backoff = config.initialBackoff();
    String last = "";
    for (int attempt = 0; ; attempt++) {
      Duration wait;
      try {
        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
        int status = r.statusCode();
        if (status == 200) {
          return true;
        }
        last = "HTTP " + status + " " + redactor.shortBody(r.body());
        if (status == 429) {
          OptionalLong after = retryAfterSeconds(r);
          wait = after.isPresent() ? Duration.ofSeconds(after.getAsLong()) : backoff;
        } else if (status >= 500) {
          wait = backoff;
        } else {
          LOG.warn("Slack rejected a {} ({}); dropped, not retried", m.kind(), last);
          return false;
        }
      } catch (IOException e) {
        last = redactor.describe(e);
        wait = backoff;
      }
      if (attempt >= config.maxRetries()) {
        LOG.warn("Slack did not take a {} after {} attempt(s) (last: {}); dropped", m.kind(), attempt + 1, last);
        return false;
      }
      retries.incrementAndGet();
      sleeper.sleep(min(wait, config.maxBackoff()));
      backoff = min(backoff.multipliedBy(2), config.maxBackoff());
    }
  }

  /** Retry-After in seconds (Slack sends seconds; an HTTP date is not used by Slack and is ignored). */
  static OptionalLong retryAfterSeconds(HttpResponse<?> r) {
    return r.headers().firstValue("Retry-After").flatMap(v -> {
      try {
        long s = Long.parseLong(v.strip());
        return s >= 0 ? java.util.Optional.of(s) : java.util.Optional.<Long>empty();
      } catch (NumberFormatException e) {
        return java.util.Optional.<Long>empty();
      }
    }).map(OptionalLong::of).orElse(OptionalLong.empty());
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** Keeps the webhook URL (and the signing secret) out of log text. */
  static final class Redactor {
    private final String[] secrets;

    Redactor(SlackConfig config) {
      String url = config.webhookUrl().toString();
      String path = config.webhookUrl().getRawPath();
      this.secrets = config.signingSecret().isPresent()
          ? new String[] {url, path == null ? url : path, config.signingSecret().get()}
          : new String[] {url, path == null ? url : path};
    }

    String scrub(String s) {
      String out = s;
      for (String secret : secrets) {
        if (!secret.isEmpty() && !secret.equals("/")) {
          out = out.replace(secret, "<redacted>");
        }
      }
      return out;
    }

    /** The exception's class and scrubbed message, and those of its causes; no stack trace (it may quote them). */
    String describe(Throwable e) {
      StringBuilder b = new StringBuilder();
      for (Throwable t = e; t != null && b.length() < 500; t = t.getCause()) {
        if (b.length() > 0) {
          b.append(" <- ");
        }
        b.append(t.getClass().getSimpleName());
        if (t.getMessage() != null) {
          b.append(": ").append(scrub(t.getMessage()));
        }
      }
      return b.toString();
    }

    /** Slack's error text (e.g. {@code invalid_payload}), scrubbed and cut to 100 characters. */
    String shortBody(String body) {
      String s = scrub(body.strip());
      return s.length() <= 100 ? s : s.substring(0, 100) + "…";
    }
  }
}
