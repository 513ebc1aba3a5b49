package io.slipway.platform.runtime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock per app: a rollout, the reconciler's pass over the app and a deletion never run at
 * the same time, so nothing is started twice.
 */
public final class Rollouts {

    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    public ReentrantLock lockOf(String app) {
        return locks.computeIfAbsent(app, a -> new ReentrantLock());
    }
}
