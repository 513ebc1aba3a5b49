package io.slipway.platform.scaling.store;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.transaction.annotation.Transactional;

/** Stored demand history, by app and minute. */
public interface DemandRecordRepository extends JpaRepository<DemandRecord, String> {

    List<DemandRecord> findByAppAndMinuteAfterOrderByMinute(String app, Instant after);

    @Transactional
    void deleteByApp(String app);

    @Transactional
    void deleteByMinuteBefore(Instant before);
}
