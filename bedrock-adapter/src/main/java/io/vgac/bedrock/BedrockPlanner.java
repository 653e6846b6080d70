package io.vgac.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vgac.agents.spi.PlannedAction;
import io.vgac.agents.spi.Planner;
import io.vgac.agents.spi.PlanningContext;
import io.vgac.agents.spi.RuleBasedPlanner;
import io.vgac.agents.tools.ToolRegistry;
import io.vgac.agents.tools.ToolResult;
import io.vgac.agents.tools.ToolSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultStatus;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

/**
 * A {@link Planner} backed by Claude on Amazon Bedrock (the Converse API). The model proposes; the gate disposes.
 *
 * <p><b>One job.</b> Without a prediction or at emitted tier 0 nothing is proposed and the model is not called (the
 * gate could allow nothing). Otherwise the conversation starts with a system prompt stating the cluster's calibration
 * evidence and the rules ({@link PlanningPrompt}) and a user message with the cluster's data quoted as JSON, and
 * offers the registry's tools that the configuration allows as Converse tool specifications (their JSON Schemas).
 * Each {@code tool_use} turn: every {@code toolUse} block is checked (offered tool, JSON object input, {@code job_id}
 * and {@code cluster_id} only those of the job being planned), then called through the {@link ToolRegistry}, which
 * validates the input against the tool's schema and sends the scheduler tools through the action gate (so their
 * decisions are in the decision log); a refusal — by these checks, the schema or the gate (escalated, denied) —
 * goes back as a {@code toolResult} with status {@code error} and the reason. An {@code end_turn} answer is read as
 * a plan ({@code {"actions": [...]}}, see the system prompt); its actions are returned, stated to come from
 * {@code bedrock:<model id>}, and the workflow sends them through the gate.
 *
 * <p><b>Fallback.</b> Throttling (429), 5xx, timeouts and I/O errors are retried up to
 * {@link BedrockPlannerConfig#maxAttempts()} with full-jitter exponential backoff; other errors are not retried.
 * When the model cannot be used — errors after the retries, a stop reason other than {@code end_turn} (e.g.
 * {@code max_tokens}, {@code guardrail_intervened}, {@code content_filtered}, {@code malformed_tool_use}, or one
 * unknown to this SDK), an answer without a plan, or the round-trip cap — the fallback planner (default
 * {@link RuleBasedPlanner}) proposes instead, and its actions are stated to come from
 * {@code rule-based; fallback from bedrock:<model id>: <reason>}, which the decision log records. Tool calls made
 * before the fallback stay made (each was gated).
 *
 * <p><b>Measurements.</b> Every call's tokens, latency and stop reason go to the {@link PlannerListener} and to the
 * DEBUG log, each job's outcome to the listener and the INFO log; prompts, tool inputs and model text are never
 * logged.
 *
 * <p>Thread-safe when the tool registry's handlers are.
 */
public final class BedrockPlanner implements Planner {
  private static final Logger LOG = LoggerFactory.getLogger(BedrockPlanner.class);

  private final BedrockPlannerConfig config;
  private final BedrockRuntimeClient client;
  private final Supplier<ToolRegistry> tools;
  private final Planner fallback;
  private final PlannerListener listener;
  private final Sleeper sleeper;
  private final Random jitter;
  private final String name;

  /** Waits between attempts (tests replace it). */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  private BedrockPlanner(Builder b, BedrockRuntimeClient client) {
    this.config = b.config;
    this.client = client;
    this.tools = b.tools;
    this.fallback = b.fallback;
    this.listener = b.listener;
    this.sleeper = b.sleeper;
    this.jitter = b.jitter;
    this.name = "bedrock:" + config.modelId();
  }

  public static Builder builder(BedrockPlannerConfig config) {
    return new Builder(config);
  }

  public BedrockPlannerConfig config() {
    return config;
  }

  /** {@code bedrock:<model id>}, as written to the decision log's {@code planner} field. */
  public String name() {
    return name;
  }

