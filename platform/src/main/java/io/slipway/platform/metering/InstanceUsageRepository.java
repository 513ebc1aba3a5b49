package io.slipway.platform.metering;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface InstanceUsageRepository extends JpaRepository<InstanceUsage, String> {

    List<InstanceUsage> findByStoppedAtIsNull();

    List<InstanceUsage> findByAppOrderByStartedAt(String app);

    boolean existsByApp(String app);

    /** Lifetimes that overlap {@code [from, to)}. */
    @Query("select u from InstanceUsage u where u.startedAt < :to and (u.stoppedAt is null or u.stoppedAt > :from)")
    List<InstanceUsage> overlapping(Instant from, Instant to);
}
