package io.slipway.platform.scaling.store;

import io.slipway.platform.scaling.DemandHistory;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Service;

/**
 * Keeps each app's per-minute demand in the database, so the predictive floor forecasts from
 * weeks of the app's own history even right after a platform restart.
 */
@Service
public class DemandStore {

    /** As far back as the forecast looks (five weeks). */
    public static final Duration KEPT = Duration.ofDays(35);

    private final DemandRecordRepository records;

    public DemandStore(DemandRecordRepository records) {
        this.records = records;
    }

    /** Stores the mean demand of the minute starting at {@code minute} (a later save of the same minute wins). */
    public void save(String app, Instant minute, double demand) {
        records.save(new DemandRecord(app, minute, demand));
    }

    /** A history filled with what is stored for {@code app} since {@code now} minus five weeks. */
    public DemandHistory load(String app, Instant now) {
        DemandHistory history = new DemandHistory();
        for (DemandRecord record : records.findByAppAndMinuteAfterOrderByMinute(app, now.minus(KEPT))) {
            history.add(record.getMinute(), record.getDemand());
        }
        return history;
    }

    /** Drops what no forecast will read any more. */
    public void prune(Instant now) {
        records.deleteByMinuteBefore(now.minus(KEPT));
    }

    public void deleteApp(String app) {
        records.deleteByApp(app);
    }
}