  @Override
  public List<PlannedAction> propose(PlanningContext c) {
    long t0 = System.nanoTime();
    Conversation conv = new Conversation(c);
    if (c.prediction() == null || c.emittedTier() == 0) {
      // no tier can act here, so there is nothing to ask the model; the fallback planner may still hand a risky
      // job of an environment without established calibration to a human (the gate escalates it)
      List<PlannedAction> out = new ArrayList<>();
      for (PlannedAction a : fallback.propose(c)) {
        out.add(a.withPlanner("rule-based; " + name + " not consulted at emitted tier 0"));
      }
      conv.finish(PlanStatus.SKIPPED, out, null, t0);
      return List.copyOf(out);
    }
    String failure;
    try {
      ModelPlan.Parsed plan = conv.run();
      if (plan.problem() == null) {
        conv.finish(PlanStatus.MODEL, plan.actions(), null, t0);
        return plan.actions();
      }
      failure = plan.problem();
    } catch (ModelUnavailable e) {
      failure = e.getMessage();
    } catch (RuntimeException e) {
      LOG.warn("Bedrock planner failed for job {}; falling back", Logs.safe(c.job().jobId()), e);
      failure = "planner error: " + e.getClass().getSimpleName();
    }
    String stated = "rule-based; fallback from " + name + ": " + failure;
    List<PlannedAction> out = new ArrayList<>();
    for (PlannedAction a : fallback.propose(c)) {
      out.add(a.withPlanner(stated));
    }
    conv.finish(PlanStatus.FALLBACK, out, failure, t0);
    return List.copyOf(out);
  }

  /** The model could not be called successfully (after retries); the message says why, without secrets. */
  private static final class ModelUnavailable extends Exception {
    private static final long serialVersionUID = 1L;

    ModelUnavailable(String why) {
      super(why, null, false, false);
    }
  }

  /** One job's conversation and its counters. */
  private final class Conversation {
    private final PlanningContext c;
    private int roundTrips;
    private int toolCalls;
    private int refused;
    private long inputTokens;
    private long outputTokens;

    Conversation(PlanningContext c) {
      this.c = c;
    }

    ModelPlan.Parsed run() throws ModelUnavailable {
      ToolRegistry registry = registry();
      List<ToolSpec> offered = new ArrayList<>();
      for (ToolSpec s : registry.specs()) {
        if (config.allowedTools().contains(s.name())) {
          offered.add(s);
        }
      }
      Set<String> offeredNames = new LinkedHashSet<>();
      offered.forEach(s -> offeredNames.add(s.name()));
      ConverseRequest.Builder base = ConverseRequest.builder()
          .modelId(config.modelId())
          .system(SystemContentBlock.fromText(PlanningPrompt.system(c, offeredNames)))
          .inferenceConfig(InferenceConfiguration.builder()
              .maxTokens(config.maxTokens())
              .temperature((float) config.temperature())
              .build());
      if (!offered.isEmpty()) {
        base.toolConfig(toolConfig(offered));
      }
      List<Message> messages = new ArrayList<>();
      messages.add(Message.builder().role(ConversationRole.USER)
          .content(ContentBlock.fromText(PlanningPrompt.userMessage(c))).build());
      for (int round = 1; round <= config.maxRoundTrips(); round++) {
        ConverseResponse r = call(base.copy().messages(List.copyOf(messages)).build(), round);
        Message reply = r.output() == null ? null : r.output().message();
        StopReason stop = r.stopReason();
        if (stop == StopReason.TOOL_USE) {
          List<ToolUseBlock> uses = new ArrayList<>();
          if (reply != null) {
            reply.content().forEach(b -> {
              if (b.toolUse() != null) {
                uses.add(b.toolUse());
              }
            });
          }
          if (uses.isEmpty()) {
            return problem("stop reason tool_use without a toolUse block");
          }
          if (round == config.maxRoundTrips()) {
            // no turn is left to report results: the calls are not made
            return problem("round-trip cap (" + config.maxRoundTrips() + ") reached with tool calls pending");
          }
          messages.add(reply);
          List<ContentBlock> results = new ArrayList<>(uses.size());
          for (ToolUseBlock u : uses) {
            results.add(ContentBlock.fromToolResult(answer(u, registry, offeredNames)));
          }
          messages.add(Message.builder().role(ConversationRole.USER).content(results).build());
          continue;
        }
        if (stop == StopReason.END_TURN || stop == StopReason.STOP_SEQUENCE) {
          StringBuilder text = new StringBuilder();
          if (reply != null) {
            reply.content().forEach(b -> {
              if (b.text() != null) {
                text.append(b.text()).append('\n');
              }
            });
          }
          return ModelPlan.parse(text.toString(), c, name);
        }
        return problem(stop == null || stop == StopReason.UNKNOWN_TO_SDK_VERSION
            ? "unknown stop reason '" + Logs.safe(String.valueOf(r.stopReasonAsString())) + "'"
            : "stop reason " + stop);
      }
      return problem("round-trip cap (" + config.maxRoundTrips() + ") reached");
    }

