package io.slipway.platform.router;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Lets requests onto an instance slot, or makes them wait in a bounded queue per app: for a free
 * slot ({@code maxQueueWait}) or, when the app has no instance, for one to start ({@code coldStartWait}).
 * One sweep, every {@link #TICK} while anything waits, ends the waits that are over: no timer per
 * request.
 */
final class Admission implements AutoCloseable {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Admission.class);

    /** A request waiting; exactly one of {@link #admit} and {@link #expire} is called, once. */
    interface Waiter {

        /** A slot on {@code target} is taken for this request. */
        void admit(RoutingTable.Target target);

        /** The wait is over without a slot. */
        void expire(String detail);
    }

    /** What became of a request that could not get a slot at once. */
    enum Outcome { QUEUED, FULL }

    /** How often waits are checked: a wait ends at most this long after its limit. */
    static final Duration TICK = Duration.ofMillis(50);

    private static final class Waiting {
        final Waiter waiter;
        final Set<String> excluded;
        final boolean cold;
        final long deadline;
        final AtomicBoolean claimed = new AtomicBoolean();

        Waiting(Waiter waiter, Set<String> excluded, boolean cold, long deadline) {
            this.waiter = waiter;
            this.excluded = excluded;
            this.cold = cold;
            this.deadline = deadline;
        }
    }

    private final RoutingTable table;
    private final RouterProperties properties;
    private final Supplier<ColdStarts> coldStarts;
    private final Map<String, Deque<Waiting>> queues = new ConcurrentHashMap<>();
    private final AtomicBoolean sweeping = new AtomicBoolean();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "router-queue-sweep");
        thread.setDaemon(true);
        return thread;
    });

    Admission(RoutingTable table, RouterProperties properties, Supplier<ColdStarts> coldStarts) {
        this.table = table;
        this.properties = properties;
        this.coldStarts = coldStarts;
        table.onCapacity(this::pump);
    }

    /** A slot at once if nobody is waiting before this request and an instance has one. */
    Optional<RoutingTable.Target> tryAcquire(String app, Set<String> excluded) {
        Deque<Waiting> queue = queue(app);
        synchronized (queue) {
            return queue.isEmpty() ? table.acquire(app, excluded) : Optional.empty();
        }
    }

    /** Queues {@code waiter} (which may be admitted at once); FULL when the app's queue is full. */
    Outcome enqueue(String app, Set<String> excluded, Waiter waiter) {
        Deque<Waiting> queue = queue(app);
        boolean cold = !table.hasTargets(app, excluded);
        synchronized (queue) {
            if (queue.size() >= properties.queueSize()) {
                return Outcome.FULL;
            }
            Duration wait = cold ? properties.coldStartWait() : properties.maxQueueWait();
            queue.addLast(new Waiting(waiter, excluded, cold, System.nanoTime() + wait.toNanos()));
        }
        armSweep();
        if (cold) {
            coldStarts.get().wake(app);
        }
        pump(app);
        return Outcome.QUEUED;
    }

    /** Requests of {@code app} waiting now. */
    int queued(String app) {
        Deque<Waiting> queue = queues.get(app);
        if (queue == null) {
            return 0;
        }
        synchronized (queue) {
            return queue.size();
        }
    }

    /** Drops a waiter whose client went away; false if it was admitted or expired already. */
    boolean cancel(String app, Waiter waiter) {
        Deque<Waiting> queue = queue(app);
        synchronized (queue) {
            for (Waiting waiting : queue) {
                if (waiting.waiter == waiter && waiting.claimed.compareAndSet(false, true)) {
                    queue.remove(waiting);
                    return true;
                }
            }
            return false;
        }
    }

    /** Admits waiters, in order, while the app's instances have free slots. */
    private void pump(String app) {
        Deque<Waiting> queue = queues.get(app);
        if (queue == null) {
            return;
        }
        while (true) {
            Waiting next;
            RoutingTable.Target target;
            synchronized (queue) {
                next = queue.peekFirst();
                if (next == null) {
                    return;
                }
                Optional<RoutingTable.Target> slot = table.acquire(app, next.excluded);
                if (slot.isEmpty()) {
                    return;
                }
                queue.pollFirst();
                target = slot.get();
            }
            if (next.claimed.compareAndSet(false, true)) {
                next.waiter.admit(target);
            } else {
                table.finished(target);
            }
        }
    }

    private void armSweep() {
        if (sweeping.compareAndSet(false, true)) {
            sweeper.schedule(this::sweep, TICK.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Ends the waits that are over, then looks again in a tick while anything still waits. */
    private void sweep() {
        long now = System.nanoTime();
        boolean waiting = false;
        for (Map.Entry<String, Deque<Waiting>> entry : queues.entrySet()) {
            List<Waiting> expired = new ArrayList<>(0);
            Deque<Waiting> queue = entry.getValue();
            synchronized (queue) {
                for (Iterator<Waiting> it = queue.iterator(); it.hasNext(); ) {
                    Waiting next = it.next();
                    if (now - next.deadline >= 0 && next.claimed.compareAndSet(false, true)) {
                        it.remove();
                        expired.add(next);
                    }
                }
                waiting |= !queue.isEmpty();
            }
            expired.forEach(w -> expire(entry.getKey(), w));
        }
        sweeping.set(false);
        if (waiting) {
            armSweep();
        } else {
            for (Deque<Waiting> queue : queues.values()) { // something queued since the look above
                synchronized (queue) {
                    if (!queue.isEmpty()) {
                        armSweep();
                        return;
                    }
                }
            }
        }
    }

    private void expire(String app, Waiting waiting) {
        Duration wait = waiting.cold ? properties.coldStartWait() : properties.maxQueueWait();
        try {
            waiting.waiter.expire(waiting.cold
                    ? "app '" + app + "' has no ready instance (waited " + wait.toSeconds() + "s for one to start)"
                    : "every instance of app '" + app + "' is busy (waited " + wait.toSeconds() + "s for a slot)");
        } catch (RuntimeException e) {
            log.warn("answering an expired wait for {} failed", app, e);
        }
    }

    private Deque<Waiting> queue(String app) {
        return queues.computeIfAbsent(app, a -> new ArrayDeque<>());
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}
