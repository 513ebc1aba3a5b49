package io.slipway.platform.scaling.store;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

/** Scaling events by app, newest first. */
public interface ScalingEventRepository extends JpaRepository<ScalingEvent, Long> {

    List<ScalingEvent> findByAppOrderByAtDescIdDesc(String app, Limit limit);

    void deleteByApp(String app);
}