    private ModelPlan.Parsed problem(String why) {
      return new ModelPlan.Parsed(List.of(), 0, why);
    }

    private ToolRegistry registry() {
      try {
        return Objects.requireNonNull(tools.get(), "the tool supplier returned null");
      } catch (RuntimeException e) {
        LOG.warn("Tool registry unavailable for the Bedrock planner; planning without tools", e);
        return ToolRegistry.builder().build();
      }
    }

    /** Checks, calls and answers one tool use; never throws. */
    private ToolResultBlock answer(ToolUseBlock u, ToolRegistry registry, Set<String> offered) {
      toolCalls++;
      String tool = u.name() == null ? "" : u.name();
      JsonNode input = u.input() == null ? Documents.toJson(null) : Documents.toJson(u.input());
      String refusal = check(tool, input, offered);
      if (refusal != null) {
        refused++;
        LOG.warn("Refused the model's call of {} for job {}: {}", Logs.safe(tool), Logs.safe(c.job().jobId()),
            Logs.safe(refusal));
        return error(u, ToolResult.failure(refusal).toJson(), refusal);
      }
      ToolResult result = registry.call(tool, input);
      if (!result.success()) {
        refused++;
        LOG.warn("The model's call of {} for job {} failed: {}", tool, Logs.safe(c.job().jobId()),
            Logs.safe(String.valueOf(result.error())));
        return error(u, result.toJson(), String.valueOf(result.error()));
      }
      JsonNode data = result.data();
      if (data != null && data.has("decision") && data.path("executed").isBoolean()
          && !data.path("executed").asBoolean()) {
        refused++;
        String why = "Refused by the action gate (" + data.path("decision").asText() + "): "
            + data.path("reason").asText();
        LOG.info("The gate refused the model's call of {} for job {} ({})", tool, Logs.safe(c.job().jobId()),
            data.path("decision").asText());
        return error(u, result.toJson(), why);
      }
      return ToolResultBlock.builder().toolUseId(u.toolUseId())
          .content(ToolResultContentBlock.fromJson(Documents.toDocument(result.toJson())))
          .status(ToolResultStatus.SUCCESS).build();
    }

    /** Why the call is refused before it reaches the registry; null when it may go on. */
    private @Nullable String check(String tool, JsonNode input, Set<String> offered) {
      if (!offered.contains(tool)) {
        return "Unknown or unavailable tool '" + Logs.truncate(tool, 64) + "'; available: "
            + (offered.isEmpty() ? "none" : String.join(", ", offered));
      }
      if (!input.isObject()) {
        return "Invalid arguments for " + tool + ": input must be a JSON object";
      }
      JsonNode job = input.get("job_id");
      if (job != null && !(job.isTextual() && job.asText().equals(c.job().jobId()))) {
        return "Refused: " + tool + " may only name the job being planned (job_id " + c.job().jobId() + ")";
      }
      JsonNode cluster = input.get("cluster_id");
      if (cluster != null && !(cluster.isTextual() && cluster.asText().equals(c.job().clusterId()))) {
        return "Refused: " + tool + " may only name the cluster of the job being planned (cluster_id "
            + c.job().clusterId() + ")";
      }
      return null;
    }

