package io.slipway.platform.scaling.store;

import org.springframework.data.jpa.repository.JpaRepository;

/** Scaling overrides by app name. */
public interface ScalingOverrideRepository extends JpaRepository<ScalingOverride, String> {
}
