package io.slipway.runtime.scheduling;

import io.slipway.runtime.InferenceException;
import io.slipway.runtime.InferenceException.Kind;
import io.slipway.runtime.metrics.RuntimeMetrics;
import io.slipway.runtime.model.InferenceModel;
import io.slipway.runtime.tensor.Tensor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admits requests up to a capacity, queues them for a fixed set of engine workers and, when
 * batching is on, stacks concurrent requests into one engine call and splits the answer so each
 * caller gets exactly its own rows. Nothing waits forever: a full queue answers 503 at once and
 * a request past its timeout answers 504.
 */
public final class InferenceScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InferenceScheduler.class);

    private final InferenceModel model;
    private final SchedulerSettings settings;
    private final RuntimeMetrics metrics;
    private final LinkedBlockingDeque<Job> queue = new LinkedBlockingDeque<>();
    private final AtomicInteger admitted = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean closing;

    public InferenceScheduler(InferenceModel model, SchedulerSettings settings, RuntimeMetrics metrics) {
        this.model = model;
        this.settings = settings;
        this.metrics = metrics;
        metrics.watchQueue(queue::size, admitted::get);
        for (int i = 0; i < settings.workers(); i++) {
            Thread worker = new Thread(this::work, "engine-worker-" + i);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
    }

    /** A place in the scheduler, held from the start of a request to its answer. */
    public final class Admission implements AutoCloseable {
        private final long deadline = System.nanoTime() + settings.timeout().toNanos();
        private boolean closed;

        /** Runs inputs (in the model's order) and waits for the outputs until the deadline. */
        public List<Tensor> infer(List<Tensor> inputs) {
            Job job = new Job(inputs);
            queue.add(job);
            try {
                return job.result.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                job.result.cancel(false);
                throw new InferenceException(Kind.TIMEOUT, "the inference did not finish within "
                        + settings.timeout().toMillis() + " ms");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                job.result.cancel(false);
                throw new InferenceException(Kind.UNAVAILABLE, "the server is shutting down");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof InferenceException inferenceException) {
                    throw inferenceException;
                }
                throw new InferenceException(Kind.MODEL_FAILED, "the model failed: " + e.getCause().getMessage(),
                        e.getCause());
            } finally {
                // The place is free once the engine is done; writing the answer needs none.
                close();
            }
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                admitted.decrementAndGet();
            }
        }
    }

    /**
     * Takes a place for a request.
     *
     * @throws InferenceException {@link Kind#QUEUE_FULL} when the capacity is taken
     */
    public Admission admit() {
        if (closing) {
            throw new InferenceException(Kind.UNAVAILABLE, "the server is shutting down");
        }
        int now = admitted.incrementAndGet();
        if (now > settings.capacity()) {
            admitted.decrementAndGet();
            throw new InferenceException(Kind.QUEUE_FULL, "the server is at capacity (" + settings.capacity()
                    + " requests in flight or queued); retry shortly");
        }
        return new Admission();
    }

    public int queueDepth() {
        return queue.size();
    }

    public int inFlight() {
        return admitted.get();
    }

    public SchedulerSettings settings() {
        return settings;
    }

    private void work() {
        try (InferenceModel.Session session = model.newSession()) {
            while (!closing || !queue.isEmpty()) {
                Job first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null || first.abandoned()) {
                    continue;
                }
                run(session, collectBatch(first));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("engine worker stopped", e);
        }
    }

    /** Adds queued jobs to {@code first} while they stack, fit, and more are on their way. */
    private List<Job> collectBatch(Job first) throws InterruptedException {
        List<Job> batch = new ArrayList<>();
        batch.add(first);
        long rows = first.rows;
        long waitUntil = System.nanoTime() + settings.maxDelay().toNanos();
        while (rows < settings.maxBatchSize()) {
            Job next = queue.poll();
            if (next == null) {
                boolean moreComing = admitted.get() - running.get() - batch.size() > 0;
                long wait = waitUntil - System.nanoTime();
                if (!moreComing || wait <= 0) {
                    break;
                }
                next = queue.poll(Math.min(wait, 200_000L), TimeUnit.NANOSECONDS);
                if (next == null) {
                    continue;
                }
            }
            if (next.abandoned()) {
                continue;
            }
            if (rows + next.rows > settings.maxBatchSize() || !next.stacksWith(first)) {
                queue.offerFirst(next);
                break;
            }
            batch.add(next);
            rows += next.rows;
        }
        return batch;
    }

    private void run(InferenceModel.Session session, List<Job> batch) {
        running.addAndGet(batch.size());
        long start = System.nanoTime();
        try {
            List<Tensor> inputs = stack(batch);
            List<Tensor> outputs = session.run(inputs);
            metrics.inference((int) inputs.get(0).rows(), System.nanoTime() - start);
            split(batch, outputs);
        } catch (Exception | LinkageError e) {
            if (batch.size() > 1 && e instanceof InferenceException) {
                // One caller's bad input must not fail the others stacked with it.
                batch.forEach(job -> run(session, List.of(job)));
                return;
            }
            batch.forEach(job -> job.result.completeExceptionally(e));
        } finally {
            running.addAndGet(-batch.size());
        }
    }

    private static List<Tensor> stack(List<Job> batch) {
        if (batch.size() == 1) {
            return batch.get(0).inputs;
        }
        List<Tensor> stacked = new ArrayList<>();
        for (int i = 0; i < batch.get(0).inputs.size(); i++) {
            List<Tensor> parts = new ArrayList<>(batch.size());
            for (Job job : batch) {
                parts.add(job.inputs.get(i));
            }
            stacked.add(Tensor.concat(parts));
        }
        return stacked;
    }

    private static void split(List<Job> batch, List<Tensor> outputs) {
        if (batch.size() == 1) {
            batch.get(0).result.complete(outputs);
            return;
        }
        long total = batch.stream().mapToLong(job -> job.rows).sum();
        for (Tensor output : outputs) {
            if (output.shape().length == 0 || output.rows() != total) {
                throw new InferenceException(Kind.MODEL_FAILED, "output '" + output.name() + "' has "
                        + output.rows() + " rows for a batch of " + total + "; turn serving.batching off for this model");
            }
        }
        long from = 0;
        for (Job job : batch) {
            List<Tensor> own = new ArrayList<>(outputs.size());
            for (Tensor output : outputs) {
                own.add(output.rows(from, from + job.rows));
            }
            from += job.rows;
            job.result.complete(own);
        }
    }

    /** Stops taking requests, lets the workers finish what is queued, then stops them. */
    public void drain(Duration grace) {
        closing = true;
        long deadline = System.nanoTime() + grace.toNanos();
        for (Thread worker : workers) {
            try {
                worker.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        drain(Duration.ofSeconds(5));
    }
}
