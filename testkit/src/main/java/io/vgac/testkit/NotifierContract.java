package io.vgac.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vgac.agents.tools.Alert;
import io.vgac.agents.tools.AlertSeverity;
import io.vgac.agents.tools.Notifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Notifier}: every implementation's test extends this class, implements {@link #create}
 * against its (fake) destination, and reports the texts that arrived there in {@link #deliveredTexts}. Covers:
 * messages, alerts of every severity and escalations with context arrive, each once, with their text intact
 * (non-ASCII, Slack-style markup and a long text included); concurrent deliveries all arrive. Delivery may be
 * asynchronous: the contract waits up to {@link #deliveryDeadline()} for the texts to arrive. An implementation
 * that is {@link AutoCloseable} is closed after each test.
 */
public abstract class NotifierContract {
  private static final int THREADS = 4;
  private static final int PER_THREAD = 25;

  /** The notifier under test. */
  protected Notifier notifier;

  /** A new notifier whose destination has received nothing. */
  protected abstract Notifier create() throws Exception;

  /**
   * The texts the destination behind {@code notifier} has received so far, one per delivered alert; each must
   * contain the alert's message (a chat payload may add formatting around it).
   */
  protected abstract List<String> deliveredTexts(Notifier notifier) throws Exception;

  /** How long an asynchronous implementation may take to deliver; 10 s unless overridden. */
  protected Duration deliveryDeadline() {
    return Duration.ofSeconds(10);
  }

  @BeforeEach
  void createNotifier() throws Exception {
    notifier = create();
  }

  @AfterEach
  void closeNotifier() throws Exception {
    if (notifier instanceof AutoCloseable c) {
      c.close();
    }
  }

  @Test
  void everyKindAndSeverityArrivesOnceWithItsText() throws Exception {
    ObjectNode context = JsonNodeFactory.instance.objectNode().put("job_id", "j-42").put("cluster_id", "gaia");
    List<Alert> alerts = new ArrayList<>();
    alerts.add(Alert.message("#gpu-alerts", "Job `j-42` will start in approximately *45 minutes* (calibration: 91%)"));
    for (AlertSeverity s : AlertSeverity.values()) {
      alerts.add(Alert.alert("#gpu-alerts", s, "Queue depth on gaia is " + s.name().toLowerCase() + " — café ✓"));
    }
    alerts.add(Alert.escalation("#gpu-alerts", "Low calibration (0.45) for cluster gaia", context));
    alerts.add(Alert.message("#gpu-alerts", "long " + "x".repeat(2_000)));
    for (Alert a : alerts) {
      notifier.deliver(a);
    }
    List<String> texts = awaitTexts(alerts.size());
    assertThat(texts).hasSize(alerts.size());
    for (Alert a : alerts) {
      assertThat(texts).as("the text of %s", a.kind()).anySatisfy(t -> assertThat(t).contains(a.message()));
    }
  }

  @Test
  void concurrentDeliveriesAllArrive() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < PER_THREAD; i++) {
            notifier.deliver(Alert.message("#gpu-alerts", "thread " + thread + " message " + i + "."));
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    List<String> texts = awaitTexts(THREADS * PER_THREAD);
    assertThat(texts).hasSize(THREADS * PER_THREAD);
    for (int t = 0; t < THREADS; t++) {
      for (int i = 0; i < PER_THREAD; i++) {
        String m = "thread " + t + " message " + i + ".";
        assertThat(texts.stream().filter(x -> x.contains(m)).count()).as(m).isEqualTo(1);
      }
    }
  }

  private List<String> awaitTexts(int count) throws Exception {
    long deadline = System.nanoTime() + deliveryDeadline().toNanos();
    List<String> texts = deliveredTexts(notifier);
    while (texts.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(10);
      texts = deliveredTexts(notifier);
    }
    return texts;
  }
}