    private ToolResultBlock error(ToolUseBlock u, ObjectNode json, String why) {
      return ToolResultBlock.builder().toolUseId(u.toolUseId())
          .content(ToolResultContentBlock.fromText(why), ToolResultContentBlock.fromJson(Documents.toDocument(json)))
          .status(ToolResultStatus.ERROR).build();
    }

    /** One Converse call with bounded retries; reports it to the listener. */
    private ConverseResponse call(ConverseRequest request, int round) throws ModelUnavailable {
      long t0 = System.nanoTime();
      String last = "no attempt";
      int attempts = 0;
      while (attempts < config.maxAttempts()) {
        attempts++;
        boolean retryable;
        try {
          ConverseResponse r = client.converse(request);
          roundTrips++;
          long in = r.usage() == null || r.usage().inputTokens() == null ? 0 : r.usage().inputTokens();
          long out = r.usage() == null || r.usage().outputTokens() == null ? 0 : r.usage().outputTokens();
          long server = r.metrics() == null || r.metrics().latencyMs() == null ? 0 : r.metrics().latencyMs();
          inputTokens += in;
          outputTokens += out;
          report(new ModelCall(config.modelId(), c.job().jobId(), round, attempts, r.stopReasonAsString(), in, out,
              server, Duration.ofNanos(System.nanoTime() - t0), null));
          return r;
        } catch (AwsServiceException e) {
          int status = e.statusCode();
          String type = e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
              ? e.getClass().getSimpleName() : e.awsErrorDetails().errorCode();
          last = Logs.safe(type) + " (" + status + ")";
          retryable = status == 429 || status == 408 || status >= 500 || e.isThrottlingException();
        } catch (SdkClientException e) {
          // timeouts and I/O: the request may not have reached the service. Whether a slow reply ends as the
          // SDK's attempt timeout or the HTTP client's read timeout is a race, so name the root cause too.
          last = withRootCause(e);
          retryable = true;
        } catch (SdkException e) {
          last = e.getClass().getSimpleName();
          retryable = false;
        }
        LOG.debug("bedrock converse attempt {} of {} for job {} failed: {} (retryable: {})", attempts,
            config.maxAttempts(), Logs.safe(c.job().jobId()), last, retryable);
        if (!retryable || attempts >= config.maxAttempts()) {
          break;
        }
        try {
          sleeper.sleep(backoff(attempts));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          last = last + ", interrupted while backing off";
          break;
        }
      }
      report(new ModelCall(config.modelId(), c.job().jobId(), round, attempts, null, 0, 0, 0,
          Duration.ofNanos(System.nanoTime() - t0), last));
      throw new ModelUnavailable(last + " after " + attempts + " attempt" + (attempts == 1 ? "" : "s"));
    }

    private void report(ModelCall call) {
      if (LOG.isDebugEnabled()) {
        LOG.debug("bedrock converse model={} job={} round={} attempts={} stop={} input_tokens={} output_tokens={} "
                + "server_latency_ms={} elapsed_ms={}{}", call.modelId(), Logs.safe(call.jobId()), call.roundTrip(),
            call.attempts(), Logs.safe(String.valueOf(call.stopReason())), call.inputTokens(), call.outputTokens(),
            call.serverLatencyMs(), call.elapsed().toMillis(), call.error() == null ? "" : " error=" + call.error());
      }
      try {
        listener.onModelCall(call);
      } catch (RuntimeException e) {
        LOG.warn("PlannerListener failed on a model call; ignored", e);
      }
    }

    void finish(PlanStatus status, List<PlannedAction> actions, @Nullable String reason, long t0) {
      PlanOutcome o = new PlanOutcome(c.job().jobId(), c.job().clusterId(), status, roundTrips, toolCalls, refused,
          actions.size(), reason, inputTokens, outputTokens, Duration.ofNanos(System.nanoTime() - t0));
      if (status == PlanStatus.FALLBACK) {
        LOG.warn("bedrock planner fell back for job {} in {}: {} (round_trips={} tool_calls={} refused={} "
                + "input_tokens={} output_tokens={} elapsed_ms={})", Logs.safe(o.jobId()), Logs.safe(o.clusterId()),
            reason, o.roundTrips(), o.toolCalls(), o.refusedToolCalls(), o.inputTokens(), o.outputTokens(),
            o.elapsed().toMillis());
      } else if (status == PlanStatus.MODEL) {
        LOG.info("bedrock planner planned job {} in {}: proposals={} round_trips={} tool_calls={} refused={} "
                + "input_tokens={} output_tokens={} elapsed_ms={}", Logs.safe(o.jobId()), Logs.safe(o.clusterId()),
            o.proposals(), o.roundTrips(), o.toolCalls(), o.refusedToolCalls(), o.inputTokens(), o.outputTokens(),
            o.elapsed().toMillis());
      }
      try {
        listener.onPlan(o);
      } catch (RuntimeException e) {
        LOG.warn("PlannerListener failed on a plan; ignored", e);
      }
    }
  }

