package io.slipway.platform.config;

import io.slipway.platform.runtime.Reconciler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the reconciler on a fixed delay (slipway.reconcile-interval). */
@Component
class ReconcileSchedule {

    private final Reconciler reconciler;

    ReconcileSchedule(Reconciler reconciler) {
        this.reconciler = reconciler;
    }

    @Scheduled(fixedDelayString = "${slipway.reconcile-interval:2s}", initialDelayString = "1s")
    void reconcile() {
        reconciler.reconcile();
    }
}
