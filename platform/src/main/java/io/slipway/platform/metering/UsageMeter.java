package io.slipway.platform.metering;

import io.slipway.platform.runtime.Instance;
import io.slipway.platform.runtime.InstanceSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps one {@link InstanceUsage} per instance, opened at the instance's real start and closed
 * when it stops: precisely at each start and stop the platform makes ({@link MeteredBackend}), and
 * by {@link #sync} for what happens behind its back (a crash, an instance found after a restart,
 * one that vanished while the platform was down).
 */
public final class UsageMeter {

    private static final Logger log = LoggerFactory.getLogger(UsageMeter.class);

    /** How long after its start a lifetime missing from a listing is given to show up in one. */
    private static final java.time.Duration START_MARGIN = java.time.Duration.ofSeconds(10);

    /** CPU and memory limits of an app's release, for instances found without a spec. */
    public interface Limits {

        /** {@code [cpus, memoryBytes]} of {@code app} v{@code release}, {@code [0, 0]} when unknown. */
        double[] of(String app, int release);
    }

    private final InstanceUsageRepository usages;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Function<String, String> owners;
    private final Limits limits;
    private final java.util.Set<String> stopping = java.util.concurrent.ConcurrentHashMap.newKeySet();

    UsageMeter(InstanceUsageRepository usages, TransactionTemplate tx, Clock clock, Function<String, String> owners,
            Limits limits) {
        this.usages = usages;
        this.tx = tx;
        this.clock = clock;
        this.owners = owners;
        this.limits = limits;
    }

    /** An instance was started from {@code spec}. */
    public void started(Instance instance, InstanceSpec spec) {
        retrying(() -> {
            InstanceUsage usage = usages.findById(instance.id()).orElse(null);
            if (usage == null) {
                usages.save(new InstanceUsage(instance.id(), instance.app(), owners.apply(instance.app()),
                        instance.release(), spec.cpus(), spec.memoryBytes(), instance.startedAt()));
            } else {
                // a sync saw it first: without its spec, and with the backend's listing time, which
                // may be its creation (docker) rather than its start
                usage.limits(spec.cpus(), spec.memoryBytes());
                usage.started(instance.startedAt());
            }
        });
    }

    /** Runs {@code work} in a transaction, again when a sync wrote the same row meanwhile. */
    private void retrying(Runnable work) {
        for (int attempt = 1; ; attempt++) {
            try {
                tx.executeWithoutResult(status -> work.run());
                return;
            } catch (OptimisticLockingFailureException | DataIntegrityViolationException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** The platform is stopping the instance: a sync meanwhile must not take it for one that vanished. */
    public void stopping(String instanceId) {
        stopping.add(instanceId);
    }

    /** Stopping the instance failed; syncs judge it again. */
    public void stopFailed(String instanceId) {
        stopping.remove(instanceId);
    }

    /** The instance stopped at {@code at}. */
    public void stopped(String instanceId, Instant at) {
        try {
            retrying(() -> usages.findById(instanceId).filter(InstanceUsage::open).ifPresent(usage -> usage.stop(at)));
        } finally {
            stopping.remove(instanceId);
        }
    }

    /**
     * Brings the open lifetimes in line with {@code instances}, every instance the backend had at
     * {@code listedAt}: lifetimes opened since then are left alone (their instance was not listed yet).
     */
    public void sync(List<Instance> instances, Instant listedAt) {
        Instant now = clock.instant();
        Map<String, Instance> byId = instances.stream().collect(Collectors.toMap(Instance::id, i -> i, (a, b) -> a));
        try {
            tx.executeWithoutResult(status -> apply(instances, byId, listedAt, now));
        } catch (OptimisticLockingFailureException | DataIntegrityViolationException e) {
            log.debug("metering sync met a concurrent start or stop; next round: {}", e.getMessage());
        }
    }

    private void apply(List<Instance> instances, Map<String, Instance> byId, Instant listedAt, Instant now) {
        for (InstanceUsage usage : usages.findByStoppedAtIsNull()) {
            Instance instance = byId.get(usage.getInstanceId());
            if (instance != null && instance.running()) {
                usage.seen(now);
            } else if (!stopping.contains(usage.getInstanceId()) && !usage.getStartedAt().isAfter(listedAt.minus(START_MARGIN))) {
                // exited or gone behind the platform's back: it ran until last seen, and is not billed after
                log.info("instance {} of '{}' stopped without the platform stopping it; metered until {}",
                        usage.getInstanceId(), usage.getApp(), usage.getLastSeenAt());
                usage.stop(usage.getLastSeenAt());
            }
        }
        for (Instance instance : instances) {
            if (instance.running() && !usages.existsById(instance.id())) {
                double[] limit = limits.of(instance.app(), instance.release());
                InstanceUsage usage = new InstanceUsage(instance.id(), instance.app(), owners.apply(instance.app()),
                        instance.release(), limit[0], (long) limit[1], instance.startedAt());
                usage.seen(now);
                usages.save(usage);
            }
        }
    }
}