  private Duration backoff(int retry) {
    long base = config.baseBackoff().toNanos();
    if (base == 0) {
      return Duration.ZERO;
    }
    long cap = Math.min(config.maxBackoff().toNanos(), base << Math.min(retry - 1, 30));
    long wait;
    synchronized (jitter) {
      wait = (long) (jitter.nextDouble() * cap);
    }
    return Duration.ofNanos(wait);
  }

  private static ToolConfiguration toolConfig(List<ToolSpec> specs) {
    List<Tool> out = new ArrayList<>(specs.size());
    for (ToolSpec s : specs) {
      ObjectNode schema = (ObjectNode) s.parameters();
      schema.remove("$schema"); // the dialect marker is ours; the model needs the shape only
      out.add(Tool.fromToolSpec(ToolSpecification.builder()
          .name(s.name())
          .description(s.description())
          .inputSchema(ToolInputSchema.fromJson(Documents.toDocument(schema)))
          .build()));
    }
    return ToolConfiguration.builder().tools(out).build();
  }

  /** Wires a {@link BedrockPlanner}; only the configuration is required. */
  public static final class Builder {
    private final BedrockPlannerConfig config;
    private @Nullable BedrockRuntimeClient client;
    private @Nullable AwsCredentialsProvider credentials;
    private Supplier<ToolRegistry> tools = () -> ToolRegistry.builder().build();
    private Planner fallback = RuleBasedPlanner.instance();
    private PlannerListener listener = PlannerListener.NONE;
    private Sleeper sleeper = d -> Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
    private Random jitter = new Random();

    private Builder(BedrockPlannerConfig config) {
      this.config = config;
    }

    /** The client to call (default: {@link BedrockClients#create} from the configuration). */
    public Builder client(BedrockRuntimeClient client) {
      this.client = client;
      return this;
    }

    /** Credentials of the default client (default: the SDK's default credentials chain). */
    public Builder credentials(AwsCredentialsProvider credentials) {
      this.credentials = credentials;
      return this;
    }

    /** The tools offered to the model (those the configuration allows); default none. */
    public Builder tools(ToolRegistry tools) {
      return tools(() -> tools);
    }

    /**
     * The tools, looked up at each job: use it to offer the tools of an {@code Agents} built after the planner,
     * e.g. {@code tools(() -> agentsRef.get().tools())}, whose scheduler tools go through that gate.
     */
    public Builder tools(Supplier<ToolRegistry> tools) {
      this.tools = tools;
      return this;
    }

    /** Proposes when the model cannot (default {@link RuleBasedPlanner}). */
    public Builder fallback(Planner fallback) {
      this.fallback = fallback;
      return this;
    }

    public Builder listener(PlannerListener listener) {
      this.listener = listener;
      return this;
    }

    /** The backoff's jitter source (default: unseeded). */
    public Builder jitterSeed(long seed) {
      this.jitter = new Random(seed);
      return this;
    }

    Builder sleeper(Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    public BedrockPlanner build() {
      BedrockRuntimeClient c = client != null ? client : BedrockClients.create(config, credentials);
      return new BedrockPlanner(this, c);
    }
  }

  /** {@code SdkClientException (SocketTimeoutException)}: the class names only, never a message. */
  private static String withRootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String name = e.getClass().getSimpleName();
    return root == e ? name : name + " (" + root.getClass().getSimpleName() + ")";
  }
}
