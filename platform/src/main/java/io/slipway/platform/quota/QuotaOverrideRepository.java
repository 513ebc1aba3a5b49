package io.slipway.platform.quota;

import org.springframework.data.jpa.repository.JpaRepository;

public interface QuotaOverrideRepository extends JpaRepository<QuotaOverride, String> {
}
